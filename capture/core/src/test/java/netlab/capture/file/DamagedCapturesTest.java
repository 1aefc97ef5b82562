package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bundled capture (the public ones and {@code sample-pcaps/}) cut at every 997th byte, and with one
 * byte flipped at every 997th offset: the readers return frames or throw {@link CaptureFormatException},
 * nothing else, and always finish (each record consumes at least 12 bytes, and the loop is bounded
 * anyway). The timeouts are hang guards, not performance assertions.
 */
class DamagedCapturesTest {
    private static final int STEP = 997;
    private static final int MAX_FRAMES = 100_000;

    private static List<Path> publicCaptures() throws IOException {
        try (Stream<Path> files = Files.walk(Captures.publicDir())) {
            return files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)$")).sorted().toList();
        }
    }

    /** The public captures, then netlab's own samples. */
    private static List<Path> bundledCaptures() throws IOException {
        List<Path> all = new java.util.ArrayList<>(publicCaptures());
        Path samples = Path.of(System.getProperty("netlab.root", "..")).resolve("sample-pcaps");
        try (Stream<Path> files = Files.list(samples)) {
            files.filter(p -> p.toString().matches(".*\\.(pcap|pcapng)$")).sorted().forEach(all::add);
        }
        return all;
    }

    /** Reads to the end; returns the frame count, or -1 when a CaptureFormatException stopped it. */
    private static int readBounded(byte[] bytes, String what) {
        int n = 0;
        try (FrameSource s = Captures.open(bytes)) {
            for (Frame f = s.next(); f != null; f = s.next()) {
                if (++n > MAX_FRAMES) {
                    fail(what + ": more frames than bytes allow");
                }
                assertTrue(f.capturedLength() >= 0 && f.offset() + f.capturedLength() <= f.data().length);
            }
            return n;
        } catch (CaptureFormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, what + ": offset " + e.offset());
            return -1;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(what + ": reader threw " + e, e);
        }
    }

    @Test
    void publicCapturesExist() throws IOException {
        assertEquals(46, publicCaptures().size());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cutAtEvery997thByte() throws IOException {
        for (Path p : bundledCaptures()) {
            byte[] full = Files.readAllBytes(p);
            for (int len = 0; len < full.length; len += STEP) {
                readBounded(java.util.Arrays.copyOf(full, len), p.getFileName() + " cut at " + len);
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void byteFlippedAtEvery997thOffset() throws IOException {
        for (Path p : bundledCaptures()) {
            byte[] full = Files.readAllBytes(p);
            for (int at = 0; at < full.length; at += STEP) {
                for (int mask : new int[] {0xff, 0x80, 0x01}) {
                    byte[] damaged = full.clone();
                    damaged[at] ^= (byte) mask;
                    readBounded(damaged, p.getFileName() + " flipped 0x" + Integer.toHexString(mask) + " at " + at);
                }
            }
        }
    }
}
