package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.file.CaptureFiles;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard output that fails, in a child JVM through {@link Main}: a reader that goes away ({@code | head -1})
 * ends {@code read} and {@code analyze --events} at once and quietly (exit 141, as tcpdump killed by SIGPIPE),
 * even on an endless stdin; a full disk ({@code > /dev/full}) is one line and exit 8; {@code -w -} writes the
 * pcap to stdout as tcpdump does.
 *
 * <p>Stopping is checked without a clock: the child's stdin is fed up to {@link #MAX_FRAMES} frames; a child
 * that ignored the closed pipe would read them all and exit 0.
 */
class StdoutFailureTest {
    private static final int MAX_FRAMES = 3_000_000;

    @TempDir
    Path dir;

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "netlab.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Outcome of a child whose stdout was closed after its first line. */
    private record Closed(int code, String first, String err, long written) {
    }

    /** ARP reply "10.x.y.z is-at 02:00:xx:xx:xx:xx" for frame k: an unsolicited reply, so an event, each time. */
    static byte[] arpReply(int k) {
        byte[] b = new byte[60];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) 0xff;
        }
        byte[] mac = {2, 0, (byte) (k >>> 24), (byte) (k >>> 16), (byte) (k >>> 8), (byte) k};
        System.arraycopy(mac, 0, b, 6, 6);
        b[12] = 0x08;
        b[13] = 0x06;
        byte[] arp = {0, 1, 8, 0, 6, 4, 0, 2};
        System.arraycopy(arp, 0, b, 14, 8);
        System.arraycopy(mac, 0, b, 22, 6);
        b[28] = 10;
        b[29] = (byte) (k >>> 16);
        b[30] = (byte) (k >>> 8);
        b[31] = (byte) k;
        return b;
    }

    private Closed closeAfterFirstLine(boolean arp, String... args) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(java(args)).redirectError(err.toFile()).start();
        String[] first = new String[1];
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                first[0] = r.readLine();
            } catch (IOException e) {
                first[0] = "read failed: " + e;
            }
        });
        reader.start();
        long written = 0;
        try (OutputStream stdin = new BufferedOutputStream(p.getOutputStream(), 1 << 16);
             PcapWriter w = new PcapWriter(stdin, LinkType.ETHERNET, 65535, Precision.MICRO)) {
            for (; written < MAX_FRAMES; written++) {
                byte[] frame = arp ? arpReply((int) written + 1) : WriteFailureTest.frame((int) (written & 0xffff));
                w.write(Frame.of(frame, 1_700_000_000_000_000_000L + written * 1000L, LinkType.ETHERNET));
            }
        } catch (IOException e) {
            // Broken pipe: the child stopped reading.
        }
        reader.join();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        return new Closed(p.exitValue(), first[0], Files.readString(err), written);
    }

    @Test
    void readOfAnEndlessStdinEndsQuietlyOnceTheReaderIsGone() throws Exception {
        Closed c = closeAfterFirstLine(false, "read", "-");
        assertEquals(ExitCode.SIGPIPE, c.code, c.err);
        assertEquals("", c.err);
        assertTrue(c.first.contains("ethertype Unknown (0x88b5)") || c.first.contains("0x88b5"), c.first);
        assertTrue(c.written < MAX_FRAMES, "the child read every frame");
    }

    @Test
    void readLayersEndsQuietlyToo() throws Exception {
        Closed c = closeAfterFirstLine(false, "read", "-v", "-");
        assertEquals(ExitCode.SIGPIPE, c.code, c.err);
        assertEquals("", c.err);
        assertTrue(c.written < MAX_FRAMES, "the child read every frame");
    }

    @Test
    void analyzeEventsEndsQuietlyOnceTheReaderIsGone() throws Exception {
        Closed c = closeAfterFirstLine(true, "analyze", "--events", "-");
        assertEquals(ExitCode.SIGPIPE, c.code, c.err);
        assertEquals("", c.err);
        assertTrue(c.first.startsWith("{\"type\":\"unsolicited_reply\""), c.first);
        assertTrue(c.written < MAX_FRAMES, "the child read every frame");
    }

    private record Full(int code, String err) {
    }

    private Full toDevFull(String... args) throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(java(args)).redirectOutput(new File("/dev/full")).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        return new Full(p.exitValue(), Files.readString(err));
    }

    private static final String FULL = "netlab: stdout: cannot write: no space left on device (output before this "
            + "line is incomplete; check the disk it is redirected to)\n";

    @Test
    void aFullDiskOnStdoutIsOneLineAndExitEight() throws Exception {
        Full read = toDevFull("read", "-v", Run.sample("mixed-session.pcap"));
        assertEquals(ExitCode.WRITE_ERROR, read.code, read.err);
        assertEquals(FULL, read.err);
        Full json = toDevFull("analyze", "--json", Run.sample("mixed-session.pcap"));
        assertEquals(ExitCode.WRITE_ERROR, json.code, json.err);
        assertEquals(FULL, json.err);
        Full pcap = toDevFull("read", Run.sample("mixed-session.pcap"), "-w", "-");
        assertEquals(ExitCode.WRITE_ERROR, pcap.code, pcap.err);
        assertEquals(FULL, pcap.err);
    }

    @Test
    void dashWWritesThePcapToStdout() throws Exception {
        String in = Run.sample("mixed-session.pcap");
        Path out = dir.resolve("out.pcap");
        Process p = new ProcessBuilder(java("read", in, "-w", "-")).redirectOutput(out.toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertTrue(Files.notExists(Path.of("-")), "a file named '-' was created");
        try (FrameSource a = CaptureFiles.open(Path.of(in));
             FrameSource b = CaptureFiles.open(new ByteArrayInputStream(Files.readAllBytes(out)), "stdout")) {
            int n = 0;
            for (Frame f = a.next(); f != null; f = a.next(), n++) {
                Frame g = b.next();
                assertArrayEquals(f.bytes(), g.bytes(), "frame " + n);
                assertEquals(f.timestampNanos(), g.timestampNanos(), "frame " + n);
            }
            assertEquals(null, b.next());
            assertTrue(n > 10);
        }
    }

    @Test
    void printCannotShareStdoutWithDashW() {
        Run r = Run.of("read", Run.sample("mixed-session.pcap"), "-w", "-", "--print");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: read: --print cannot share stdout with -w - (see 'netlab read --help')\n", r.err());
    }
}
