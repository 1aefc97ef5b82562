package netlab.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import netlab.analyzers.Analysis;
import netlab.analyzers.FrameAnalyzer;
import netlab.analyzers.ProtocolHierarchy;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.TrafficSummary;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Frames per second through {@link Analysis} (decode once, then the analyzer): {@code none} is the
 * decode-only baseline, so an analyzer's own cost is the difference. A fresh analyzer per invocation
 * of 100,000 frames keeps table growth (MACs, talkers) in the measurement, as in a real run.
 *
 * <p>To add an analyzer: one entry in {@link #ANALYZERS} and its name in {@code @Param}.
 */
public class AnalyzerBench extends FrameRateBench {
    static final int FRAMES = 100_000;

    static final Map<String, Supplier<List<FrameAnalyzer>>> ANALYZERS = Map.of(
            "none", List::of,
            "traffic-summary", () -> List.of(new TrafficSummary()),
            "protocol-hierarchy", () -> List.of(new ProtocolHierarchy()),
            "arp-tracker", () -> List.of(new ArpTracker(ArpConfig.defaults(), EventListener.none())),
            "mac-table", () -> List.of(macTable(EventListener.none())),
            "broadcast-meter", () -> List.of(new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, EventListener.none())),
            "all", AnalyzerBench::all);

    @Param({"none", "traffic-summary", "protocol-hierarchy", "arp-tracker", "mac-table", "broadcast-meter", "all"})
    public String analyzer;

    @Param({"mix", "mac-flood", "arp-flood"})
    public String capture;

    private Frame[] frames;
    private Analysis analysis;

    private static MacTable macTable(EventListener events) {
        return new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, events);
    }

    /** Every analyzer of {@code netlab analyze}, wired as it wires them (one bounded event log). */
    private static List<FrameAnalyzer> all() {
        return new StandardAnalyzers(StandardAnalyzers.Config.defaults(), EventListener.none()).analyzers();
    }

    @Setup
    public void setUp() {
        frames = Captures.frames(Captures.pcap(capture, FRAMES));
    }

    @Setup(Level.Invocation)
    public void freshAnalyzers() {
        analysis = new Analysis(ANALYZERS.get(analyzer).get());
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public Analysis analyzeAll() {
        for (Frame f : frames) {
            analysis.offer(f);
        }
        analysis.finish();
        return analysis;
    }
}
