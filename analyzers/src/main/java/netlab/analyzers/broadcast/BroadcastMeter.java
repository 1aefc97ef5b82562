package netlab.analyzers.broadcast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netlab.analyzers.FrameAnalyzer;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.IntervalSeries;
import netlab.capture.Frame;
import netlab.capture.decode.PacketView;

/**
 * Unicast, broadcast and multicast frames and bytes per interval of capture time, for the segment and per
 * source MAC; peak rates, broadcast share, and broadcast-storm episodes.
 *
 * <p>A frame's class comes from its destination MAC (IEEE 802 clause 8.2: all-ones is broadcast, any other
 * address with the I/G bit set is multicast), as tshark's {@code eth.dst} filters count them. Frames without
 * a destination MAC (Linux cooked capture, raw IP) are counted as unclassified and left out of rates and
 * series. Intervals and the series follow {@link IntervalSeries}; the per-source table follows
 * {@link SourceRates}. A storm is an interval whose broadcast frames divided by the interval length exceed
 * {@link Config#stormFps()}; consecutive such intervals form one episode and raise one
 * {@link BroadcastEvent.BroadcastStorm}. Rates are always frames over the whole interval, so a first or last
 * interval the capture only partly covers reads low.
 */
public final class BroadcastMeter implements FrameAnalyzer {
    /** Storm episodes kept for the report; later ones are counted only. */
    public static final int STORM_CAP = 1000;
    static final int UNICAST = 0;
    static final int BROADCAST = 1;
    static final int MULTICAST = 2;
    /** The first byte column of {@link #series()}: columns are unicast, broadcast, multicast frames, then bytes. */
    public static final int BYTES = 3;

    /**
     * Meter settings.
     *
     * @param intervalNanos length of one interval (default 1 s, {@code --interval})
     * @param stormFps      broadcast frames per second over which an interval is a storm. Default 1000: the
     *                      1 Kpps step of common switch storm control (e.g. Edge-Core ES4528V "Configuring
     *                      Storm Control", pps options up to 1024 Kpps), far above the tens of broadcasts per
     *                      second of a healthy segment, far below the ~25 000 pps a 10 % storm-control level
     *                      means on Dell/Extreme switches (512-byte average frames)
     * @param topSources    rows of {@code top_sources} in the report (default 10)
     */
    public record Config(long intervalNanos, double stormFps, int topSources) {
        public static final Config DEFAULTS = new Config(1_000_000_000L, 1000, 10);

        public Config {
            if (intervalNanos <= 0 || !(stormFps > 0) || topSources < 0) {
                throw new IllegalArgumentException("interval and storm rate must be positive, top sources >= 0");
            }
        }
    }

    /** One storm episode: consecutive intervals over the threshold, with the busiest one's rate and top source. */
    public record Storm(long start, long end, long broadcastFrames, double peakFps, long peakAt, long topSource,
                        long topSourceFrames) {
    }

    private final Config config;
    private final EventListener events;
    private final double intervalSeconds;
    private final IntervalSeries series;
    private final SourceRates sources = new SourceRates(SourceRates.SOURCE_CAP);
    private final long[] totals = new long[6];
    private final long[] peak = new long[4];
    private final long[] peakAt = new long[4];
    private long unclassifiedFrames;
    private long unclassifiedBytes;
    private long lastTs;
    private long topMac = -1;
    private long topCount;
    private boolean inStorm;
    private long stormStart;
    private long stormEnd;
    private long stormFrames;
    private double stormPeak;
    private long stormPeakAt;
    private long stormTop = -1;
    private long stormTopFrames;
    private final List<Storm> storms = new ArrayList<>();
    private long stormCount;

    public BroadcastMeter(Config config, EventListener events) {
        this.config = config;
        this.events = events;
        this.intervalSeconds = config.intervalNanos() / 1e9;
        this.series = new IntervalSeries(config.intervalNanos(), 6);
    }

