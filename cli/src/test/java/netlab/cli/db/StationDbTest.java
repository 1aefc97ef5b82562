package netlab.cli.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.Station;
import netlab.analyzers.stationdb.StationDb;
import netlab.cli.TinyMount;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch database's file: what is written reads back the same; a file it will not load (damaged, hostile
 * entries, a link, a FIFO, a planted or group-writable file, 2 GiB of garbage) is one line, exit 4, and left
 * as it is; one the process may not read is exit 3 (8 for write), naming the -Z user.
 */
class StationDbTest {
    private static final long T0 = 1_764_000_000_123_456_789L;
    private static final String HEAD = "{\"format\": \"netlab-watch-db\", \"version\": 1, ";

    @TempDir
    Path dir;

    private static StationDb load(Path file) {
        return StationDbFile.load(file, null, StationDb.DEFAULT_CAP);
    }

    @Test
    void bindingsAndStationsRoundTripAndStationsMerge() throws Exception {
        Path file = dir.resolve("db.json");
        StationDb db = load(file);
        ArpBinding b = new ArpBinding(0, 0x0a4d0402, T0, T0 + 9, List.of(new ArpBinding.Claim(0x0200_0000_000aL, T0, T0 + 1),
                new ArpBinding.Claim(0x0200_0000_000bL, T0 + 5, T0 + 9)));
        Station s = new Station(0x0200_0000_000aL, 0, List.of(), List.of("10.77.4.2"), 0, 3, 180, 3, 0, T0, T0 + 1, 3, 0, 0);
        db.update(List.of(b), List.of(s));
        StationDbFile.write(db, file, "eth0", T0, mac -> "(Unknown: locally administered)");
        StationDb back = load(file);
        assertEquals(List.of(b), back.bindings());
        back.update(List.of(), List.of(new Station(0x0200_0000_000aL, 0, List.of(), List.of("10.77.4.9"), 0, 1, 60, 1, 0,
                T0 + 100, T0 + 200, 0, 0, 0)));
        StationDbFile.write(back, file, "eth0", T0, mac -> "x");
        String text = Files.readString(file);
        assertEquals(1, load(file).stationCount());
        assertTrue(text.contains("\"ips\":[\"10.77.4.2\",\"10.77.4.9\"]"), text);
        assertTrue(text.contains("\"first_seen\":\"2025-11-24T16:00:00.123456789Z\""), text);
        assertEquals(5, text.lines().count(), "one line for the header, each table start and each entry: " + text);
        assertEquals(1, load(file).bindingCount());
    }

    private NetlabException refused(Path file) throws IOException {
        byte[] before = Files.isRegularFile(file) && Files.size(file) < (1 << 20) ? Files.readAllBytes(file) : null;
        NetlabException e = assertThrows(NetlabException.class, () -> load(file));
        assertEquals(ExitCode.BAD_CAPTURE, e.exitCode(), e.line());
        assertTrue(e.line().startsWith("netlab: " + file + ": not loaded as a netlab watch database: "), e.line());
        assertTrue(e.line().endsWith(" (move it away to start a new one; the file is left as it is)"), e.line());
        if (before != null) {
            assertArrayEquals(before, Files.readAllBytes(file));
        }
        return e;
    }

    private String refusedWith(String text) throws IOException {
        Path file = dir.resolve("db.json");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return refused(file).line();
    }

    @Test
    void damagedFilesAreRefusedWithExitFour() throws Exception {
        for (String text : List.of("", "[", "{}", "{\"format\": \"netlab-watch-db\", \"version\": 2}",
                HEAD + "\"bindings\": [{\"ip\": \"10.0.0.999\"}]}", HEAD + "\"bindings\": [1]}",
                HEAD + "\"bindings\": []} trailing", "{\"version\": 1, \"format\": \"netlab-watch-db\"}")) {
            refusedWith(text);
        }
    }

    /** A binding as the file holds it, with {@code history}, {@code vlan} and {@code last} substituted. */
    private static String binding(String vlan, String last, String history) {
        return HEAD + "\"bindings\": [{\"ip\": \"10.0.0.1\", \"vlan\": " + vlan + ", \"first_seen\": "
                + "\"2025-01-01T00:00:00Z\", \"last_seen\": \"" + last + "\", \"history\": " + history + "}]}";
    }

