package netlab.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netlab.analyzers.stationdb.StationDb;
import netlab.cli.db.StationDbFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station database under a flood, in a child JVM limited to 256 MiB of heap ({@link DbFloodMain}): two
 * million ARP requests from random MACs and IPs with a checkpoint every 500,000, then a load and a write-back.
 * It must finish; both tables end at the cap with the evictions counted; the stations and bindings known for a
 * day before the flood survive it; the file stays under the load cap; and the JVM's own figures stay under the
 * heap bound. The figures are printed for docs/robustness.md.
 */
class DbFloodTest {
    static final long HEAP_BOUND = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void aTwoMillionFrameFloodLeavesADatabaseAtItsCapThatLoadsUnderTheHeapBound() throws Exception {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (HEAP_BOUND >> 20) + "m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                DbFloodMain.class.getName(), dir.resolve("db.json").toString())
                .redirectOutput(out.toFile()).redirectErrorStream(false).redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")) + Files.readString(out));
        Map<String, Long> r = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            r.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        assertEquals(StationDb.DEFAULT_CAP, r.get("bindings"), r::toString);
        assertEquals(StationDb.DEFAULT_CAP, r.get("stations"), r::toString);
        assertTrue(r.get("evicted_bindings") > 0 && r.get("evicted_stations") > 0, r::toString);
        assertEquals(r.get("evicted_bindings") + r.get("evicted_stations"), r.get("loaded_evicted"), r::toString);
        assertEquals(DbFloodMain.KNOWN, r.get("known_bindings_kept"), r::toString);
        assertEquals(DbFloodMain.KNOWN, r.get("known_stations_kept"), r::toString);
        assertTrue(r.get("file_bytes") < StationDbFile.MAX_BYTES, r::toString);
        for (String phase : List.of("flood", "load", "write_back")) {
            System.out.printf("db flood %-10s heap after a full GC %5.1f MiB (-Xmx%dm); file %.1f MB%n",
                    phase, r.get(phase + ".used_after_gc") / 1048576.0, HEAP_BOUND >> 20, r.get("file_bytes") / 1e6);
            assertTrue(r.get(phase + ".used_after_gc") < HEAP_BOUND / 2, phase + ": " + r);
        }
    }
}
