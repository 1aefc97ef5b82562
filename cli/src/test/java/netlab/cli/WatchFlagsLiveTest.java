package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch -f} and {@code watch -Z} on a bridge with three host namespaces (10.77.5.1-3), h1 watching.
 * Skipped unless root.
 */
class WatchFlagsLiveTest {
    private static final int T = 60;
    private static final int NET = 5;
    private static final String BAD_FILTER = "arp and nonsense";
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.bridged(NET, 3);
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String ip(int k) {
        return NamespaceLab.bridgedIp(NET, k);
    }

    private static String mac(int k) {
        return NamespaceLab.bridgedMac(NET, k);
    }

    /** The events of {@code --json} output as "type ip mac" strings, in order. */
    private static List<String> events(String out) throws Exception {
        List<String> list = new ArrayList<>();
        for (String line : out.lines().toList()) {
            JsonNode e = new ObjectMapper().readTree(line);
            list.add(e.get("type").asText() + " " + e.path("ip").asText() + " " + e.path("mac").asText());
        }
        return list;
    }

    /** The database's bindings as ip to mac, and its stations as mac to their addresses. */
    private static Map<String, String> bindings(JsonNode doc) {
        Map<String, String> m = new TreeMap<>();
        doc.get("bindings").forEach(b -> m.put(b.get("ip").asText(), b.get("mac").asText()));
        return m;
    }

    private static Map<String, String> stations(JsonNode doc) {
        Map<String, String> m = new TreeMap<>();
        doc.get("stations").forEach(s -> m.put(s.get("mac").asText(), s.get("ips").toString()));
        return m;
    }

    private static void stop(Process p) {
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    @Test
    void anArpFilterKeepsIpTrafficOutOfTheMacTable(@TempDir Path dir) throws Exception {
        Path arpDir = Files.createDirectory(dir.resolve("arp"));
        Path allDir = Files.createDirectory(dir.resolve("all"));
        // Fresh neighbour caches, so h1's ping starts with one ARP exchange with h2.
        lab.ip("-n", lab.host(1), "neigh", "flush", "all");
        lab.ip("-n", lab.host(2), "neigh", "flush", "all");
        Process arp = null;
        Process all = null;
        try {
            arp = lab.start(lab.host(1), arpDir, "watch", "eth0", "--json", "-f", "arp", "--db", arpDir.resolve("db.json").toString());
            all = lab.start(lab.host(1), allDir, "watch", "eth0", "--json", "--db", allDir.resolve("db.json").toString());
            NamespaceLab.awaitText(arp, arpDir.resolve("err.txt"), "netlab: watching eth0", T);
            NamespaceLab.awaitText(all, allDir.resolve("err.txt"), "netlab: watching eth0", T);
            // h3 sends IPv4 broadcasts only: a broadcast destination needs no ARP, so h3 is never in an ARP frame.
            String py = "import socket\n"
                    + "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                    + "s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)\n"
                    + "for k in range(3):\n"
                    + "    s.sendto(b'netlab', ('10.77." + NET + ".255', 9))\n";
            assertEquals(0, lab.exec(lab.host(3), T, "/usr/bin/python3", "-c", py).code());
            NamespaceLab.Result ping = lab.exec(lab.host(1), T, "ping", "-n", "-c", "2", "-i", "0.2", "-W", "5", ip(2));
            assertEquals(0, ping.code(), ping.out() + ping.err());
            // h3's broadcasts came first, so the unfiltered watch has had them once it reports h2.
            NamespaceLab.awaitText(arp, arpDir.resolve("out.txt"), "\"ip\":\"" + ip(2) + "\"", T);
            NamespaceLab.awaitText(all, allDir.resolve("out.txt"), "\"ip\":\"" + ip(2) + "\"", T);
            NamespaceLab.signal(arp, "INT");
            NamespaceLab.signal(all, "INT");
            NamespaceLab.Result a = NamespaceLab.finish(arp, arpDir, T);
            NamespaceLab.Result u = NamespaceLab.finish(all, allDir, T);
            assertEquals(ExitCode.SIGINT, a.code(), a.err());
            assertEquals(ExitCode.SIGINT, u.code(), u.err());

            assertEquals(List.of("new_station " + ip(1) + " " + mac(1), "new_station " + ip(2) + " " + mac(2)), events(a.out()));
            JsonNode filtered = new ObjectMapper().readTree(arpDir.resolve("db.json").toFile());
            assertEquals(Map.of(ip(1), mac(1), ip(2), mac(2)), bindings(filtered));
            assertEquals(Map.of(mac(1), "[\"" + ip(1) + "\"]", mac(2), "[\"" + ip(2) + "\"]"), stations(filtered));
            // Without the filter the same traffic puts h3 (its IPv4 broadcasts) in the MAC table.
            JsonNode unfiltered = new ObjectMapper().readTree(allDir.resolve("db.json").toFile());
            assertEquals(Map.of(ip(1), mac(1), ip(2), mac(2)), bindings(unfiltered));
            assertTrue(stations(unfiltered).getOrDefault(mac(3), "").contains("\"" + ip(3) + "\""), stations(unfiltered).toString());
        } finally {
            stop(arp);
            stop(all);
        }
    }

