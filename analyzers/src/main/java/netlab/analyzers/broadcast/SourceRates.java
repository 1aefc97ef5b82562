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

    /** One source's totals for the report. */
    public record Source(long mac, long unicastFrames, long broadcastFrames, long multicastFrames, long bytes,
                         long peakBroadcastFrames) {
        public long frames() {
            return unicastFrames + broadcastFrames + multicastFrames;
        }
    }

    private final LruIndex index;
    private long[] counts = new long[0];
    private long[] bytes = new long[0];
    private long[] peak = new long[0];
    private long[] stamp = new long[0];
    private long[] inInterval = new long[0];
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
        if (s < 0) {
            if (index.full()) {
                index.remove(index.oldest());
                evicted++;
            }
            s = index.add(mac);
            ensure(index.capacity());
            Arrays.fill(counts, s * 3, s * 3 + 3, 0);
            bytes[s] = 0;
            peak[s] = 0;
            inInterval[s] = 0;
            stamp[s] = intervalStart;
        } else {
            index.touch(s);
        }
        counts[s * 3 + cls]++;
        bytes[s] += length;
        if (cls != 1) {
            return stamp[s] == intervalStart ? inInterval[s] : 0;
        }
        if (stamp[s] != intervalStart) {
            stamp[s] = intervalStart;
            inInterval[s] = 0;
        }
        long n = ++inInterval[s];
        peak[s] = Math.max(peak[s], n);
        return n;
    }

    private void ensure(int n) {
        if (bytes.length < n) {
            counts = Arrays.copyOf(counts, n * 3);
            bytes = Arrays.copyOf(bytes, n);
            peak = Arrays.copyOf(peak, n);
            stamp = Arrays.copyOf(stamp, n);
            inInterval = Arrays.copyOf(inInterval, n);
        }
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
            all.add(new Source(index.key(s), counts[s * 3], counts[s * 3 + 1], counts[s * 3 + 2], bytes[s], peak[s]));
        }
        all.sort(Comparator.comparingLong(Source::broadcastFrames).reversed()
                .thenComparing(Comparator.comparingLong(Source::multicastFrames).reversed())
                .thenComparing(Comparator.comparingLong(Source::frames).reversed())
                .thenComparingLong(Source::mac));
        return all.subList(0, Math.min(n, all.size()));
    }
}
