package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** PcapWriter output read back by PcapReader, and byte-compared with files libpcap wrote. */
class PcapWriterTest {

    static byte[] write(List<Frame> frames, LinkType linkType, int snaplen, Precision precision) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter w = new PcapWriter(out, linkType, snaplen, precision)) {
            for (Frame f : frames) {
                w.write(f);
            }
        }
        return out.toByteArray();
    }

    static void assertSameFrames(List<Frame> expected, List<Frame> actual, long truncateTo) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Frame e = expected.get(i);
            Frame a = actual.get(i);
            assertArrayEquals(e.bytes(), a.bytes(), "frame " + (i + 1));
            assertEquals(e.originalLength(), a.originalLength(), "frame " + (i + 1));
            assertEquals(Math.floorDiv(e.timestampNanos(), truncateTo) * truncateTo, a.timestampNanos(), "frame " + (i + 1));
            assertEquals(e.linkType(), a.linkType());
        }
    }

    @Test
    void rewritingALibpcapFileIsByteIdentical() throws IOException {
        // arp-oobr.pcap: LE, microseconds, snaplen 65535, Ethernet, as libpcap writes it.
        byte[] original = Files.readAllBytes(Captures.file("tcpdump/arp-oobr.pcap"));
        List<Frame> frames = Captures.readAll(Captures.open(original));
        assertArrayEquals(original, write(frames, LinkType.ETHERNET, 65535, Precision.MICRO));
    }

    @Test
    void roundTripMicroAndNano() throws IOException {
        for (String name : List.of("tcpdump/tcp-handshake-nano.pcap", "pcapplusplus/nanosecs_big_endian.pcap",
                "pcapplusplus/microsecs_big_endian.pcap", "pcapplusplus/sll.pcap",
                "pcapplusplus/QinQ_802.1_AD.pcapng", "tcpdump/time_2038_overflow.pcap",
                "tcpdump/eapon1.pcap")) {
            List<Frame> frames = Captures.readAll(Captures.file(name));
            LinkType lt = frames.get(0).linkType();
            try (FrameSource nano = Captures.open(write(frames, lt, 262144, Precision.NANO))) {
                assertEquals(Precision.NANO, ((PcapReader) nano).precision());
                assertSameFrames(frames, Captures.readAll(nano), 1);
            }
            try (FrameSource micro = Captures.open(write(frames, lt, 262144, Precision.MICRO))) {
                assertSameFrames(frames, Captures.readAll(micro), 1000);
            }
        }
    }

    @Test
    void headerFields() throws IOException {
        byte[] b = write(List.of(), new LinkType(113), 96, Precision.NANO);
        assertArrayEquals(new Captures.Bytes().u32(0xa1b23c4dL).u16(2).u16(4).u32(0).u32(0).u32(96).u32(113).build(), b);
        try (PcapReader r = new PcapReader(new ByteArrayInputStream(b))) {
            assertEquals(96, r.snapLength());
            assertEquals(new LinkType(113), r.linkType());
        }
    }

    @Test
    void microsecondsAreTruncatedAndFramesCutToSnaplen() throws IOException {
        Frame f = new Frame(new byte[] {0, 1, 2, 3, 4, 5}, 1, 5, 70, 1_700_000_000_123_456_999L, LinkType.ETHERNET, 0);
        byte[] b = write(List.of(f), LinkType.ETHERNET, 3, Precision.MICRO);
        byte[] expected = new Captures.Bytes().u32(0xa1b2c3d4L).u16(2).u16(4).u32(0).u32(0).u32(3).u32(1)
                .u32(1_700_000_000L).u32(123_456).u32(3).u32(70).raw(1, 2, 3).build();
        assertArrayEquals(expected, b);
    }

    @Test
    void unrepresentableFramesAreRejected() throws IOException {
        PcapWriter w = new PcapWriter(new ByteArrayOutputStream(), LinkType.ETHERNET, Precision.MICRO);
        assertThrows(IllegalArgumentException.class, () -> w.write(Frame.of(new byte[1], -1, LinkType.ETHERNET)));
        assertThrows(IllegalArgumentException.class,
                () -> w.write(Frame.of(new byte[1], (1L << 32) * 1_000_000_000L, LinkType.ETHERNET)));
        assertThrows(IllegalArgumentException.class, () -> w.write(Frame.of(new byte[1], 0, LinkType.RAW)));
        w.write(Frame.of(new byte[1], (0xffff_ffffL) * 1_000_000_000L + 999_999_999L, LinkType.ETHERNET));
        w.close();
        assertThrows(IllegalArgumentException.class,
                () -> new PcapWriter(new ByteArrayOutputStream(), LinkType.ETHERNET, 0, Precision.MICRO));
    }
}
