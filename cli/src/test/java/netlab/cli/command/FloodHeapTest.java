package netlab.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netlab.analyzers.TrafficSummary;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.broadcast.SourceRates;
import netlab.analyzers.event.EventLog;
import netlab.analyzers.mac.MacTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two million MAC-flood frames then two million ARP-flood requests through every analyzer of {@code analyze}
 * in a child JVM limited to {@link #HEAP_BOUND} of heap (the README's bound): it must finish, raise mac_flood
 * and arp_storm, keep every table at or below its cap, and its peak heap (from the JVM's GC notifications)
 * must stay below the bound. The figures are printed for the README's Robustness section.
 */
class FloodHeapTest {
    /** The documented bound on the whole JVM heap under both floods. */
    static final long HEAP_BOUND = 256L << 20;

    @TempDir
    Path dir;

    @Test
    void bothFloodsFinishUnderTheHeapBoundWithEveryTableAtItsCap() throws Exception {
        Map<String, String> r = runChild();
        assertEquals(String.valueOf(2L * FloodMain.FLOOD), r.get("frames"));
        assertEquals(MacTable.DEFAULT_CAP, num(r, "mac_table"));
        assertTrue(num(r, "arp_pending") <= ArpConfig.PENDING_CAP, r::toString);
        assertEquals(ArpConfig.BINDING_CAP, num(r, "arp_bindings"));
        assertTrue(num(r, "arp_binding_history_max") <= ArpConfig.HISTORY_CAP, r::toString);
        assertTrue(num(r, "arp_storm_sources") <= ArpConfig.STORM_SOURCE_CAP, r::toString);
        assertTrue(num(r, "arp_rtt_samples") <= ArpConfig.RTT_SAMPLE_CAP, r::toString);
        assertEquals(ArpConfig.LIST_CAP, num(r, "arp_unanswered_list"));
        assertEquals(ArpConfig.GROUP_CAP, num(r, "arp_unanswered_groups"));
        assertEquals(SourceRates.SOURCE_CAP, num(r, "broadcast_sources"));
        assertTrue(num(r, "broadcast_storms") <= 1000, r::toString);
        assertEquals(TrafficSummary.TALKER_CAP, num(r, "summary_src_macs"));
        assertEquals(TrafficSummary.TALKER_CAP, num(r, "summary_src_ips"));
        assertEquals(EventLog.DEFAULT_CAP, num(r, "events_kept"));
        assertTrue(num(r, "event.mac_flood") >= 1, r::toString);
        assertTrue(num(r, "event.arp_storm") >= 1, r::toString);
        for (String phase : List.of("mac_flood", "arp_flood", "report")) {
            long peak = num(r, phase + ".peak_before_gc");
            System.out.printf("flood heap %-9s peak %5.1f MiB, peak live %5.1f MiB, after GC %5.1f MiB (bound %d MiB, %s)%n",
                    phase, mib(peak), mib(num(r, phase + ".peak_live")), mib(num(r, phase + ".used_after_gc")),
                    HEAP_BOUND >> 20, r.get("gc"));
            assertTrue(peak > 0 && peak < HEAP_BOUND, phase + ": " + r);
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }

    private static long num(Map<String, String> r, String key) {
        String v = r.get(key);
        assertTrue(v != null, "no " + key + " in " + r);
        return Long.parseLong(v);
    }

    private Map<String, String> runChild() throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (HEAP_BOUND >> 20) + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), FloodMain.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        assertEquals(0, p.exitValue(), Files.readString(err) + Files.readString(out));
        Map<String, String> r = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                r.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return r;
    }
}
