package netlab.analyzers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Frame and byte counters keyed by two longs (a MAC, an IPv4 or an IPv6 address), in an open-addressing
 * table with a hard cap on keys; once full, new keys are counted in an "other" bucket, so memory stays bounded.
 */
public final class KeyedCounters {

    /** One key's totals, for reports. */
    public record Entry(long keyHigh, long keyLow, long frames, long bytes) {
    }

    private final int cap;
    private long[] hi;
    private long[] lo;
    private long[] frames;
    private long[] bytes;
    private boolean[] used;
    private int size;
    private long otherFrames;
    private long otherBytes;

    /** @param cap the most distinct keys kept; further keys go to {@link #otherFrames()} */
    public KeyedCounters(int cap) {
        this.cap = cap;
        allocate(64);
    }

    private void allocate(int capacity) {
        hi = new long[capacity];
        lo = new long[capacity];
        frames = new long[capacity];
        bytes = new long[capacity];
        used = new boolean[capacity];
    }

    /** Adds one frame of {@code length} bytes to the key. */
    public void add(long keyHigh, long keyLow, long length) {
        int i = slot(keyHigh, keyLow);
        if (!used[i]) {
            if (size >= cap) {
                otherFrames++;
                otherBytes += length;
                return;
            }
            if ((size + 1) * 4 > used.length * 3) {
                grow();
                i = slot(keyHigh, keyLow);
            }
            used[i] = true;
            hi[i] = keyHigh;
            lo[i] = keyLow;
            size++;
        }
        frames[i]++;
        bytes[i] += length;
    }

    private int slot(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 31;
        int mask = used.length - 1;
        int i = (int) x & mask;
        while (used[i] && (hi[i] != h || lo[i] != l)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        long[] of = frames;
        long[] ob = bytes;
        boolean[] ou = used;
        allocate(ou.length * 2);
        for (int j = 0; j < ou.length; j++) {
            if (ou[j]) {
                int i = slot(oh[j], ol[j]);
                used[i] = true;
                hi[i] = oh[j];
                lo[i] = ol[j];
                frames[i] = of[j];
                bytes[i] = ob[j];
            }
        }
    }

    /** Distinct keys counted (at most the cap). */
    public int size() {
        return size;
    }

    /** True once a key was turned away because the table was full. */
    public boolean overflowed() {
        return otherFrames > 0;
    }

    public long otherFrames() {
        return otherFrames;
    }

    public long otherBytes() {
        return otherBytes;
    }

    /**
     * The {@code n} keys with the most frames, ties broken by key order; selected through a heap of {@code n}
     * entries, so a report on a full table does not copy every key.
     */
    public List<Entry> top(int n) {
        if (n <= 0) {
            return new ArrayList<>();
        }
        Comparator<Entry> order = Comparator.comparingLong(Entry::frames).reversed()
                .thenComparing(Entry::keyHigh, Long::compareUnsigned)
                .thenComparing(Entry::keyLow, Long::compareUnsigned);
        PriorityQueue<Entry> best = new PriorityQueue<>(Math.min(n, size) + 1, order.reversed());
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                Entry e = new Entry(hi[i], lo[i], frames[i], bytes[i]);
                if (best.size() < n) {
                    best.add(e);
                } else if (order.compare(e, best.peek()) < 0) {
                    best.poll();
                    best.add(e);
                }
            }
        }
        List<Entry> all = new ArrayList<>(best);
        all.sort(order);
        return all;
    }
}
