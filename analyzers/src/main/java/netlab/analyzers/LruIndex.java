package netlab.analyzers;

import java.util.Arrays;

/**
 * An open-addressing hash index from two-long keys to dense slot numbers, kept in least-recently-used order
 * and never holding more than a fixed number of keys; each slot holds one long value beside its key, and the
 * tables of this package keep further values in arrays indexed by slot, so a lookup allocates nothing.
 * Insertion order doubles as an expiry queue.
 * Single-long keys (a MAC, a packed VLAN+MAC) use the one-argument forms.
 */
public final class LruIndex {
    /** Returned for "no slot". */
    public static final int NONE = -1;

    private final int cap;
    /** Longs per slot: key high, key low, LRU links (older in the high half, newer in the low), a value. */
    private static final int STRIDE = 4;
    /**
     * Slot s at [4s]: its key, links and value share one 32-byte block, so evicting the oldest slot or touching
     * a hit reads one cache line where separate key, link and value arrays cost a miss each in a large table.
     */
    private long[] nodes;
    /**
     * Open addressing, linear probing: each entry holds the key's hash in the high half and slot + 1 in the
     * low half (0 = empty), so probing past other keys and backward-shift deletion never read their keys,
     * which in a large table are a cache miss each.
     */
    private long[] table;
    private int size;
    private int allocated;
    private int freeHead = NONE;
    private int head = NONE;
    private int tail = NONE;

    /** @param cap the most keys held at once */
    public LruIndex(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive");
        }
        this.cap = cap;
        int c = Math.min(cap, 64);
        nodes = new long[STRIDE * c];
        table = new long[tableSizeFor(c)];
    }

    private static int tableSizeFor(int entries) {
        return Integer.highestOneBit(Math.max(2, entries) * 2 - 1) * 2;
    }

    private static int home(long h, long l) {
        long x = h * 0x9E3779B97F4A7C15L ^ l * 0xC2B2AE3D27D4EB4FL;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ (x >>> 32));
    }

    /** The slot of the key, or {@link #NONE}. */
    public int find(long h, long l) {
        int hash = home(h, l);
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            long e = table[i];
            if (e == 0) {
                return NONE;
            }
            int s = (int) e - 1;
            if ((int) (e >>> 32) == hash && nodes[STRIDE * s] == h && nodes[STRIDE * s + 1] == l) {
                return s;
            }
        }
    }

    /** Adds a key that is not present, as the most recent; the caller makes room first when {@link #full()}. */
    public int insert(long h, long l) {
        if (size >= cap) {
            throw new IllegalStateException("index full");
        }
        int s;
        if (freeHead != NONE) {
            s = freeHead;
            freeHead = newer(s);
        } else {
            if (allocated == capacity()) {
                grow();
            }
            s = allocated++;
        }
        nodes[STRIDE * s] = h;
        nodes[STRIDE * s + 1] = l;
        nodes[STRIDE * s + 3] = 0;
        size++;
        linkTail(s);
        place(s, home(h, l));
        return s;
    }

    /** Marks the slot as the most recently used. */
    public void touch(int s) {
        if (s != tail) {
            unlink(s);
            linkTail(s);
        }
    }

    /** Removes the slot's key; the slot may be handed out again by a later insert. */
    public void remove(int s) {
        unlink(s);
        unplace(s);
        setLinks(s, NONE, freeHead);
        freeHead = s;
        size--;
    }

    public boolean full() {
        return size >= cap;
    }

    public int size() {
        return size;
    }

    /** Slots handed out so far can be numbered below this; value arrays are grown to it. */
    public int capacity() {
        return nodes.length / STRIDE;
    }

    /** The least recently used slot, or {@link #NONE}. */
    public int oldest() {
        return head;
    }

    /** The next more recent slot after {@code s}, or {@link #NONE}. */
    public int newer(int s) {
        return (int) nodes[STRIDE * s + 2];
    }

    private int older(int s) {
        return (int) (nodes[STRIDE * s + 2] >>> 32);
    }

    private void setLinks(int s, int older, int newer) {
        nodes[STRIDE * s + 2] = ((long) older << 32) | (newer & 0xffff_ffffL);
    }

    private void setNewer(int s, int newer) {
        setLinks(s, older(s), newer);
    }

    private void setOlder(int s, int older) {
        setLinks(s, older, newer(s));
    }

    public long hi(int s) {
        return nodes[STRIDE * s];
    }

    public long lo(int s) {
        return nodes[STRIDE * s + 1];
    }

    /** The slot's value: one long a user keeps beside the key (0 after insert), in the same cache line. */
    public long value(int s) {
        return nodes[STRIDE * s + 3];
    }

    public void setValue(int s, long v) {
        nodes[STRIDE * s + 3] = v;
    }

    private void linkTail(int s) {
        setLinks(s, tail, NONE);
        if (tail == NONE) {
            head = s;
        } else {
            setNewer(tail, s);
        }
        tail = s;
    }

    private void unlink(int s) {
        int p = older(s);
        int n = newer(s);
        if (p == NONE) {
            head = n;
        } else {
            setNewer(p, n);
        }
        if (n == NONE) {
            tail = p;
        } else {
            setOlder(n, p);
        }
    }

    private void place(int s, int hash) {
        int mask = table.length - 1;
        int i = hash & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = ((long) hash << 32) | (s + 1);
    }

    /** Linear-probing deletion by backward shift, so no tombstones accumulate under churn. */
    private void unplace(int s) {
        int mask = table.length - 1;
        int i = home(hi(s), lo(s)) & mask;
        while ((int) table[i] != s + 1) {
            i = (i + 1) & mask;
        }
        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int k = (int) (table[j] >>> 32) & mask;
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                table[i] = table[j];
                table[j] = 0;
                i = j;
            }
        }
    }

    private void grow() {
        int c = (int) Math.min(cap, capacity() * 2L);
        nodes = Arrays.copyOf(nodes, STRIDE * c);
        int t = tableSizeFor(c);
        if (t > table.length) {
            table = new long[t];
            for (int s = head; s != NONE; s = newer(s)) {
                place(s, home(hi(s), lo(s)));
            }
        }
    }

    /** The slot of a single-long key, or {@link #NONE}. */
    public int find(long key) {
        return find(key, 0);
    }

    /** Adds a single-long key that is not present, as the most recent; returns its slot. */
    public int add(long key) {
        return insert(key, 0);
    }

    /** The single-long key in a slot. */
    public long key(int s) {
        return hi(s);
    }
}
