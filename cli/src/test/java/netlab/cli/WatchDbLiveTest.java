package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.stationdb.StationDb;
import netlab.cli.db.StationDbFile;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --db} on a bridge with two host namespaces (10.77.6.1-2): the final state is written when the
 * interface goes away; a second watch on the same database is refused naming the first; a FIFO planted as the
 * database is refused at once instead of hanging; a database named in Latin-1 is used under that very name.
 * Skipped unless root.
 */
class WatchDbLiveTest {
    private static final int T = 60;
    private static final int NET = 6;
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.bridged(NET, 2);
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    private static Process watch(Path dir, Path db, String... more) throws Exception {
        String[] args = new String[4 + more.length];
        System.arraycopy(new String[] {"watch", "eth0", "--db", db.toString()}, 0, args, 0, 4);
        System.arraycopy(more, 0, args, 4, more.length);
        Process p = lab.start(lab.host(1), dir, args);
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "netlab: watching eth0", T);
        return p;
    }

    @Test
    void theFinalStateIsWrittenWhenTheInterfaceGoesAway(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        // A checkpoint an hour away: only the final write can hold the station.
        Process p = watch(dir, db, "--checkpoint", "3600s");
        String ip = NamespaceLab.bridgedIp(NET, 2);
        lab.announce(2, ip, T, "--interval", "0.1");
        NamespaceLab.awaitText(p, dir.resolve("out.txt"), "new_station", T);
        lab.ip("-n", lab.host(1), "link", "del", "eth0");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.INTERFACE, r.code(), r.err());
        JsonNode doc = new ObjectMapper().readTree(db.toFile());
        assertEquals(ip, doc.get("bindings").get(0).get("ip").asText(), Files.readString(db));
        // Put eth0 back for the other tests, its peer a port of the bridge again (later tests send through it).
        lab.ip("-n", lab.host(1), "link", "add", "eth0", "address", NamespaceLab.bridgedMac(NET, 1), "type", "veth",
                "peer", "name", "q1");
        lab.ip("-n", lab.host(1), "link", "set", "q1", "netns", lab.bridge());
        lab.ip("-n", lab.bridge(), "link", "set", "q1", "master", "br0", "up");
        lab.ip("-n", lab.host(1), "addr", "add", NamespaceLab.bridgedIp(NET, 1) + "/24", "dev", "eth0");
        lab.ip("-n", lab.host(1), "link", "set", "eth0", "up");
    }

    @Test
    void aClosedStdoutEndsWatchWith141AndTheFinalStateIsWritten(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        Process p = lab.startPiped(lab.host(1), dir, "watch", "eth0", "--db", db.toString(), "--checkpoint", "3600s");
        NamespaceLab.awaitText(p, dir.resolve("err.txt"), "netlab: watching eth0", T);
        String first = NamespaceLab.bridgedIp(NET, 2);
        lab.announce(2, first, T, "--interval", "0.1");
        // watch ... | head -1: one line read, then the reader is gone.
        String line = NamespaceLab.firstLineThenClose(p, T);
        assertTrue(line.contains(first), line);
        // The next event's write fails: watch must end (SIGPIPE's 141) and still write what it knew.
        String second = NamespaceLab.bridgedIp(NET, 20);
        lab.announce(2, second, T, "--interval", "0.1");
        NamespaceLab.Result r = NamespaceLab.finish(p, dir, T);
        assertEquals(ExitCode.SIGPIPE, r.code(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        String saved = Files.readString(db);
        assertTrue(saved.contains("\"" + first + "\"") && saved.contains("\"" + second + "\""), saved);
    }

    @Test
    void aSecondWatchOnTheSameDatabaseIsRefusedNamingTheFirst(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("stations.json");
        Process first = watch(dir, db);
        try {
            NamespaceLab.Result second = lab.netlab(lab.host(1), T, "watch", "eth0", "--db", db.toString(), "--duration", "1");
            assertEquals(ExitCode.WRITE_ERROR, second.code(), second.err());
            assertTrue(second.err().startsWith("netlab: " + db + ": in use by another netlab watch (pid " + first.pid()),
                    second.err());
            assertEquals(1, second.err().lines().count(), second.err());
        } finally {
            NamespaceLab.signal(first, "TERM");
            NamespaceLab.Result r = NamespaceLab.finish(first, dir, T);
            assertEquals(ExitCode.SIGTERM, r.code(), r.err());
        }
    }

    @Test
    void aFifoPlantedAsTheDatabaseIsRefusedWithoutHanging(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("stations.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        NamespaceLab.Result r = lab.netlab(lab.host(1), T, "watch", "eth0", "--db", fifo.toString(), "--duration", "1");
        assertEquals(ExitCode.BAD_CAPTURE, r.code(), r.err());
        assertEquals("netlab: " + fifo + ": not loaded as a netlab watch database: is not a regular file (move it "
                + "away to start a new one; the file is left as it is)\n", r.err());
        assertTrue(Files.exists(fifo));
    }

    // st\xe9.json is Latin-1: Java alone could neither load nor replace it (RawArguments, FileNames). The shell
    // makes the name; the JVM gets the access netlab.jar's manifest gives (--add-opens).
    @Test
    void aDatabaseNamedInLatin1IsLoadedLockedAndReplacedUnderItsOwnName(@TempDir Path dir) throws Exception {
        Path db = dir.resolve(FileNames.path("st\udce9.json"));
        StationDb known = new StationDb(StationDb.DEFAULT_CAP, 0, 0);
        known.update(List.of(new ArpBinding(0, 0x0a4d0663, 1_000_000_000L, 2_000_000_000L,
                List.of(new ArpBinding.Claim(0x0200_0000_0063L, 1_000_000_000L, 2_000_000_000L)))), List.of());
        StationDbFile.write(known, db, "eth0", 2_000_000_000L, mac -> "x");
        Files.write(dir.resolve(FileNames.path(".st\udce9.json.123.tmp")), new byte[10]);
        NamespaceLab.Result r = lab.exec(lab.host(1), T, "sh", "-c", "exec \"$1\" -XX:TieredStopAtLevel=1 "
                + "--add-opens java.base/sun.nio.fs=ALL-UNNAMED -cp \"$2\" netlab.cli.Main watch eth0 --db "
                + "\"$3/$(printf 'st\\351.json')\" --duration 1", "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"),
                dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith("netlab: watching eth0, 1 bindings and 0 stations known from " + dir
                + "/st\\xe9.json; removed 1 temporary files"), r.err());
        assertTrue(r.err().contains("netlab: wrote " + dir + "/st\\xe9.json: 1 bindings, "), r.err());
        assertTrue(RawFileNamesTest.onDisk(dir, "st\\351.json"));
        assertTrue(RawFileNamesTest.onDisk(dir, ".st\\351.json.lock"));
        assertFalse(RawFileNamesTest.onDisk(dir, ".st\\351.json.123.tmp"), "the killed writer's leftover is removed");
        String saved = Files.readString(db);
        assertTrue(saved.contains("\"10.77.6.99\"") && !saved.contains("\"written\":\"1970"), saved);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "the database and its lock, no other name");
        }
    }
}