    @Test
    void aBadFilterIsCapturesOneLineAndExitSix(@TempDir Path dir) {
        Path db = dir.resolve("db.json");
        NamespaceLab.Result w = lab.netlab(lab.host(1), T, "watch", "eth0", "-f", BAD_FILTER, "--db", db.toString());
        NamespaceLab.Result c = lab.netlab(lab.host(1), T, "capture", "eth0", "-f", BAD_FILTER);
        assertEquals(ExitCode.BAD_FILTER, w.code(), w.err());
        assertEquals("netlab: filter: Error occurred in pcap_compile: syntax error in filter expression (see pcap-filter(7))\n", w.err());
        assertEquals(c.code(), w.code());
        assertEquals(c.err(), w.err());
        assertEquals("", w.out());
        assertFalse(Files.exists(db));
    }

    /** Lets nobody traverse the test's temporary directory (JUnit creates it 0700). */
    private static Path ownedDirectory(Path dir, String name, String owner) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path d = Files.createDirectory(dir.resolve(name));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(d, d.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner));
        return d;
    }

    private static int uid(String user) {
        return Integer.parseInt(lab.exec(lab.host(1), T, "id", "-u", user).out().trim());
    }

    @Test
    void relinquishedPrivilegesWriteTheDatabaseAsTheUser(@TempDir Path dir) throws Exception {
        Path db = ownedDirectory(dir, "var", "nobody").resolve("stations.json");
        NamespaceLab.Result r = lab.netlab(lab.host(1), T, "watch", "eth0", "-Z", "nobody", "--db", db.toString(), "--duration", "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(uid("nobody"), Files.getAttribute(db, "unix:uid"));
        assertEquals("netlab-watch-db", new ObjectMapper().readTree(db.toFile()).get("format").asText());
        assertTrue(r.err().startsWith("netlab: watching eth0, 0 bindings and 0 stations known from " + db + "\n"), r.err());
    }

    @Test
    void aRootOwnedDirectoryIsExitEightAfterRelinquishing(@TempDir Path dir) throws Exception {
        Path var = ownedDirectory(dir, "var", "root");
        Path db = var.resolve("stations.json");
        NamespaceLab.Result r = lab.netlab(lab.host(1), T, "watch", "eth0", "-Z", "nobody", "--db", db.toString(), "--duration", "1");
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertEquals("netlab: " + db + ": cannot write the database as user nobody: permission denied "
                + "(with -Z the directory and the file must be nobody's: chown nobody " + var + ", or leave out -Z)\n", r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(db));
    }

    @Test
    void aDatabaseOnlyRootMayReadIsExitThreeAfterRelinquishing(@TempDir Path dir) throws Exception {
        Path var = ownedDirectory(dir, "var", "nobody");
        Path db = var.resolve("stations.json");
        Files.writeString(db, "{}");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
        NamespaceLab.Result r = lab.netlab(lab.host(1), T, "watch", "eth0", "-Z", "nobody", "--db", db.toString(), "--duration", "1");
        assertEquals(ExitCode.NO_INPUT, r.code(), r.err());
        assertEquals("netlab: " + db + ": cannot read the database as user nobody: permission denied "
                + "(with -Z the directory and the file must be nobody's: chown nobody " + var + " " + db + ", or leave out -Z)\n", r.err());
        assertEquals("{}", Files.readString(db));
    }
}
