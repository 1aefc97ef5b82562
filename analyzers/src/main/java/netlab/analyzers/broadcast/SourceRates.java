package netlab.analyzers.broadcast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import netlab.analyzers.LruIndex;

/**
 * Per-source-MAC frame counts by class and each source's busiest broadcast interval, in a table of at most
 * {@link #SOURCE_CAP} sources: when full, the least recently seen source is evicted (its counts are lost
 * and {@link #evicted()} grows), so a random-MAC flood cannot grow it and the sources active now stay.
 */
public final class SourceRates {
    /** Most source MACs tracked at once; a broadcast domain rarely has more active stations. */
    public static final int SOURCE_CAP = 4096;

    /**
     * A slot's values lie side by side in {@link #values}, {@code STRIDE} longs from slot {@code s * STRIDE}:
     * the three class counts (at the class number), then bytes, peak, stamp and inInterval. One frame then
     * touches one or two cache lines instead of one per value, which a random-MAC flood (every frame a new
     * source, each slot cold) pays for on every frame.
     */
    private static final int STRIDE = 7;
    private static final int BYTES = 3;
    private static final int PEAK = 4;
    private static final int STAMP = 5;
    private static final int IN_INTERVAL = 6;

    /** One source's totals for the report. */
    public record Source(long mac, long unicastFrames, long broadcastFrames, long multicastFrames, long bytes,
                         long peakBroadcastFrames) {
        public long frames() {
            return unicastFrames + broadcastFrames + multicastFrames;
        }
    }

    private final LruIndex index;
    private long[] values = new long[0];
    private long evicted;

    public SourceRates(int cap) {
        index = new LruIndex(cap);
    }

    /**
     * Counts one frame of class {@code cls} (0 unicast, 1 broadcast, 2 multicast) from {@code mac} in the
     * interval starting at {@code intervalStart}; returns the source's broadcast frames in that interval so far.
     */
    public long count(long mac, int cls, int length, long intervalStart) {
        int s = index.find(mac);
        long[] v;
        int b;
        if (s < 0) {
            if (index.full()) {
                index.remove(index.oldest());
                evicted++;
            }
            s = index.add(mac);
            v = ensure(index.capacity());
            b = s * STRIDE;
            Arrays.fill(v, b, b + STRIDE, 0);
            v[b + STAMP] = intervalStart;
        } else {
            index.touch(s);
            v = values;
            b = s * STRIDE;
        }
        v[b + cls]++;
        v[b + BYTES] += length;
        if (cls != 1) {
            return v[b + STAMP] == intervalStart ? v[b + IN_INTERVAL] : 0;
        }
        if (v[b + STAMP] != intervalStart) {
            v[b + STAMP] = intervalStart;
            v[b + IN_INTERVAL] = 0;
        }
        long n = ++v[b + IN_INTERVAL];
        v[b + PEAK] = Math.max(v[b + PEAK], n);
        return n;
    }

    /** The value array, grown to hold {@code n} slots (the index grows by doubling, so this is rare). */
    private long[] ensure(int n) {
        if (values.length < n * STRIDE) {
            values = Arrays.copyOf(values, n * STRIDE);
        }
        return values;
    }

    /** Sources tracked now. */
    public int size() {
        return index.size();
    }

    /** Sources dropped to make room for newer ones. */
    public long evicted() {
        return evicted;
    }

    /** The {@code n} sources with the most broadcast, then multicast, then all frames; ties by MAC. */
    public List<Source> top(int n) {
        List<Source> all = new ArrayList<>(index.size());
        for (int s = index.oldest(); s >= 0; s = index.newer(s)) {
            int b = s * STRIDE;
            all.add(new Source(index.key(s), values[b], values[b + 1], values[b + 2], values[b + BYTES],
                    values[b + PEAK]));
        }
        all.sort(Comparator.comparingLong(Source::broadcastFrames).reversed()
                .thenComparing(Comparator.comparingLong(Source::multicastFrames).reversed())
                .thenComparing(Comparator.comparingLong(Source::frames).reversed())
                .thenComparingLong(Source::mac));
        return all.subList(0, Math.min(n, all.size()));
    }
}
