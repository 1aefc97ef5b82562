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

    /** Per-binding state; allocated once per new (VLAN, IP), updated in place afterwards. */
    private static final class Entry {
        long firstSeen;
        long[] macs = new long[2];
        long[] macFirst = new long[2];
        long[] macLast = new long[2];
        int count;
    }

    private final LruIndex index;
    private final int historyCap;
    private final long conflictWindow;
    private Entry[] entries;
    private long evicted;

    Bindings(int cap, int historyCap, long conflictWindowNanos) {
        this.index = new LruIndex(cap);
        this.historyCap = historyCap;
        this.conflictWindow = conflictWindowNanos;
        this.entries = new Entry[index.capacity()];
    }

    /** The current MAC of the IP, or -1 when it has none. */
    long current(int vlan, int ip) {
        int s = index.find(vlan, ip);
        return s < 0 ? -1 : entries[s].macs[0];
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
        Entry e = entries[s];
        if (e.macs[0] == mac) {
            e.macLast[0] = Math.max(e.macLast[0], t);
            return null;
        }
        long previous = e.macs[0];
        long previousLast = e.macLast[0];
        int at = indexOf(e, mac);
        ArpEvent event;
        if (at == 1) {
            event = new ArpEvent.FlipFlop(t, vlan, ip, mac, previous);
        } else if (t - previousLast <= conflictWindow) {
            event = new ArpEvent.IpConflict(t, vlan, ip, mac, previous, previousLast);
        } else {
            event = new ArpEvent.ChangedMac(t, vlan, ip, mac, previous, previousLast);
        }
        moveToFront(e, at, mac, t);
        return event;
    }

    /**
     * Restores a binding known from an earlier run, unless the IP is already bound: its claims become the
     * history, most recently seen first (at most the history cap), so the next claim is judged against them.
     */
    void seed(ArpBinding b) {
        if (b.claims().isEmpty() || index.find(b.vlan(), b.ip()) >= 0) {
            return;
        }
        List<ArpBinding.Claim> recent = new ArrayList<>(b.claims());
        recent.sort(Comparator.comparingLong(ArpBinding.Claim::lastSeenNanos).reversed());
        ArpBinding.Claim last = recent.get(0);
        add(b.vlan(), b.ip(), last.mac(), last.lastSeenNanos());
        Entry e = entries[index.find(b.vlan(), b.ip())];
        int n = Math.min(recent.size(), historyCap);
        e.macs = new long[Math.max(2, n)];
        e.macFirst = new long[e.macs.length];
        e.macLast = new long[e.macs.length];
        for (int i = 0; i < n; i++) {
            e.macs[i] = recent.get(i).mac();
            e.macFirst[i] = recent.get(i).firstSeenNanos();
            e.macLast[i] = recent.get(i).lastSeenNanos();
        }
        e.count = n;
        e.firstSeen = b.firstSeenNanos();
    }

    private void add(int vlan, int ip, long mac, long t) {
        Entry e = null;
        if (index.full()) {
            // The evicted binding's entry is reused (its arrays only grow, and only count claims are read):
            // in an ARP flood every frame evicts one, and allocating anew promoted ~200 bytes of garbage per
            // frame into the old generation.
            int old = index.oldest();
            e = entries[old];
            index.remove(old);
            entries[old] = null;
            evicted++;
        }
        int s = index.insert(vlan, ip);
        if (s >= entries.length) {
            entries = Arrays.copyOf(entries, index.capacity());
        }
        if (e == null) {
            e = new Entry();
        }
        e.firstSeen = t;
        e.macs[0] = mac;
        e.macFirst[0] = t;
        e.macLast[0] = t;
        e.count = 1;
        entries[s] = e;
    }

    private static int indexOf(Entry e, long mac) {
        for (int i = 0; i < e.count; i++) {
            if (e.macs[i] == mac) {
                return i;
            }
        }
        return -1;
    }

    /** Moves the claim at {@code at} (or a new one, dropping the oldest when full) to the front. */
    private void moveToFront(Entry e, int at, long mac, long t) {
        long first = t;
        if (at >= 0) {
            first = e.macFirst[at];
        } else {
            if (e.count == e.macs.length && e.count < historyCap) {
                int c = Math.min(historyCap, e.count * 2);
                e.macs = Arrays.copyOf(e.macs, c);
                e.macFirst = Arrays.copyOf(e.macFirst, c);
                e.macLast = Arrays.copyOf(e.macLast, c);
            }
            at = Math.min(e.count, e.macs.length - 1);
            if (e.count < e.macs.length) {
                e.count++;
            }
        }
        System.arraycopy(e.macs, 0, e.macs, 1, at);
        System.arraycopy(e.macFirst, 0, e.macFirst, 1, at);
        System.arraycopy(e.macLast, 0, e.macLast, 1, at);
        e.macs[0] = mac;
        e.macFirst[0] = first;
        e.macLast[0] = t;
    }

    int size() {
        return index.size();
    }

    /** Bindings dropped to stay within the cap. */
    long evicted() {
        return evicted;
    }

    /** Every binding, ordered by VLAN then IP (unsigned), claims in first-seen order; allocates, for reports. */
    List<ArpBinding> snapshot() {
        List<ArpBinding> out = new ArrayList<>(index.size());
        for (int s = index.oldest(); s != LruIndex.NONE; s = index.newer(s)) {
            Entry e = entries[s];
            List<ArpBinding.Claim> claims = new ArrayList<>(e.count);
            long last = Long.MIN_VALUE;
            for (int i = 0; i < e.count; i++) {
                claims.add(new ArpBinding.Claim(e.macs[i], e.macFirst[i], e.macLast[i]));
                last = Math.max(last, e.macLast[i]);
            }
            claims.sort(Comparator.comparingLong(ArpBinding.Claim::firstSeenNanos)
                    .thenComparingLong(ArpBinding.Claim::mac));
            out.add(new ArpBinding((int) index.hi(s), (int) index.lo(s), e.firstSeen, last,
                    List.copyOf(claims)));
        }
        out.sort(Comparator.comparingInt(ArpBinding::vlan)
                .thenComparing((a, b) -> Integer.compareUnsigned(a.ip(), b.ip())));
        return out;
    }
}
