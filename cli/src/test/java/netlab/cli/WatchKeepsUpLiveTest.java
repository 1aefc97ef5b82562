package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * watch keeps up with a flood whatever its options: a burst of {@link #FLOOD} ARP requests from random MACs
 * and IPs, sent as fast as libpcap can from one namespace, while watch runs with its heaviest options (JSON
 * events, the database written every second) in the other. The kernel's own statistics decide, not a clock:
 * once the sender is done and watch stopped, every frame must be "received by filter" and none "dropped by
 * kernel". The burst is smaller than the capture ring watch shares with {@code capture --analyze} (blocks of
 * frames, ~400,000 60-byte frames in its 64 MiB), so a watch that is merely slower for a moment loses nothing;
 * per-frame delivery (immediate mode, a ring of fixed 512-byte slots) lost 39% of such a flood. Skipped unless root.
 */
class WatchKeepsUpLiveTest {
    private static final int T = 120;
    static final int FLOOD = 200_000;
    private static final Pattern STATS = Pattern.compile("(\\d+) packets received by filter, (\\d+) packets dropped by kernel");
    private static NamespaceLab lab;

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

    @Test
    void aFloodBurstIsReceivedWithNoKernelDropsWithJsonAndCheckpoints(@TempDir Path dir) throws Exception {
        Process watch = lab.start(lab.b, dir, "watch", "veth1", "--json", "--db", dir.resolve("db.json").toString(),
                "--checkpoint", "1s");
        NamespaceLab.awaitText(watch, dir.resolve("err.txt"), "netlab: watching veth1", T);
        NamespaceLab.Result sent = lab.exec(lab.a, T, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FloodSender.class.getName(), "veth0", String.valueOf(FLOOD));
        assertEquals(0, sent.code(), sent.err());
        assertEquals(String.valueOf(FLOOD), sent.out().strip());
        NamespaceLab.signal(watch, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(watch, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        Matcher m = STATS.matcher(r.err());
        assertTrue(m.find(), r.err());
        long received = Long.parseLong(m.group(1));
        long dropped = Long.parseLong(m.group(2));
        System.out.printf("watch --json --db --checkpoint 1s: %d sent, %d received by filter, %d dropped by kernel%n",
                FLOOD, received, dropped);
        assertEquals(0, dropped, r.err());
        assertTrue(received >= FLOOD, r.err());
        assertTrue(r.out().lines().count() >= 1000, "events");
        assertTrue(List.of(r.err().split("\n")).stream().anyMatch(l -> l.startsWith("netlab: wrote ")), r.err());
    }
}
