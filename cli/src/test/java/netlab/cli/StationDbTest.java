package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.Station;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watch database: what is written reads back the same; a damaged file is exit 3 with one line, and so is
 * one the process may not read (exit 8 for write), naming the -Z user.
 */
class StationDbTest {
    private static final long T0 = 1_764_000_000_123_456_789L;

    @Test
    void bindingsAndStationsRoundTripAndStationsMerge(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db.json");
        StationDb db = StationDb.load(file, null);
        ArpBinding b = new ArpBinding(0, 0x0a4d0402, T0, T0 + 9, List.of(new ArpBinding.Claim(0x0200_0000_000aL, T0, T0 + 1),
                new ArpBinding.Claim(0x0200_0000_000bL, T0 + 5, T0 + 9)));
        Station s = new Station(0x0200_0000_000aL, 0, List.of(), List.of("10.77.4.2"), 0, 3, 180, 3, 0, T0, T0 + 1, 3, 0, 0);
        db.update(List.of(b), List.of(s));
        db.write("eth0", T0, mac -> "(Unknown: locally administered)");
        StationDb back = StationDb.load(file, null);
        assertEquals(List.of(b), back.bindings());
        back.update(List.of(), List.of(new Station(0x0200_0000_000aL, 0, List.of(), List.of("10.77.4.9"), 0, 1, 60, 1, 0,
                T0 + 100, T0 + 200, 0, 0, 0)));
        back.write("eth0", T0, mac -> "x");
        String text = Files.readString(file);
        assertEquals(1, StationDb.load(file, null).stationCount());
        assertEquals(true, text.contains("\"ips\" : [ \"10.77.4.2\", \"10.77.4.9\" ]"), text);
        assertEquals(true, text.contains("\"first_seen\" : \"2025-11-24T16:00:00.123456789Z\""), text);
        assertEquals(1, StationDb.load(file, null).bindingCount());
    }

    @Test
    void damagedFilesAreRefusedWithExitThree(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db.json");
        for (String text : List.of("", "[", "{\"format\": \"netlab-watch-db\", \"version\": 2}",
                "{\"format\": \"netlab-watch-db\", \"version\": 1, \"bindings\": [{\"ip\": \"10.0.0.999\"}]}",
                "{\"format\": \"netlab-watch-db\", \"version\": 1, \"bindings\": [1]}")) {
            Files.writeString(file, text);
            NetlabException e = assertThrows(NetlabException.class, () -> StationDb.load(file, null), text);
            assertEquals(ExitCode.NO_INPUT, e.exitCode(), text);
        }
    }

    @Test
    void permissionDeniedIsOneLineThatNamesTheUserAfterMinusZ() {
        Path file = Path.of("/var/lib/netlab/db.json");
        AccessDeniedException denied = new AccessDeniedException("/var/lib/netlab/.db.json.1.tmp");
        NetlabException root = StationDb.cannot(true, file, null, denied);
        assertEquals(ExitCode.WRITE_ERROR, root.exitCode());
        assertEquals("netlab: /var/lib/netlab/db.json: cannot write the database: permission denied "
                + "(check the owner and mode of the file and its directory)", root.line());
        NetlabException user = StationDb.cannot(false, file, "nobody", denied);
        assertEquals(ExitCode.NO_INPUT, user.exitCode());
        assertEquals("netlab: /var/lib/netlab/db.json: cannot read the database as user nobody: permission denied "
                + "(with -Z the directory and the file must be nobody's: chown nobody /var/lib/netlab, or leave out -Z)",
                user.line());
        NetlabException full = StationDb.cannot(true, file, "nobody", new IOException("No space left on device"));
        assertEquals("netlab: /var/lib/netlab/db.json: cannot write the database: No space left on device "
                + "(check the directory exists and is writable)", full.line());
    }
}
