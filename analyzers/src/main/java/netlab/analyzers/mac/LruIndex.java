package netlab.analyzers.mac;

import java.util.Arrays;

/**
 * A bounded map from long keys to dense slot numbers, kept in least-recently-used order, so owners can hold
 * per-entry values in parallel primitive arrays: lookups, touches, inserts and removals are O(1) and
 * allocate nothing once the arrays have grown to the cap.
 *
 * <p>Open addressing with linear probing at a load of at most 1/2; removal uses backward-shift deletion
 * (Knuth, TAOCP vol. 3, 6.4 algorithm R), so no tombstones build up under churn. Slots of removed keys are
 * reused. The owner must grow its own arrays to {@link #capacity()} after each {@link #add}.
 */
public final class LruIndex {
    private static final int NONE = -1;
    private static final int INITIAL = 64;

    private final int cap;
    private int[] table;
    private long[] keys;
    private int[] older;
    private int[] newer;
    private int oldest = NONE;
    private int newest = NONE;
    private int size;
    private int used;
    private int free = NONE;

    /** @param cap the most keys held at once; {@link #add} must not be called when {@link #full()} */
    public LruIndex(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be positive: " + cap);
        }
        this.cap = cap;
        int slots = Math.min(cap, INITIAL);
        keys = new long[slots];
        older = new int[slots];
        newer = new int[slots];
        table = new int[tableSize(slots)];
        Arrays.fill(table, NONE);
    }

    private static int tableSize(int slots) {
        return Integer.highestOneBit(Math.max(2, slots) * 2 - 1) * 2;
    }

    private static int hash(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return (int) k;
    }

    /** The slot holding {@code key}, or -1. */
    public int find(long key) {
        int mask = table.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int s = table[i];
            if (s == NONE || keys[s] == key) {
                return s;
            }
        }
    }

    /** Inserts a key known to be absent as the most recently used; returns its slot. */
    public int add(long key) {
        if (size >= cap) {
            throw new IllegalStateException("index full");
        }
        int s;
        if (free != NONE) {
            s = free;
            free = newer[s];
        } else {
            if (used == keys.length) {
                grow();
            }
            s = used++;
        }
        keys[s] = key;
        int mask = table.length - 1;
        int i = hash(key) & mask;
        while (table[i] != NONE) {
            i = (i + 1) & mask;
        }
        table[i] = s;
        linkNewest(s);
        size++;
        return s;
    }

    private void grow() {
        int n = (int) Math.min(cap, keys.length * 2L);
        keys = Arrays.copyOf(keys, n);
        older = Arrays.copyOf(older, n);
        newer = Arrays.copyOf(newer, n);
        int[] t = new int[tableSize(n)];
        Arrays.fill(t, NONE);
        int mask = t.length - 1;
        for (int s : table) {
            if (s != NONE) {
                int i = hash(keys[s]) & mask;
                while (t[i] != NONE) {
                    i = (i + 1) & mask;
                }
                t[i] = s;
            }
        }
        table = t;
    }

    /** Marks {@code slot} as the most recently used. */
    public void touch(int slot) {
        if (slot != newest) {
            unlink(slot);
            linkNewest(slot);
        }
    }

    /** Removes the key in {@code slot}; the slot may be handed out again by {@link #add}. */
    public void remove(int slot) {
        int mask = table.length - 1;
        int i = hash(keys[slot]) & mask;
        while (table[i] != slot) {
            i = (i + 1) & mask;
        }
        for (int j = (i + 1) & mask; table[j] != NONE; j = (j + 1) & mask) {
            int home = hash(keys[table[j]]) & mask;
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = NONE;
        unlink(slot);
        newer[slot] = free;
        free = slot;
        size--;
    }

    private void unlink(int s) {
        int o = older[s];
        int n = newer[s];
        if (o == NONE) {
            oldest = n;
        } else {
            newer[o] = n;
        }
        if (n == NONE) {
            newest = o;
        } else {
            older[n] = o;
        }
    }

    private void linkNewest(int s) {
        older[s] = newest;
        newer[s] = NONE;
        if (newest == NONE) {
            oldest = s;
        } else {
            newer[newest] = s;
        }
        newest = s;
    }

    /** The least recently used slot, or -1 when empty. */
    public int oldest() {
        return oldest;
    }

    /** The slot used just after {@code slot}, or -1 when it is the newest. */
    public int newer(int slot) {
        return newer[slot];
    }

    /** The key held in {@code slot}. */
    public long key(int slot) {
        return keys[slot];
    }

    public int size() {
        return size;
    }

    public int cap() {
        return cap;
    }

    /** True when {@link #add} would exceed the cap. */
    public boolean full() {
        return size >= cap;
    }

    /** Slot numbers are below this; owners size their parallel arrays to it. */
    public int capacity() {
        return keys.length;
    }
}
