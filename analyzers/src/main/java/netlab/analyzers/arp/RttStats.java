package netlab.analyzers.arp;

import java.util.Arrays;

/**
 * Request-to-reply times in nanoseconds: count, min and max exactly; median and 99th percentile by the
 * nearest-rank method over the samples kept, which are all of them up to the cap and beyond it a uniform
 * reservoir (Vitter's algorithm R) drawn with a fixed-seed generator, so a replay always gives the same answer.
 */
final class RttStats {

    private final int cap;
    private long[] samples = new long[64];
    private int kept;
    private long count;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long seed = 0x9E3779B97F4A7C15L;

    RttStats(int cap) {
        this.cap = cap;
    }

    void add(long nanos) {
        count++;
        min = Math.min(min, nanos);
        max = Math.max(max, nanos);
        if (kept < cap) {
            if (kept == samples.length) {
                samples = Arrays.copyOf(samples, (int) Math.min(cap, samples.length * 2L));
            }
            samples[kept++] = nanos;
            return;
        }
        long j = Long.remainderUnsigned(next(), count);
        if (j < cap) {
            samples[(int) j] = nanos;
        }
    }

    /** xorshift64*: deterministic and allocation-free. */
    private long next() {
        seed ^= seed >>> 12;
        seed ^= seed << 25;
        seed ^= seed >>> 27;
        return seed * 0x2545F4914F6CDD1DL;
    }

    long count() {
        return count;
    }

    /** True while every RTT seen is among the samples, so the percentiles are exact. */
    boolean exact() {
        return count <= cap;
    }

    int kept() {
        return kept;
    }

    /** The samples kept (all RTTs up to the cap, else the reservoir), sorted. */
    long[] sortedSamples() {
        long[] sorted = Arrays.copyOf(samples, kept);
        Arrays.sort(sorted);
        return sorted;
    }

    /** The summary, or null when there were no RTTs. */
    RttSummary summary() {
        if (count == 0) {
            return null;
        }
        long[] sorted = sortedSamples();
        return new RttSummary(count, min, rank(sorted, 50), rank(sorted, 99), max, exact());
    }

    /** Nearest rank: the smallest sample with at least {@code p} percent of the samples at or below it. */
    private static long rank(long[] sorted, int p) {
        int r = (int) ((p * (long) sorted.length + 99) / 100);
        return sorted[Math.max(0, r - 1)];
    }
}
