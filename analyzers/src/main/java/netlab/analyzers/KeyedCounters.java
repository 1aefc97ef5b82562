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

    /** Best first: most frames, then the keys in unsigned order. */
    private static final Comparator<Entry> RANK = Comparator.comparingLong(Entry::frames).reversed()
            .thenComparing(Entry::keyHigh, Long::compareUnsigned)
            .thenComparing(Entry::keyLow, Long::compareUnsigned);
    /** Longs per slot: key high, key low, frames, bytes side by side, so one probe touches one cache line. */
    private static final int STRIDE = 4;

    private final int cap;
    /** Open addressing, linear probing: key high, key low, frames, bytes of slot s at [STRIDE * s]. */
    private long[] table;
    /**
     * One byte per slot, 0 while the slot is free, else 0x80 | 7 bits of the key's hash. Probes read these
     * first: when a flood has filled a large table, looking up a key that is not there touches a few bytes
     * of a table 32 times smaller (512 KiB at the 262,144 cap) instead of a cache miss into 16 MiB of slots,
     * and a slot's key is compared only when its tag matches (1 in 128 for another key).
     */
    private byte[] tags;
    private int slots;
    private int size;
    private long otherFrames;
    private long otherBytes;

    /** @param cap the most distinct keys kept; further keys go to {@link #otherFrames()} */
    public KeyedCounters(int cap) {
        this.cap = cap;
        allocate(64);
    }

    private void allocate(int capacity) {
        slots = capacity;
        table = new long[capacity * STRIDE];
        tags = new byte[capacity];
    }

    /** Adds one frame of {@code length} bytes to the key. */
    public void add(long keyHigh, long keyLow, long length) {
        long hash = hash(keyHigh, keyLow);
        int s = slot(hash, keyHigh, keyLow);
        if (tags[s] == 0) {
            if (size >= cap) {
                otherFrames++;
                otherBytes += length;
                return;
            }
            if ((size + 1) * 4 > slots * 3) {
                grow();
                s = slot(hash, keyHigh, keyLow);
            }
            tags[s] = tag(hash);
            table[s * STRIDE] = keyHigh;
            table[s * STRIDE + 1] = keyLow;
            size++;
        }
        table[s * STRIDE + 2]++;
        table[s * STRIDE + 3] += length;
    }

    private static long hash(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
        return x ^ (x >>> 31);
    }

    /** The top 7 bits of the hash (the slot number comes from the low bits) with the high bit set. */
    private static byte tag(long hash) {
        return (byte) (0x80 | (hash >>> 57));
    }

    /** The key's slot, or the free slot where it belongs. */
    private int slot(long hash, long h, long l) {
        byte tag = tag(hash);
        int mask = slots - 1;
        byte[] g = tags;
        long[] t = table;
        for (int s = (int) hash & mask; ; s = (s + 1) & mask) {
            byte b = g[s];
            if (b == 0 || b == tag && t[s * STRIDE] == h && t[s * STRIDE + 1] == l) {
                return s;
            }
        }
    }

    private void grow() {
        long[] old = table;
        byte[] oldTags = tags;
        allocate(slots * 2);
        for (int j = 0; j < oldTags.length; j++) {
            if (oldTags[j] != 0) {
                long hash = hash(old[j * STRIDE], old[j * STRIDE + 1]);
                int s = slot(hash, old[j * STRIDE], old[j * STRIDE + 1]);
                tags[s] = oldTags[j];
                System.arraycopy(old, j * STRIDE, table, s * STRIDE, STRIDE);
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

    /** The {@code n} keys with the most frames, ties broken by key order; a bounded heap, not a sort of every key. */
    public List<Entry> top(int n) {
        PriorityQueue<Entry> worstFirst = new PriorityQueue<>(Math.max(1, Math.min(n, size)), RANK.reversed());
        long[] t = table;
        for (int j = 0; j < t.length && n > 0; j += STRIDE) {
            if (t[j + 2] == 0) {
                continue;
            }
            if (worstFirst.size() < n) {
                worstFirst.add(new Entry(t[j], t[j + 1], t[j + 2], t[j + 3]));
            } else if (ranksBefore(t[j + 2], t[j], t[j + 1], worstFirst.peek())) {
                worstFirst.poll();
                worstFirst.add(new Entry(t[j], t[j + 1], t[j + 2], t[j + 3]));
            }
        }
        List<Entry> out = new ArrayList<>(worstFirst);
        out.sort(RANK);
        return out;
    }

    /** {@link #RANK} for a slot against an entry, without building an entry for the slot. */
    private static boolean ranksBefore(long frames, long high, long low, Entry e) {
        if (frames != e.frames()) {
            return frames > e.frames();
        }
        int c = Long.compareUnsigned(high, e.keyHigh());
        return c != 0 ? c < 0 : Long.compareUnsigned(low, e.keyLow()) < 0;
    }
}
