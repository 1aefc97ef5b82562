package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code capture --analyze} on the veth pair of {@link NamespaceLab}: the peer captures while the other
 * side resolves it; events come as they happen, tables every interval, the analyze report at the end.
 */
class CaptureAnalyzeLiveTest {
    private static final int T = 60;
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

    private static Process analyze(Path dir, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("capture", "veth1", "--analyze", "--interval", "200ms"));
        args.addAll(List.of(more));
        // Only what the test makes happen: netlab's requests from A for B and B's replies to A (RFC 826 opcodes
        // at arp[6:2]); the kernels' own ARP, if any, must not change the counts.
        args.add("arp and ((ether src " + NamespaceLab.MAC_A + " and arp[6:2] = 1 and arp dst host " + NamespaceLab.IP_B
                + ") or (ether src " + NamespaceLab.MAC_B + " and arp[6:2] = 2 and arp dst host " + NamespaceLab.IP_A + "))");
        Process p = lab.start(lab.b, dir, args.toArray(String[]::new));
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "listening on", T);
        return p;
    }

    private static void resolve() {
        NamespaceLab.Result r = lab.netlab(lab.a, T, "arp-resolve", "-c", "2", "--interval", "0.2", NamespaceLab.IP_B);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void tablesEventsAndTheAnalyzeReport(@TempDir Path dir) throws Exception {
        Process p = analyze(dir);
        resolve();
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "ARP requests 2  replies 2  pairs 2", T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        String out = r.out();
        // Not a terminal (stdout is a file): plain blocks, no ANSI escape.
        assertTrue(!out.contains("\033["), out);
        assertTrue(out.contains("new_station       new station " + NamespaceLab.IP_A + " at " + NamespaceLab.MAC_A), out);
        assertTrue(out.contains("new_station       new station " + NamespaceLab.IP_B + " at " + NamespaceLab.MAC_B), out);
        assertTrue(out.contains("netlab capture veth1 --analyze"), out);
        assertTrue(out.contains("MAC table 2 stations"), out);
        int report = out.indexOf("== Summary");
        assertTrue(report > out.lastIndexOf("netlab capture veth1 --analyze"), out);
        assertTrue(out.indexOf("== Events", report) > 0, out);
        assertTrue(r.err().contains("4 packets captured"), r.err());
    }

    @Test
    void jsonGivesEventLinesThenTheReportAsOneLine(@TempDir Path dir) throws Exception {
        Process p = analyze(dir, "--json", "--immediate");
        resolve();
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), NamespaceLab.IP_B, T);
        NamespaceLab.signal(p, "TERM");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGTERM, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        ObjectMapper m = new ObjectMapper();
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertEquals("new_station", m.readTree(line).get("type").asText(), line);
        }
        JsonNode report = m.readTree(lines.get(lines.size() - 1));
        assertEquals("report", report.get("type").asText());
        // The signal may come before the last reply is read; the report counts what was captured.
        assertTrue(report.get("frames").asInt() >= 2, report.toString());
        assertTrue(r.err().contains(report.get("frames").asInt() + " packets captured"), r.err());
        assertEquals(2, report.get("event_counts").get("new_station").asInt());
    }
}
