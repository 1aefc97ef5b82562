package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted {@code arp-scan} reports the hosts it asked, not every target: a /24 (253 targets besides itself) one second apart,
 * SIGINT once it has started, and the "Ending" line must count fewer than the 253 targets (it counted all of them). Skipped
 * unless root.
 */
class ArpScanInterruptLiveTest {
    private static final int T = 60;
    private static final Pattern ENDING = Pattern.compile("Ending netlab arp-scan: (\\d+) hosts scanned in ");
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
    void anInterruptedScanCountsOnlyTheHostsItAsked(@TempDir Path dir) throws Exception {
        Process p = lab.start(lab.a, dir, "arp-scan", "-i", "veth0", "--interval", "1s", "10.77.0.0/24");
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "Starting netlab arp-scan with 253 hosts", T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        Matcher m = ENDING.matcher(r.err());
        assertTrue(m.find(), r.err());
        int scanned = Integer.parseInt(m.group(1));
        assertTrue(scanned < 253, r.err());
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
    }
}
