package netlab.capture.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** gzip-compressed pcap and pcapng (RFC 1952) read as their uncompressed selves, and written by name. */
class GzipCaptureTest {

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        }
        return out.toByteArray();
    }

    private static void assertSameFrames(List<Frame> expected, List<Frame> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes(), "frame " + (i + 1));
            assertEquals(expected.get(i).timestampNanos(), actual.get(i).timestampNanos());
            assertEquals(expected.get(i).originalLength(), actual.get(i).originalLength());
            assertEquals(expected.get(i).interfaceIndex(), actual.get(i).interfaceIndex());
        }
    }

    /** Every bundled and public capture that reads whole: its gzip gives the same frames. */
    @TestFactory
    Stream<DynamicTest> everyWholeSampleReadsTheSameGzipped() throws IOException {
        Path root = Captures.publicDir().getParent();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), () -> {
            List<Frame> plain;
            try {
                plain = Captures.readAll(p);
            } catch (IOException damaged) {
                return; // damaged samples: the hostile corpus covers damaged gzip files
            }
            try (FrameSource src = Captures.open(gzip(Files.readAllBytes(p)))) {
                assertSameFrames(plain, Captures.readAll(src));
            }
        }));
    }

    @Test
    void writerCompressesByNameAndReadsBack(@TempDir Path dir) throws IOException {
        List<Frame> frames = Captures.readAll(Captures.file("tcpdump/arp-oobr.pcap"));
        Path gz = dir.resolve("out.pcap.gz");
        try (PcapWriter w = PcapWriter.create(gz, LinkType.ETHERNET, 65535, Precision.MICRO)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        byte[] bytes = Files.readAllBytes(gz);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertTrue(bytes.length < Files.size(Captures.file("tcpdump/arp-oobr.pcap")) / 2, "compressed");
        assertSameFrames(frames, Captures.readAll(gz));
        // A plain name stays plain.
        Path plain = dir.resolve("out.pcap");
        try (PcapWriter w = PcapWriter.create(plain, LinkType.ETHERNET, 65535, Precision.MICRO)) {
            w.write(frames.get(0));
        }
        assertEquals(0xd4, Files.readAllBytes(plain)[0] & 0xff);
    }

    /**
     * Streaming: 400,000 frames (~24 MB of pcap) are compressed by another thread as they are read, through
     * a 64 KiB pipe, so the reader never has the file in memory.
     */
    @Test
    void aLongGzipStreamIsReadAsItArrives() throws Exception {
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(in);
        int n = 400_000;
        Thread writer = new Thread(() -> {
            try (OutputStream gz = new GZIPOutputStream(pipe, 1 << 16);
                 PcapWriter w = new PcapWriter(gz, LinkType.ETHERNET, Precision.MICRO)) {
                byte[] arp = new byte[42];
                for (int i = 0; i < n; i++) {
                    arp[41] = (byte) i;
                    w.write(Frame.of(arp, 1_700_000_000_000_000_000L + i * 1000L, LinkType.ETHERNET));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        long count = 0;
        try (InputStream stream = in; FrameSource src = CaptureFiles.open(stream, "pipe")) {
            for (Frame f = src.next(); f != null; f = src.next()) {
                assertEquals((byte) count, f.data()[f.offset() + 41]);
                count++;
            }
        }
        writer.join();
        assertEquals(n, count);
    }
}