    private static final String ONE = "[{\"mac\": \"02:00:00:00:00:01\", \"first_seen\": \"2025-01-01T00:00:00Z\", "
            + "\"last_seen\": \"2025-01-01T00:00:00Z\"}]";

    @Test
    void hostileEntriesAreRefusedNotStoredWrong() throws Exception {
        assertTrue(load(writeOwn(binding("0", "2025-01-01T00:00:01Z", ONE))).bindingCount() == 1);
        assertTrue(refusedWith(binding("0", "2025-01-01T00:00:01Z", "[]")).contains("bindings entry 1: history must be 1 to 8"));
        assertTrue(refusedWith(binding("0", "2263-01-01T00:00:00Z", ONE)).contains("bindings entry 1: long overflow"));
        assertTrue(refusedWith(binding("99999999999", "2025-01-01T00:00:01Z", ONE)).contains("vlan 99999999999 is not 0 to 4095"));
        assertTrue(refusedWith(binding("4096", "2025-01-01T00:00:01Z", ONE)).contains("vlan 4096 is not 0 to 4095"));
        String escape = refusedWith(HEAD + "\"stations\": [{\"mac\": \"02:00:00:00:00:01\", \"vlan\": 0, \"first_seen\": "
                + "\"2025-01-01T00:00:00Z\", \"last_seen\": \"2025-01-01T00:00:00Z\", \"ips\": [\"10.0.0.1\\u001b[2J\"]}]}");
        assertTrue(escape.contains("not an IPv4 address: 10.0.0.1\\x1b[2J"), escape);
        assertTrue(refusedWith(binding("0", "2024-01-01T00:00:00Z", ONE)).contains("last_seen before first_seen"));
    }

    private Path writeOwn(String text) throws IOException {
        Path file = dir.resolve("db.json");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void twoGibibytesOfGarbageAreRefusedWithOneLineBeforeAnyRead() throws Exception {
        Path file = dir.resolve("db.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        NetlabException e = refused(file);
        assertEquals("netlab: " + file + ": not loaded as a netlab watch database: is 2147483648 bytes, larger than "
                + "the 256 MiB a database may be (move it away to start a new one; the file is left as it is)", e.line());
        assertEquals(2L << 30, Files.size(file));
    }

    @Test
    void linksFifosAndGroupWritableFilesAreRefused() throws Exception {
        Path target = writeOwn(binding("0", "2025-01-01T00:00:01Z", ONE));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        assertTrue(refused(link).line().contains("is a symbolic link"));
        Path fifo = dir.resolve("fifo.json");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(refused(fifo).line().contains(": is not a regular file"));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        assertTrue(refused(target).line().contains("is writable by group or others (mode 0664)"));
    }

    @Test
    void aFileAnotherUserOwnsIsRefused() throws Exception {
        TinyMount.assumeRoot();
        Path file = writeOwn(binding("0", "2025-01-01T00:00:01Z", ONE));
        Files.setAttribute(file, "unix:uid", 65534);
        assertTrue(refused(file).line().contains("belongs to uid 65534, neither root nor the user netlab runs as"));
    }

    @Test
    void permissionDeniedIsOneLineThatNamesTheUserAfterMinusZ() {
        Path file = Path.of("/var/lib/netlab/db.json");
        AccessDeniedException denied = new AccessDeniedException("/var/lib/netlab/.db.json.1.tmp");
        NetlabException root = StationDbFile.cannot(true, file, null, denied);
        assertEquals(ExitCode.WRITE_ERROR, root.exitCode());
        assertEquals("netlab: /var/lib/netlab/db.json: cannot write the database: permission denied "
                + "(check the owner and mode of the file and its directory)", root.line());
        NetlabException user = StationDbFile.cannot(false, file, "nobody", denied);
        assertEquals(ExitCode.NO_INPUT, user.exitCode());
        assertEquals("netlab: /var/lib/netlab/db.json: cannot read the database as user nobody: permission denied "
                + "(with -Z the directory and the file must be nobody's: chown nobody /var/lib/netlab, or leave out -Z)",
                user.line());
        NetlabException full = StationDbFile.cannot(true, file, "nobody", new IOException("No space left on device"));
        assertEquals("netlab: /var/lib/netlab/db.json: cannot write the database: No space left on device "
                + "(check the directory exists and is writable)", full.line());
    }
}
