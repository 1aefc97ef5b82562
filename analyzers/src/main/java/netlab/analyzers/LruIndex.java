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
    private long[] hi;
    private long[] lo;
    private int[] prev;
    private int[] next;
    private int[] table;
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
        hi = new long[c];
        lo = new long[c];
        prev = new int[c];
        next = new int[c];
        table = new int[tableSizeFor(c)];
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
        int mask = table.length - 1;
        for (int i = home(h, l) & mask; ; i = (i + 1) & mask) {
            int s = table[i] - 1;
            if (s < 0) {
                return NONE;
            }
            if (hi[s] == h && lo[s] == l) {
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
            freeHead = next[s];
        } else {
            if (allocated == hi.length) {
                grow();
            }
            s = allocated++;
        }
        hi[s] = h;
        lo[s] = l;
        size++;
        linkTail(s);
        place(s);
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
        next[s] = freeHead;
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
        return hi.length;
    }

    /** The least recently used slot, or {@link #NONE}. */
    public int oldest() {
        return head;
    }

    /** The next more recent slot after {@code s}, or {@link #NONE}. */
    public int newer(int s) {
        return next[s];
    }

    public long hi(int s) {
        return hi[s];
    }

    public long lo(int s) {
        return lo[s];
    }

    private void linkTail(int s) {
        prev[s] = tail;
        next[s] = NONE;
        if (tail == NONE) {
            head = s;
        } else {
            next[tail] = s;
        }
        tail = s;
    }

    private void unlink(int s) {
        int p = prev[s];
        int n = next[s];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
    }

    private void place(int s) {
        int mask = table.length - 1;
        int i = home(hi[s], lo[s]) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = s + 1;
    }

    /** Linear-probing deletion by backward shift, so no tombstones accumulate under churn. */
    private void unplace(int s) {
        int mask = table.length - 1;
        int i = home(hi[s], lo[s]) & mask;
        while (table[i] != s + 1) {
            i = (i + 1) & mask;
        }
        table[i] = 0;
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int t = table[j] - 1;
            int k = home(hi[t], lo[t]) & mask;
            boolean stays = i <= j ? (i < k && k <= j) : (i < k || k <= j);
            if (!stays) {
                table[i] = t + 1;
                table[j] = 0;
                i = j;
            }
        }
    }

    private void grow() {
        int c = (int) Math.min(cap, hi.length * 2L);
        hi = Arrays.copyOf(hi, c);
        lo = Arrays.copyOf(lo, c);
        prev = Arrays.copyOf(prev, c);
        next = Arrays.copyOf(next, c);
        int t = tableSizeFor(c);
        if (t > table.length) {
            table = new int[t];
            for (int s = head; s != NONE; s = next[s]) {
                place(s);
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
