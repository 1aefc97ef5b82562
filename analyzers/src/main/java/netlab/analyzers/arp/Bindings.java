package netlab.analyzers.arp;

import netlab.analyzers.LruIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The (VLAN, IP) to MAC bindings learned from ARP senders, each with a most-recent-first MAC history like
 * arpwatch's {@code db.c ent_add}, and the event each new claim deserves. Bounded: at most {@code cap}
 * bindings (the least recently seen is evicted) of at most {@code historyCap} MACs each.
 */
final class Bindings {

    /*
     * All bindings live in one long[], a fixed stride per index slot: [firstSeen, count, then `depth` claims of
     * (mac, first, last)], most recent claim first. Claim 0, the one almost every frame reads, sits next to
     * the header, so a new binding (every frame of an ARP flood) writes one or two adjacent cache lines
     * instead of an Entry object, its three arrays and a reference array, and an evicted binding's slot is
     * reused in place without allocating. `depth` starts at one claim and doubles (up to the history cap,
     * re-laying out the array) only when some IP has more claims: an ARP flood, where every IP has one MAC,
     * keeps 65,536 bindings in 2.5 MiB instead of 13 MiB, small enough to stay in the CPU caches.
     */
    private static final int FIRST_SEEN = 0;
    private static final int COUNT = 1;
    private static final int HEADER = 2;
    private static final int MAC = HEADER;
    private static final int FIRST = 3;
    private static final int LAST = 4;
    private static final int CLAIM = 3;

    private final LruIndex index;
    private final int historyCap;
    private final long conflictWindow;
    private int depth = 1;
    private int stride = HEADER + CLAIM;
    private long[] slots;
    private long evicted;

    Bindings(int cap, int historyCap, long conflictWindowNanos) {
        this.index = new LruIndex(cap);
        this.historyCap = historyCap;
        this.conflictWindow = conflictWindowNanos;
        this.slots = new long[index.capacity() * stride];
    }

    /** The current MAC of the IP, or -1 when it has none. */
    long current(int vlan, int ip) {
        int s = index.find(vlan, ip);
        return s < 0 ? -1 : slots[s * stride + MAC];
    }

    /**
     * Records that {@code mac} claimed {@code ip} at {@code t} and returns the event it deserves, or null:
     * a new IP is a new station; the current MAC again is nothing; the MAC before the current one is a flip
     * flop; any other MAC is an IP conflict when the current MAC was seen within the conflict window, else a
     * changed MAC.
     */
    ArpEvent claim(int vlan, int ip, long mac, long t) {
        int s = index.find(vlan, ip);
        if (s < 0) {
            add(vlan, ip, mac, t);
            return new ArpEvent.NewStation(t, vlan, ip, mac);
        }
        index.touch(s);
        int b = s * stride;
        long previous = slots[b + MAC];
        long previousLast = slots[b + LAST];
        if (previous == mac) {
            slots[b + LAST] = Math.max(previousLast, t);
            return null;
        }
        int at = indexOf(b, mac);
        ArpEvent event;
        if (at == 1) {
            event = new ArpEvent.FlipFlop(t, vlan, ip, mac, previous);
        } else if (t - previousLast <= conflictWindow) {
            event = new ArpEvent.IpConflict(t, vlan, ip, mac, previous, previousLast);
        } else {
            event = new ArpEvent.ChangedMac(t, vlan, ip, mac, previous, previousLast);
        }
        moveToFront(s, at, mac, t);
        return event;
    }

    /**
     * Restores a binding known from an earlier run, unless the IP is already bound: its claims become the
     * history, most recently seen first (at most the history cap), so the next claim is judged against them.
     */
    void seed(ArpBinding binding) {
        if (binding.claims().isEmpty() || index.find(binding.vlan(), binding.ip()) >= 0) {
            return;
        }
        List<ArpBinding.Claim> recent = new ArrayList<>(binding.claims());
        recent.sort(Comparator.comparingLong(ArpBinding.Claim::lastSeenNanos).reversed());
        ArpBinding.Claim last = recent.get(0);
        int n = Math.min(recent.size(), historyCap);
        int s = add(binding.vlan(), binding.ip(), last.mac(), last.lastSeenNanos());
        deepen(n);
        int b = s * stride;
        for (int i = 0; i < n; i++) {
            int c = b + MAC + CLAIM * i;
            slots[c] = recent.get(i).mac();
            slots[c + 1] = recent.get(i).firstSeenNanos();
            slots[c + 2] = recent.get(i).lastSeenNanos();
        }
        slots[b + COUNT] = n;
        slots[b + FIRST_SEEN] = binding.firstSeenNanos();
    }

