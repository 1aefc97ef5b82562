package netlab.analyzers;

import java.util.Arrays;

/**
 * An open-addressing hash index from two-long keys to dense slot numbers, kept in least-recently-used order
 * and never holding more than a fixed number of keys; the tables of this package keep their values in
 * arrays indexed by slot, so a lookup allocates nothing. Insertion order doubles as an expiry queue.
 * Single-long keys (a MAC, a packed VLAN+MAC) use the one-argument forms.
 */
public final class LruIndex {
    /** Returned for "no slot". */
    public static final int NONE = -1;

    private final int cap;
    /** Key of slot s at [2s] (high) and [2s + 1] (low): a hit reads one cache line, not two. */
    private long[] keys;
    /** LRU links of slot s at [2s] (older) and [2s + 1] (newer), side by side for the same reason. */
    private int[] links;
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
        keys = new long[2 * c];
        links = new int[2 * c];
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
            if ((int) (e >>> 32) == hash && keys[2 * s] == h && keys[2 * s + 1] == l) {
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
            freeHead = links[2 * s + 1];
        } else {
            if (allocated == capacity()) {
                grow();
            }
            s = allocated++;
        }
        keys[2 * s] = h;
        keys[2 * s + 1] = l;
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
        links[2 * s + 1] = freeHead;
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
        return keys.length / 2;
    }

    /** The least recently used slot, or {@link #NONE}. */
    public int oldest() {
        return head;
    }

    /** The next more recent slot after {@code s}, or {@link #NONE}. */
    public int newer(int s) {
        return links[2 * s + 1];
    }

    public long hi(int s) {
        return keys[2 * s];
    }

    public long lo(int s) {
        return keys[2 * s + 1];
    }

    private void linkTail(int s) {
        links[2 * s] = tail;
        links[2 * s + 1] = NONE;
        if (tail == NONE) {
            head = s;
        } else {
            links[2 * tail + 1] = s;
        }
        tail = s;
    }

    private void unlink(int s) {
        int p = links[2 * s];
        int n = links[2 * s + 1];
        if (p == NONE) {
            head = n;
        } else {
            links[2 * p + 1] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            links[2 * n] = p;
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
        int i = home(keys[2 * s], keys[2 * s + 1]) & mask;
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
        keys = Arrays.copyOf(keys, 2 * c);
        links = Arrays.copyOf(links, 2 * c);
        int t = tableSizeFor(c);
        if (t > table.length) {
            table = new long[t];
            for (int s = head; s != NONE; s = links[2 * s + 1]) {
                place(s, home(keys[2 * s], keys[2 * s + 1]));
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
