package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code arp-scan} on a bridge with four host namespaces (10.77.3.1-4, see {@link NamespaceLab#bridged}),
 * scanning from the first: exactly the other three answer, with the MACs their kernels show; Debian's
 * arp-scan on the same segment finds the same; the target forms of a --file and the output flags. Skipped unless root.
 */
class ArpScanLiveTest {
    private static final int T = 60;
    private static final int NET = 3;
    private static final int HOSTS = 4;
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.bridged(NET, HOSTS);
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** IP to MAC of hosts 2..N, the MAC read back from the kernel ({@code ip -br link}: name, state, MAC). */
    private static Map<String, String> expected() {
        Map<String, String> m = new TreeMap<>();
        for (int k = 2; k <= HOSTS; k++) {
            String line = lab.ip("-n", lab.host(k), "-br", "link", "show", "eth0").out().trim();
            m.put(NamespaceLab.bridgedIp(NET, k), line.split("\\s+")[2]);
        }
        return m;
    }

    private static Map<String, String> parse(String out) {
        Map<String, String> m = new TreeMap<>();
        for (String line : out.lines().toList()) {
            String[] f = line.split("\t");
            if (m.put(f[0], f[1]) != null) {
                fail("duplicate line for " + f[0] + ": " + out);
            }
        }
        return m;
    }

    private static NamespaceLab.Result scan(String... args) {
        List<String> a = new ArrayList<>(List.of("arp-scan"));
        a.addAll(List.of(args));
        return lab.netlab(lab.host(1), T, a.toArray(String[]::new));
    }

    @Test
    void theSubnetScanFindsExactlyTheHostsCreatedInAddressOrder() {
        NamespaceLab.Result r = scan("10.77.3.0/24");
        assertEquals(0, r.code(), r.err());
        assertEquals(expected(), parse(r.out()));
        List<String> lines = r.out().lines().toList();
        for (int k = 2; k <= HOSTS; k++) {
            assertTrue(lines.get(k - 2).matches(NamespaceLab.bridgedIp(NET, k) + "\t" + NamespaceLab.bridgedMac(NET, k)
                    + "\t\\(Unknown: locally administered\\)\t\\d+\\.\\d{3} ms"), lines.get(k - 2));
        }
        List<String> err = r.err().lines().toList();
        assertEquals("Interface: eth0, type: EN10MB, MAC: " + NamespaceLab.bridgedMac(NET, 1) + ", IPv4: 10.77.3.1", err.get(0));
        assertEquals("Starting netlab arp-scan with 253 hosts", err.get(1));
        assertTrue(err.get(2).matches("\\d+ packets received by filter, 0 packets dropped by kernel"), err.get(2));
        assertTrue(err.get(3).matches("Ending netlab arp-scan: 253 hosts scanned in \\d+\\.\\d{3} seconds "
                + "\\(\\d+\\.\\d{2} hosts/sec\\)\\. 3 responded"), err.get(3));
    }

    @Test
    void localnetAndJsonGiveTheSameHosts() throws Exception {
        NamespaceLab.Result r = scan("--localnet", "--json", "--interval", "1ms", "--include-self");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals(253, doc.get("hosts").asInt());
        assertEquals(3, doc.get("responded").asInt());
        Map<String, String> seen = new TreeMap<>();
        for (JsonNode reply : doc.get("replies")) {
            if (!reply.get("self").asBoolean()) {
                assertTrue(reply.get("rtt_ms").asDouble() >= 0, reply.toString());
                seen.put(reply.get("ip").asText(), reply.get("mac").asText());
            } else {
                assertEquals("10.77.3.1", reply.get("ip").asText());
                assertEquals(NamespaceLab.bridgedMac(NET, 1), reply.get("mac").asText());
            }
        }
        assertEquals(expected(), seen);
        assertEquals("10.77.3.1", doc.get("replies").get(0).get("ip").asText());
    }

    @Test
    void twoMacsForOneAddressAreFlaggedAsDuplicates() {
        String h4 = lab.host(HOSTS);
        lab.ip("-n", h4, "addr", "add", "10.77.3.2/32", "dev", "eth0");
        try {
            NamespaceLab.Result r = scan("10.77.3.2/32");
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            assertEquals(2, lines.size(), r.out());
            List<String> macs = List.of(lines.get(0).split("\t")[1], lines.get(1).split("\t")[1]);
            assertEquals(List.of(NamespaceLab.bridgedMac(NET, 2), NamespaceLab.bridgedMac(NET, 4)), macs.stream().sorted().toList());
            assertTrue(lines.get(1).endsWith("\t(DUP: 2)"), r.out());
            assertTrue(r.err().endsWith("1 responded\n"), r.err());
            // -q keeps a line per reply, unflagged (arp-scan's --quiet); -x drops header and footer.
            r = scan("-q", "-x", "10.77.3.2");
            assertEquals(0, r.code(), r.err());
            assertEquals("", r.err());
            assertEquals(List.of("10.77.3.2\t" + NamespaceLab.bridgedMac(NET, 2), "10.77.3.2\t" + NamespaceLab.bridgedMac(NET, 4)),
                    r.out().lines().sorted().toList());
            r = scan("-g", "10.77.3.2");
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.out().lines().count(), r.out());
            assertTrue(r.err().endsWith("1 responded\n"), r.err());
        } finally {
            lab.ip("-n", h4, "addr", "del", "10.77.3.2/32", "dev", "eth0");
        }
    }

    @Test
    void aTargetsFilePlusACommandLineTargetQuietNoDupsInRandomOrder() throws IOException {
        Path dir = Files.createTempDirectory("nlt-arpscan");
        Path file = dir.resolve("targets.txt");
        try {
            Files.writeString(file, "# the lab's hosts\n"
                    + "10.77.3.2-10.77.3.3   # a range\n"
                    + "\n"
                    + "10.77.3.4:255.255.255.255\n"
                    + "10.77.3.0/30          # overlaps; .1 is our own and not asked\n");
            NamespaceLab.Result r = scan("-f", file.toString(), "-q", "-g", "-R", "--randomseed=7", "--timeout", "200ms",
                    "10.77.3.5");
            assertEquals(0, r.code(), r.err());
            assertEquals(List.of("10.77.3.2\t" + NamespaceLab.bridgedMac(NET, 2), "10.77.3.3\t" + NamespaceLab.bridgedMac(NET, 3),
                    "10.77.3.4\t" + NamespaceLab.bridgedMac(NET, 4)), r.out().lines().toList());
            List<String> err = r.err().lines().toList();
            assertEquals(4, err.size(), r.err());
            assertEquals("Starting netlab arp-scan with 4 hosts (random order, seed 7)", err.get(1));
            assertTrue(err.get(3).matches("Ending netlab arp-scan: 4 hosts scanned in .*\\. 3 responded"), err.get(3));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void limitStopsEarlyOrExitsOneWhenFewerAnswer() {
        NamespaceLab.Result r = scan("--limit", "1", "10.77.3.0/24");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        r = scan("--limit", "4", "--timeout", "200ms", "10.77.3.0/28");
        assertEquals(ExitCode.FINDING, r.code(), r.err());
        assertEquals(expected(), parse(r.out()));
    }

    @Test
    void aSubnetNotAttachedIsRefused() {
        NamespaceLab.Result r = scan("10.99.0.0/24");
        assertEquals(ExitCode.INTERFACE, r.code(), r.err());
        assertEquals("netlab: 10.99.0.0/24: not on any attached subnet, nothing sent (give -i IFACE to scan anyway; "
                + "'netlab interfaces' lists the subnets)\n", r.err());
    }

    @Test
    void debianArpScanFindsTheSameMacs() {
        NamespaceLab.requireTool("/usr/sbin/arp-scan", "arp-scan");
        // -q: IP and MAC only; -x: no header or footer; -g: no duplicates.
        NamespaceLab.Result theirs = lab.exec(lab.host(1), T, "arp-scan", "-I", "eth0", "-q", "-x", "-g", "10.77.3.0/24");
        assertEquals(0, theirs.code(), theirs.err());
        NamespaceLab.Result ours = scan("10.77.3.0/24");
        assertEquals(parse(theirs.out()), parse(ours.out()));
        assertEquals(expected(), parse(ours.out()));
    }
}
