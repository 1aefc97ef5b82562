package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import com.sun.management.GarbageCollectionNotificationInfo;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.arp.ArpTracker;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.cli.Netlab;
import netlab.report.AnalysisReport;
import netlab.report.Json;
import picocli.CommandLine;

/**
 * The child JVM of {@link FloodHeapTest}: streams a MAC flood (macof: TCP SYNs from random MACs and IPs to
 * random MACs and IPs) and then an ARP flood (broadcast requests for random IPs from random MACs and IPs),
 * two million frames each, through every analyzer of {@code netlab analyze} ({@link StandardAnalyzers}), builds
 * both reports, and prints {@code key=value} lines: table sizes, events, and the heap figures the JVM's own
 * GC notifications and memory pools give for each phase.
 */
final class FloodMain {
    static final int FLOOD = 2_000_000;
    /** 100 000 frames per second of capture time, macof's order of magnitude. */
    private static final long STEP_NANOS = 10_000L;
    private static final long T0 = 1_700_000_000_000_000_000L;

    /** Largest heap used seen just before a collection, and largest left just after one (the live set). */
    private static volatile long peakBeforeGc;
    private static volatile long peakAfterGc;
    private static final AtomicLong COLLECTIONS = new AtomicLong();

    private FloodMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        watchCollections();
        AnalyzeCommand cmd = new AnalyzeCommand(Netlab.nativePlatform());
        new CommandLine(cmd).parseArgs("flood.pcap");
        StandardAnalyzers set = cmd.options.analyzers(e -> {
        });
        SplittableRandom rnd = new SplittableRandom(6);
        byte[] syn = macofFrame();
        byte[] arp = arpRequest();
        long t = T0;
        for (int i = 0; i < FLOOD; i++, t += STEP_NANOS) {
            put48(syn, 0, rnd.nextLong() & 0xfeff_ffff_ffffL);
            put48(syn, 6, rnd.nextLong() & 0xfeff_ffff_ffffL);
            put32(syn, 26, rnd.nextInt());
            put32(syn, 30, rnd.nextInt());
            set.offer(Frame.of(syn, t, LinkType.ETHERNET));
        }
        phase("mac_flood");
        for (int i = 0; i < FLOOD; i++, t += STEP_NANOS) {
            long mac = rnd.nextLong() & 0xfeff_ffff_ffffL;
            put48(arp, 6, mac);
            put48(arp, 22, mac);
            put32(arp, 28, rnd.nextInt());
            put32(arp, 38, rnd.nextInt());
            set.offer(Frame.of(arp, t, LinkType.ETHERNET));
        }
        set.finish();
        phase("arp_flood");
        try (PrintWriter sink = new PrintWriter(Writer.nullWriter())) {
            AnalysisReport.printText(set, sink, 10);
            try (JsonGenerator g = Json.pretty(sink)) {
                g.writeStartObject();
                AnalysisReport.writeJson(set, g, 10);
                g.writeEndObject();
            }
        }
        phase("report");
        printTables(set);
    }

    private static void printTables(StandardAnalyzers set) {
        ArpTracker.TableSizes arp = set.arp().tableSizes();
        System.out.println("frames=" + set.summary().frames());
        System.out.println("mac_table=" + set.macTable().size());
        System.out.println("arp_pending=" + arp.pending());
        System.out.println("arp_bindings=" + arp.bindings());
        System.out.println("arp_binding_history_max=" + set.arp().bindings().stream()
                .mapToInt(b -> b.claims().size()).max().orElse(0));
        System.out.println("arp_storm_sources=" + arp.stormSources());
        System.out.println("arp_rtt_samples=" + arp.rttSamples());
        System.out.println("arp_unanswered_list=" + set.arp().unansweredList().size());
        System.out.println("arp_unanswered_groups=" + set.arp().unansweredGroups(Integer.MAX_VALUE).size());
        System.out.println("broadcast_sources=" + set.broadcast().sources().size());
        System.out.println("broadcast_storms=" + set.broadcast().storms().size());
        System.out.println("summary_src_macs=" + set.summary().distinctSourceMacs());
        System.out.println("summary_src_ips=" + set.summary().distinctSourceIps());
        System.out.println("events_kept=" + set.events().events().size());
        for (Map.Entry<String, Long> e : set.events().counts().entrySet()) {
            System.out.println("event." + e.getKey() + "=" + e.getValue());
        }
        System.out.println("gc=" + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).toList());
        System.out.println("max_heap=" + Runtime.getRuntime().maxMemory());
    }

    /** Prints this phase's heap figures, then resets the pools' peaks for the next phase. */
    private static void phase(String name) throws InterruptedException {
        // GC notifications arrive on another thread: wait (at most 10 s) for this collection's, whose "before"
        // is the heap at the end of the phase, so a phase that needed no collection of its own still has a peak.
        long seen = COLLECTIONS.get();
        System.gc();
        for (int i = 0; i < 1000 && COLLECTIONS.get() == seen; i++) {
            Thread.sleep(10);
        }
        long poolPeaks = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                poolPeaks += p.getPeakUsage().getUsed();
                p.resetPeakUsage();
            }
        }
        System.out.println(name + ".peak_before_gc=" + peakBeforeGc);
        System.out.println(name + ".peak_live=" + peakAfterGc);
        System.out.println(name + ".pool_peaks_sum=" + poolPeaks);
        System.out.println(name + ".used_after_gc=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakBeforeGc = 0;
        peakAfterGc = 0;
    }

    /** Every GC reports the heap used before and after it; the largest "before" is the heap's peak. */
    private static void watchCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData()).getGcInfo();
                peakBeforeGc = Math.max(peakBeforeGc, heapUsed(info.getMemoryUsageBeforeGc()));
                peakAfterGc = Math.max(peakAfterGc, heapUsed(info.getMemoryUsageAfterGc()));
                COLLECTIONS.incrementAndGet();
            }, null, null);
        }
    }

    private static long heapUsed(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage u = pools.get(p.getName());
            if (p.getType() == MemoryType.HEAP && u != null) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    /** 14-byte Ethernet II + 20-byte IPv4 + 20-byte TCP SYN, padded to the 60-byte minimum. */
    private static byte[] macofFrame() {
        byte[] b = new byte[60];
        b[12] = 0x08;
        b[14] = 0x45;
        b[17] = 40;
        b[22] = 64;
        b[23] = 6;
        b[46] = 0x50;
        b[47] = 0x02;
        return b;
    }

    /**
     * 14-byte Ethernet II to ff:ff:ff:ff:ff:ff + RFC 826 request for IPv4 over Ethernet, padded to 60 bytes (also
     * the frame {@link DbFloodMain} floods with).
     */
    static byte[] arpRequest() {
        byte[] b = new byte[60];
        put48(b, 0, 0xffff_ffff_ffffL);
        b[12] = 0x08;
        b[13] = 0x06;
        b[15] = 1;
        b[16] = 0x08;
        b[18] = 6;
        b[19] = 4;
        b[21] = 1;
        return b;
    }

    static void put48(byte[] b, int at, long v) {
        for (int k = 0; k < 6; k++) {
            b[at + k] = (byte) (v >>> (40 - 8 * k));
        }
    }

    static void put32(byte[] b, int at, int v) {
        for (int k = 0; k < 4; k++) {
            b[at + k] = (byte) (v >>> (24 - 8 * k));
        }
    }
}
