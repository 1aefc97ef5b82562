package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.capture.Frame;
import netlab.capture.file.PcapReader;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capture} on a veth pair between two namespaces this test creates; the peer sends known 60-byte
 * frames of the local experimental EtherType 0x88b5 (IEEE 802) through a raw packet socket.
 */
class CaptureLiveTest {
    private static final int T = 60;
    private static final String FILTER = "ether proto 0x88b5";
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



    private static void send(int from, int to) {
        NamespaceLab.Result r = lab.sendTestFrames(from, to, T);
        assertEquals(0, r.code(), r.err());
    }

    private static List<byte[]> frames(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (PcapReader r = new PcapReader(Files.newInputStream(file))) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                out.add(f.bytes());
            }
        }
        return out;
    }

    private static void assertFrames(int n, Path file) throws IOException {
        List<byte[]> got = frames(file);
        assertEquals(n, got.size());
        for (int k = 0; k < n; k++) {
            assertArrayEquals(NamespaceLab.testFrame(k), got.get(k), "frame " + k);
        }
    }

    /**
     * tcpdump's three statistics lines end {@code err}: exactly {@code n} captured and none dropped. "Received by
     * filter" is the kernel's count (PACKET_STATISTICS tp_packets), which also counts what reached the socket
     * before the filter was attached (the namespace's own IPv6 router solicitations, say): libpcap filters those
     * in user space and leaves them in the count, as tcpdump shows. So it is at least {@code n}, not exactly.
     */
    private static void assertStats(long n, String err) {
        List<String> lines = err.lines().toList();
        assertTrue(lines.size() >= 3, err);
        List<String> last = lines.subList(lines.size() - 3, lines.size());
        assertEquals(n + " packets captured", last.get(0), err);
        Matcher m = Pattern.compile("(\\d+) packets received by filter").matcher(last.get(1));
        assertTrue(m.matches() && Long.parseLong(m.group(1)) >= n, err);
        assertEquals("0 packets dropped by kernel", last.get(2), err);
    }

    @Test
    void aClosedStdoutEndsCaptureQuietlyWith141() throws Exception {
        Process p = lab.startPiped(lab.a, dir, "capture", "veth0", FILTER);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        send(0, 1);
        // capture veth0 | head -1: one line read, then the reader is gone.
        String line = NamespaceLab.firstLineThenClose(p, T);
        assertTrue(line.contains("0x88b5"), line);
        // A bounded burst: a capture that kept going past the closed pipe would outlive it and time out below.
        send(1, 1001);
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGPIPE, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void countAndWriteKeepEveryFrameByteExactAndTheStatsMatch() throws Exception {
        Path file = dir.resolve("c.pcap");
        Process p = lab.start(lab.a, dir, "capture", "veth0", "-c", "5", "-w", file.toString(), FILTER);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        send(0, 5);
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(0, r.code(), r.err());
        assertEquals("netlab: listening on veth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
                r.err().lines().findFirst().orElse(""), r.err());
        assertEquals(4, r.err().lines().count(), r.err());
        assertStats(5, r.err());
        assertEquals("", r.out());
        assertFrames(5, file);
    }

    @Test
    void sigintMidCaptureLeavesAValidFileAndExits130() throws Exception {
        Path file = dir.resolve("int.pcap");
        Process p = lab.start(lab.a, dir, "capture", "veth0", "-U", "-w", file.toString(), FILTER);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        send(0, 3);
        NamespaceLab.awaitSize(file, 24 + 3 * (16 + 60), T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        assertStats(3, r.err());
        assertFrames(3, file);
    }

    @Test
    void sigtermWithoutPerFrameFlushStillClosesTheFileComplete() throws Exception {
        Path file = dir.resolve("term.pcap");
        Process p = lab.start(lab.a, dir, "capture", "veth0", "--print", "-w", file.toString(), FILTER);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        send(0, 4);
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "0x88b5", T);
        while (Files.readString(dir.resolve("out.txt")).lines().count() < 4) {
            NamespaceLab.awaitText(p, dir.resolve("out.txt"), "\n", T);
            Thread.sleep(50);
        }
        NamespaceLab.signal(p, "TERM");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGTERM, r.code(), r.err());
        assertEquals(4, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.contains("02:00:00:00:00:02 > 02:00:00:00:00:01")), r.out());
        assertStats(4, r.err());
        assertFrames(4, file);
    }

    @Test
    void relinquishedPrivilegesWriteTheFileAsTheUser() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path file = shared.resolve("z.pcap");
        Process p = lab.start(lab.a, dir, "capture", "veth0", "-Z", "nobody", "-c", "2", "-w", file.toString(), FILTER);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        send(0, 2);
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(0, r.code(), r.err());
        int nobody = Integer.parseInt(lab.exec(lab.a, T, "id", "-u", "nobody").out().trim());
        assertEquals(nobody, Files.getAttribute(file, "unix:uid"));
        assertFrames(2, file);
    }

    @Test
    void anInterfaceThatIsDownIsRefusedWithExitTen() {
        // A second veth pair inside namespace a, left down (new links start down).
        lab.ip("-n", lab.a, "link", "add", "vdown0", "type", "veth", "peer", "name", "vdown1");
        try {
            NamespaceLab.Result r = lab.netlab(lab.a, T, "capture", "vdown0", "-c", "1");
            assertEquals(ExitCode.INTERFACE, r.code(), r.err());
            assertEquals("netlab: vdown0: interface is down (bring it up: ip link set vdown0 up)\n", r.err());
        } finally {
            lab.ip("-n", lab.a, "link", "del", "vdown0");
        }
    }

    @Test
    void durationEndsAQuietCapture() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "capture", "veth0", "--duration", "0.5", FILTER);
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertStats(0, r.err());
        assertFalse(r.err().contains("dropped by interface"), r.err());
    }
}
