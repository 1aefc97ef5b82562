package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch} on a bridge with three host namespaces (10.77.4.1-3): h1 watches, h2 announces its address,
 * h3 claims the same address; the station database survives a restart. Skipped unless root.
 */
class WatchLiveTest {
    private static final int T = 60;
    private static final int NET = 4;
    private static final String PEER_IP = NamespaceLab.bridgedIp(NET, 2);
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

    /** Host k sends two gratuitous ARP requests claiming {@code ip} with its own MAC. */
    private static void announce(int k, String ip) {
        lab.announce(k, ip, T, "--interval", "0.1");
    }

    private static Process watch(Path dir, Path db) throws Exception {
        Process p = lab.start(lab.host(1), dir, "watch", "eth0", "--json", "--db", db.toString());
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "netlab: watching eth0", T);
        return p;
    }

    private static List<JsonNode> events(String out) throws Exception {
        List<JsonNode> list = new ArrayList<>();
        for (String line : out.lines().toList()) {
            list.add(new ObjectMapper().readTree(line));
        }
        return list;
    }

    private static boolean has(List<JsonNode> events, String type, String ip, String mac) {
        return events.stream().anyMatch(e -> e.get("type").asText().equals(type) && e.path("ip").asText().equals(ip)
                && e.path("mac").asText().equals(mac));
    }

    @Test
    void aThirdHostClaimingThePeersAddressIsAConflictAndTheDatabaseKeepsBoth(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        Process p = watch(dir, db);
        announce(2, PEER_IP);
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "\"new_station\"", T);
        announce(3, PEER_IP);
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "\"ip_conflict\"", T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        List<JsonNode> ev = events(r.out());
        assertTrue(has(ev, "new_station", PEER_IP, NamespaceLab.bridgedMac(NET, 2)), r.out());
        JsonNode conflict = ev.stream().filter(e -> e.get("type").asText().equals("ip_conflict")).findFirst().orElseThrow();
        assertEquals(PEER_IP, conflict.get("ip").asText());
        assertEquals(NamespaceLab.bridgedMac(NET, 3), conflict.get("mac").asText());
        assertEquals(NamespaceLab.bridgedMac(NET, 2), conflict.get("previous_mac").asText());
        assertTrue(r.err().contains("netlab: wrote " + db + ": 1 bindings, "), r.err());

        JsonNode doc = new ObjectMapper().readTree(Files.readString(db));
        assertEquals("netlab-watch-db", doc.get("format").asText());
        JsonNode b = doc.get("bindings").get(0);
        assertEquals(PEER_IP, b.get("ip").asText());
        assertEquals(NamespaceLab.bridgedMac(NET, 3), b.get("mac").asText());
        assertEquals(2, b.get("history").size());
        assertEquals(NamespaceLab.bridgedMac(NET, 2), b.get("history").get(1).get("mac").asText());
        List<String> macs = new ArrayList<>();
        doc.get("stations").forEach(s -> macs.add(s.get("mac").asText()));
        assertTrue(macs.containsAll(List.of(NamespaceLab.bridgedMac(NET, 2), NamespaceLab.bridgedMac(NET, 3))), macs.toString());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void aRestartWithTheSameDatabaseKnowsTheStations(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        Process p = watch(dir, db);
        announce(2, PEER_IP);
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "\"new_station\"", T);
        NamespaceLab.signal(p, "TERM");
        NamespaceLab.Result first = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGTERM, first.code(), first.err());

        Path dir2 = Files.createDirectory(dir.resolve("restart"));
        p = watch(dir2, db);
        announce(2, PEER_IP);
        announce(3, PEER_IP);
        NamespaceLab.awaitText(p, dir2.resolve("out.txt"), "\"ip_conflict\"", T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result second = NamespaceLab.finish(p, dir2, T);
        assertEquals(ExitCode.SIGINT, second.code(), second.err());
        assertTrue(second.err().contains("1 bindings and "), second.err());
        assertFalse(second.out().contains("\"new_station\""), second.out());
    }

    @Test
    void aDatabaseWithAnotherMacForAKnownAddressGivesChangedMacAtTheFirstClaim(@TempDir Path dir) throws Exception {
        String ip = NamespaceLab.bridgedIp(NET, 3);
        Path db = dir.resolve("old.json");
        Files.writeString(db, """
                {"format": "netlab-watch-db", "version": 1, "interface": "eth0", "written": "2020-01-01T00:00:00Z",
                 "bindings": [{"ip": "%s", "vlan": 0, "mac": "02:00:00:00:99:99",
                   "first_seen": "2020-01-01T00:00:00Z", "last_seen": "2020-01-01T00:00:00Z",
                   "history": [{"mac": "02:00:00:00:99:99", "first_seen": "2020-01-01T00:00:00Z",
                                "last_seen": "2020-01-01T00:00:00Z"}]}],
                 "stations": []}
                """.formatted(ip));
        Process p = watch(dir, db);
        announce(3, ip);
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "\"changed_mac\"", T);
        NamespaceLab.signal(p, "INT");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGINT, r.code(), r.err());
        JsonNode e = events(r.out()).stream().filter(x -> x.get("type").asText().equals("changed_mac")).findFirst().orElseThrow();
        assertEquals("02:00:00:00:99:99", e.get("previous_mac").asText());
        assertEquals(NamespaceLab.bridgedMac(NET, 3), e.get("mac").asText());
        assertFalse(r.out().contains("\"new_station\""), r.out());
    }

    @Test
    void theDatabaseIsWrittenAtTheCheckpointIntervalWhileRunning(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        Process p = lab.start(lab.host(1), dir, "watch", "eth0", "--db", db.toString(), "--checkpoint", "1s");
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "netlab: watching eth0", T);
        assertFalse(Files.readString(db).contains(PEER_IP));
        announce(2, PEER_IP);
        NamespaceLab.awaitText(p, db, "\"" + PEER_IP + "\"", T);
        NamespaceLab.signal(p, "TERM");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGTERM, r.code(), r.err());
        assertTrue(r.out().matches("\\S+  new_station       new station " + PEER_IP.replace(".", "\\.") + " at "
                + NamespaceLab.bridgedMac(NET, 2) + "\n"), r.out());
    }

    @Test
    void aFileThatIsNotADatabaseIsOneLineAndExitFourAndKept(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("bad.json");
        Files.writeString(db, "{\"format\": \"something else\"}");
        NamespaceLab.Result r = lab.netlab(lab.host(1), T, "watch", "eth0", "--db", db.toString());
        assertEquals(ExitCode.BAD_CAPTURE, r.code(), r.err());
        assertEquals("netlab: " + db + ": not loaded as a netlab watch database: it does not start with {\"format\": "
                + "\"netlab-watch-db\" at byte 27 (move it away to start a new one; the file is left as it is)\n", r.err());
        assertEquals("{\"format\": \"something else\"}", Files.readString(db));
    }
}