    @Override
    public void accept(PacketView v) {
        Frame f = v.frame();
        long ts = f.timestampNanos();
        if (series.closes(ts)) {
            long next = Math.floorDiv(ts, config.intervalNanos()) * config.intervalNanos();
            closeInterval(ts, next > series.currentStart() + config.intervalNanos());
        }
        series.advance(ts);
        lastTs = ts;
        int length = f.originalLength();
        long dst = v.dstMac();
        if (dst < 0) {
            unclassifiedFrames++;
            unclassifiedBytes += length;
            return;
        }
        int cls = dst == 0xffff_ffff_ffffL ? BROADCAST : (dst & 0x0100_0000_0000L) != 0 ? MULTICAST : UNICAST;
        totals[cls]++;
        totals[BYTES + cls] += length;
        series.add(cls, 1);
        series.add(BYTES + cls, length);
        long src = v.srcMac();
        if (src >= 0) {
            long n = sources.count(src, cls, length, series.currentStart());
            if (cls == BROADCAST && n > topCount) {
                topCount = n;
                topMac = src;
            }
        }
    }

    private void closeInterval(long ts, boolean gapFollows) {
        long start = series.currentStart();
        long all = 0;
        for (int c = 0; c < 3; c++) {
            long n = series.current(c);
            all += n;
            if (n > peak[c]) {
                peak[c] = n;
                peakAt[c] = start;
            }
        }
        if (all > peak[3]) {
            peak[3] = all;
            peakAt[3] = start;
        }
        long b = series.current(BROADCAST);
        double rate = b / intervalSeconds;
        if (rate > config.stormFps()) {
            if (!inStorm) {
                inStorm = true;
                stormStart = start;
                stormFrames = 0;
                stormPeak = 0;
                events.onEvent(new BroadcastEvent.BroadcastStorm(ts, start, rate, config.stormFps(), b, topMac,
                        topCount));
            }
            stormFrames += b;
            stormEnd = start + config.intervalNanos();
            if (rate > stormPeak) {
                stormPeak = rate;
                stormPeakAt = start;
                stormTop = topMac;
                stormTopFrames = topCount;
            }
        }
        if (inStorm && (rate <= config.stormFps() || gapFollows)) {
            endStorm();
        }
        topMac = -1;
        topCount = 0;
    }

    private void endStorm() {
        inStorm = false;
        stormCount++;
        if (storms.size() < STORM_CAP) {
            storms.add(new Storm(stormStart, stormEnd, stormFrames, stormPeak, stormPeakAt, stormTop, stormTopFrames));
        }
    }

    @Override
    public void finish() {
        if (series.started()) {
            closeInterval(lastTs, false);
            series.finish();
        }
        if (inStorm) {
            endStorm();
        }
    }

    public Config config() {
        return config;
    }

    /** Frames of a class over the capture: 0 unicast, 1 broadcast, 2 multicast. */
    public long frames(int cls) {
        return totals[cls];
    }

    /** Bytes (on-the-wire lengths) of a class over the capture. */
    public long bytes(int cls) {
        return totals[BYTES + cls];
    }

    public long unicastFrames() {
        return totals[UNICAST];
    }

    public long broadcastFrames() {
        return totals[BROADCAST];
    }

    public long multicastFrames() {
        return totals[MULTICAST];
    }

    /** Frames without a destination MAC, left out of every class. */
    public long unclassifiedFrames() {
        return unclassifiedFrames;
    }

    public long unclassifiedBytes() {
        return unclassifiedBytes;
    }

    /** Broadcast frames over all classified frames, 0 when there were none. */
    public double broadcastShare() {
        long all = totals[UNICAST] + totals[BROADCAST] + totals[MULTICAST];
        return all == 0 ? 0 : (double) totals[BROADCAST] / all;
    }

    /** Highest frames per second of a class in one interval (3 = all classes together). */
    public double peakFps(int cls) {
        return peak[cls] / intervalSeconds;
    }

    /** Start of the interval where {@link #peakFps(int)} was reached, epoch ns (0 when no frame). */
    public long peakAt(int cls) {
        return peakAt[cls];
    }

    /** Storm episodes, at most {@link #STORM_CAP}. */
    public List<Storm> storms() {
        return Collections.unmodifiableList(storms);
    }

    /** Storm episodes, including those not kept. */
    public long stormCount() {
        return stormCount;
    }

    /** The per-interval series (complete after {@link #finish()}). */
    public IntervalSeries series() {
        return series;
    }

    public SourceRates sources() {
        return sources;
    }
}