    /** Binds a new IP to its first claim, evicting the least recently seen binding when full; returns its slot. */
    private int add(int vlan, int ip, long mac, long t) {
        if (index.full()) {
            // The slot freed here is the one insert hands out next, so an ARP flood rewrites the evicted
            // binding's lines in place; claims past the count are never read, so they need no clearing.
            index.remove(index.oldest());
            evicted++;
        }
        int s = index.insert(vlan, ip);
        int b = s * stride;
        if (b >= slots.length) {
            slots = Arrays.copyOf(slots, Math.multiplyExact(index.capacity(), stride));
        }
        slots[b + FIRST_SEEN] = t;
        slots[b + COUNT] = 1;
        slots[b + MAC] = mac;
        slots[b + FIRST] = t;
        slots[b + LAST] = t;
        return s;
    }

    /** Makes room for {@code claims} claims per binding, doubling the depth (at most the history cap). */
    private void deepen(int claims) {
        if (claims <= depth) {
            return;
        }
        int newDepth = depth;
        while (newDepth < claims) {
            newDepth = Math.min(historyCap, newDepth * 2);
        }
        int newStride = HEADER + CLAIM * newDepth;
        int n = slots.length / stride;
        long[] wider = new long[Math.multiplyExact(n, newStride)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(slots, i * stride, wider, i * newStride, stride);
        }
        slots = wider;
        depth = newDepth;
        stride = newStride;
    }

    private int indexOf(int b, long mac) {
        int count = (int) slots[b + COUNT];
        for (int i = 0, c = b + MAC; i < count; i++, c += CLAIM) {
            if (slots[c] == mac) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the claim at {@code at} (or a new one, dropping the oldest when full) to the front of slot {@code s}. */
    private void moveToFront(int s, int at, long mac, long t) {
        long first = t;
        int b;
        if (at >= 0) {
            b = s * stride;
            first = slots[b + FIRST + CLAIM * at];
        } else {
            int count = (int) slots[s * stride + COUNT];
            deepen(Math.min(count + 1, historyCap));
            b = s * stride;
            at = Math.min(count, historyCap - 1);
            if (count < historyCap) {
                slots[b + COUNT] = count + 1;
            }
        }
        System.arraycopy(slots, b + MAC, slots, b + MAC + CLAIM, CLAIM * at);
        slots[b + MAC] = mac;
        slots[b + FIRST] = first;
        slots[b + LAST] = t;
    }

    int size() {
        return index.size();
    }

    /** Bindings dropped to stay within the cap. */
    long evicted() {
        return evicted;
    }

    /** Every binding, as {@link #snapshot(int)}. */
    List<ArpBinding> snapshot() {
        return snapshot(Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} bindings ordered by VLAN then IP (unsigned), claims in first-seen order; allocates,
     * for reports. Keys are sorted as primitives and only the bindings returned are built (a text report shows
     * a few of a flood's 65,536).
     */
    List<ArpBinding> snapshot(int limit) {
        long[] order = new long[index.size()];
        int n = 0;
        for (int s = index.oldest(); s != LruIndex.NONE; s = index.newer(s)) {
            // VLAN IDs are 0..4095, so the signed order of (VLAN, unsigned IP) packed in a long is the order wanted.
            order[n++] = (index.hi(s) << 32) | (index.lo(s) & 0xffff_ffffL);
        }
        Arrays.sort(order);
        List<ArpBinding> out = new ArrayList<>(Math.min(n, limit));
        for (int i = 0; i < Math.min(n, limit); i++) {
            out.add(binding(index.find(order[i] >>> 32, (int) order[i])));
        }
        return out;
    }

    private ArpBinding binding(int s) {
        int b = s * stride;
        int count = (int) slots[b + COUNT];
        List<ArpBinding.Claim> claims = new ArrayList<>(count);
        long last = Long.MIN_VALUE;
        for (int i = 0, c = b + MAC; i < count; i++, c += CLAIM) {
            claims.add(new ArpBinding.Claim(slots[c], slots[c + 1], slots[c + 2]));
            last = Math.max(last, slots[c + 2]);
        }
        if (count > 1) {
            claims.sort(Comparator.comparingLong(ArpBinding.Claim::firstSeenNanos)
                    .thenComparingLong(ArpBinding.Claim::mac));
        }
        return new ArpBinding((int) index.hi(s), (int) index.lo(s), slots[b + FIRST_SEEN], last, List.copyOf(claims));
    }
}
