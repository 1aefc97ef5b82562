package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.analyzers.stationdb.StationDb;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.cli.db.DbLock;
import netlab.cli.db.StationDbFile;
import netlab.cli.io.RotatingPcap;
import netlab.cli.probe.TargetFile;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every FILE argument works under a name that is not UTF-8 (Latin-1 {@code caf\xe9}), as {@link Main} hands it
 * over after {@link RawArguments#recover}: the byte as U+DCE9. What is on disk is checked with the shell's
 * printf; messages show the byte as {@code \xe9}. LauncherJvmTest runs the same through a real command line.
 */
class RawFileNamesTest {
    @TempDir
    Path dir;

    /** {@code dir/NAME} as netlab's argument strings carry it, NAME with {@code \xe9} for the Latin-1 byte. */
    private String arg(String name) {
        return dir + "/" + name.replace("\\xe9", "\udce9");
    }

    /** True when {@code dir} holds a regular file named what {@code printf NAME} prints (octal escapes). */
    static boolean onDisk(Path dir, String printf) throws Exception {
        return new ProcessBuilder("sh", "-c", "test -f \"$1/$(printf \"$2\")\"", "sh", dir.toString(), printf)
                .start().waitFor() == 0;
    }

    private String latin1Capture() throws Exception {
        String in = arg("caf\\xe9.pcap");
        Files.copy(Path.of(Run.sample("mixed-session.pcap")), FileNames.path(in));
        assertTrue(onDisk(dir, "caf\\351.pcap"));
        return in;
    }

    @Test
    void readAndReadWriteUseTheNamesBytes() throws Exception {
        String in = latin1Capture();
        Run r = Run.of("read", "-c", "1", in);
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        Run w = Run.of("read", in, "-w", arg("out\\xe9.pcap"));
        assertEquals(0, w.code(), w.err());
        assertTrue(onDisk(dir, "out\\351.pcap"));
        assertFalse(onDisk(dir, "out\\357\\277\\275.pcap"));
        assertEquals(Files.size(Path.of(Run.sample("mixed-session.pcap"))), Files.size(FileNames.path(arg("out\\xe9.pcap"))));
    }

    @Test
    void analyzeNamesTheFileEscapedInTextJsonAndHtml() throws Exception {
        String in = latin1Capture();
        Run json = Run.of("analyze", "--json", in);
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"path\" : \"" + dir + "/caf\\\\xe9.pcap\""), json.out());
        Run html = Run.of("analyze", in, "--html", arg("r\\xe9.html"));
        assertEquals(0, html.code(), html.err());
        assertEquals("netlab: wrote " + dir + "/r\\xe9.html\n", html.err());
        assertTrue(onDisk(dir, "r\\351.html"));
        assertTrue(Files.readString(FileNames.path(arg("r\\xe9.html"))).contains("caf\\xe9.pcap"));
    }

    @Test
    void aMissingFileIsNamedWithItsByteEscaped() {
        Run r = Run.of("read", arg("gone\\xe9.pcap"));
        assertEquals(ExitCode.NO_INPUT, r.code(), r.err());
        assertEquals("netlab: " + dir + "/gone\\xe9.pcap: no such file (check the path)\n", r.err());
        Run oui = Run.of("analyze", Run.sample("mixed-session.pcap"), "--oui-file", arg("oui\\xe9.txt"));
        assertEquals(ExitCode.NO_INPUT, oui.code(), oui.err());
        assertTrue(oui.err().startsWith("netlab: " + dir + "/oui\\xe9.txt: no such file"), oui.err());
    }

    @Test
    void anOutputThatIsTheInputIsRefusedUnderARawNameToo() throws Exception {
        String in = latin1Capture();
        Run r = Run.of("read", in, "-w", in);
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("netlab: " + dir + "/caf\\xe9.pcap: cannot write: is the input file"), r.err());
        assertEquals(Files.size(Path.of(Run.sample("mixed-session.pcap"))), Files.size(FileNames.path(in)));
    }

    @Test
    void anOuiFileAndATargetsFileAreRead() throws Exception {
        Files.writeString(FileNames.path(arg("oui\\xe9.txt")), "020000\tLab Vendor\n");
        Run r = Run.of("analyze", Run.sample("mixed-session.pcap"), "--oui-file", arg("oui\\xe9.txt"));
        assertEquals(0, r.code(), r.err());
        Files.writeString(FileNames.path(arg("t\\xe9.txt")), "10.0.0.5\n");
        assertEquals(1, TargetFile.read(arg("t\\xe9.txt"), null, false).size());
    }

    @Test
    void rotatedFilesKeepTheBaseNamesBytes() throws Exception {
        Path base = FileNames.path(arg("ring\\xe9.pcap"));
        try (RotatingPcap out = new RotatingPcap(base, false, 100, 2, true)) {
            out.open(LinkType.ETHERNET, 262144);
            for (int k = 0; k < 3; k++) {
                out.write(new Frame(new byte[60], 0, 60, 60, k * 1_000_000_000L, LinkType.ETHERNET, 0));
            }
        }
        assertTrue(onDisk(dir, "ring\\351.pcap0"));
        assertTrue(onDisk(dir, "ring\\351.pcap1"));
    }

    @Test
    void aStationDatabaseIsLockedWrittenAndLoadedAndItsLeftoversRemoved() throws Exception {
        Path db = FileNames.path(arg("st\\xe9.json"));
        Files.write(FileNames.path(arg(".st\\xe9.json.123.tmp")), new byte[100]);
        try (DbLock lock = DbLock.acquire(db, null)) {
            assertEquals(1, lock.removed());
            assertTrue(onDisk(dir, ".st\\351.json.lock"));
            StationDbFile.write(new StationDb(StationDb.DEFAULT_CAP, 0, 0), db, "eth0", 0, mac -> "x");
        }
        assertTrue(onDisk(dir, "st\\351.json"));
        assertFalse(onDisk(dir, ".st\\351.json.123.tmp"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(".st\udce9.json.lock", "st\udce9.json"),
                    files.map(p -> FileNames.name(p.getFileName())).sorted().toList());
        }
        assertEquals(0, StationDbFile.load(db, null, StationDb.DEFAULT_CAP).bindingCount());
    }
}
