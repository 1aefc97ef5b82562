package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capture -w} files under stress, in a namespace lab as in {@link CaptureLiveTest}: onto a 64 KiB
 * tmpfs while the peer sends far more (one line, exit 8, the complete records kept), and SIGINT after a
 * rotation (every file valid, together holding exactly the frames counted as captured).
 */
class CaptureFilesLiveTest {
    private static final int T = 60;
    private static final int FRAMES = 2000;
    private static NamespaceLab lab;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.create();
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }



    private static void send(int n) {
        NamespaceLab.Result r = lab.sendTestFrames(0, n, T);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void sigintAfterARotationLeavesEveryFileValidWithExactlyTheCapturedFrames() throws Exception {
        Path file = dir.resolve("r.pcap");
        Process p = lab.start(lab.a, dir, "capture", "veth0", "-C", "1", "-w", file.toString(), "ether proto 0x88b5");
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        // 16 000 records of 76 bytes: 1.2 MB, so a second file starts after about 13 150 frames.
        send(16_000);
        NamespaceLab.awaitSize(dir.resolve("r.pcap1"), 0, T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        Matcher m = Pattern.compile("(\\d+) packets captured\n").matcher(r.err());
        assertTrue(m.find(), r.err());
        List<byte[]> all = new ArrayList<>(WriteFailureTest.readablePrefix(file));
        int first = all.size();
        all.addAll(WriteFailureTest.readablePrefix(dir.resolve("r.pcap1")));
        assertTrue(Files.size(file) <= 1_000_000 && first > 13_000, first + " frames in the first file");
        assertEquals(Long.parseLong(m.group(1)), all.size());
        for (int k = 0; k < all.size(); k++) {
            assertArrayEquals(NamespaceLab.testFrame(k), all.get(k), "frame " + k);
        }
    }

    @Test
    void aFullDiskStopsTheCaptureWithOneLineAndKeepsWhatWasWritten() throws Exception {
        try (TinyMount m = TinyMount.mount(dir, "size=64k")) {
            Path file = m.dir.resolve("c.pcap");
            Process p = lab.start(lab.a, dir, "capture", "veth0", "-w", file.toString(), "ether proto 0x88b5");
            NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
            send(FRAMES);
            NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
            assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
            assertEquals("netlab: listening on veth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n"
                    + "netlab: " + file + ": cannot write: no space left on device (check the directory exists, "
                    + "is writable by the capturing user (see -Z) and has space)\n", r.err());
            List<byte[]> kept = WriteFailureTest.readablePrefix(file);
            assertTrue(kept.size() > 100 && kept.size() < FRAMES, "kept " + kept.size());
            for (int k = 0; k < kept.size(); k++) {
                assertArrayEquals(NamespaceLab.testFrame(k), kept.get(k), "frame " + k);
            }
        }
    }
}
