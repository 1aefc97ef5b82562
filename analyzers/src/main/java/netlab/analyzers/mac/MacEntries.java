package netlab.analyzers.mac;

import netlab.analyzers.LruIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;

/**
 * The MAC table's per-station values in primitive arrays indexed by {@link LruIndex} slot, so counting a
 * frame of a known station allocates nothing. Keys are {@code vlan << 48 | mac}.
 */
final class MacEntries {
    /** VLAN IDs kept per station (outer and inner tags of its frames). */
    static final int VLANS_PER_STATION = 4;

    final LruIndex index;
    long[] first = new long[0];
    long[] last = new long[0];
    long[] frames = new long[0];
    long[] bytes = new long[0];
    long[] broadcast = new long[0];
    long[] multicast = new long[0];
    long[] arpRequests = new long[0];
    long[] arpReplies = new long[0];
    long[] arpUnanswered = new long[0];
    long[] vlans = new long[0];
    long[] ipsMore = new long[0];
    int[] ipCount = new int[0];
    long[][] ips = new long[0][];

    MacEntries(int cap) {
        index = new LruIndex(cap);
    }

    static long key(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    /** Adds a station known to be absent (the caller made room) and returns its slot. */
    int add(long key, long ts) {
        int s = index.add(key);
        if (first.length < index.capacity()) {
            grow(index.capacity());
        }
        first[s] = ts;
        last[s] = ts;
        frames[s] = 0;
        bytes[s] = 0;
        broadcast[s] = 0;
        multicast[s] = 0;
        arpRequests[s] = 0;
        arpReplies[s] = 0;
        arpUnanswered[s] = 0;
        vlans[s] = 0;
        ipsMore[s] = 0;
        ipCount[s] = 0;
        // ips[s] keeps the array of the station that last held the slot: only ipCount[s] entries are read,
        // and reusing it keeps a flood of new stations from promoting one dead array per station.
        return s;
    }

    private void grow(int n) {
        first = Arrays.copyOf(first, n);
        last = Arrays.copyOf(last, n);
        frames = Arrays.copyOf(frames, n);
        bytes = Arrays.copyOf(bytes, n);
        broadcast = Arrays.copyOf(broadcast, n);
        multicast = Arrays.copyOf(multicast, n);
        arpRequests = Arrays.copyOf(arpRequests, n);
        arpReplies = Arrays.copyOf(arpReplies, n);
        arpUnanswered = Arrays.copyOf(arpUnanswered, n);
        vlans = Arrays.copyOf(vlans, n);
        ipsMore = Arrays.copyOf(ipsMore, n);
        ipCount = Arrays.copyOf(ipCount, n);
        ips = Arrays.copyOf(ips, n);
    }

    /** Records VLAN {@code id} for the station, keeping the first {@link #VLANS_PER_STATION} (stored id + 1). */
    void addVlan(int s, int id) {
        long set = vlans[s];
        for (int i = 0; i < VLANS_PER_STATION; i++) {
            long v = (set >>> (16 * i)) & 0xffff;
            if (v == id + 1) {
                return;
            }
            if (v == 0) {
                vlans[s] = set | ((long) (id + 1) << (16 * i));
                return;
            }
        }
    }

    /**
     * Records an address the station used ({@code hi == 0 && lo >>> 32 == 0xffff} is IPv4, as an IPv4-mapped
     * address); past {@code max} distinct addresses, frames with another address are only counted.
     */
    void addIp(int s, long hi, long lo, int max) {
        long[] a = ips[s];
        int n = ipCount[s];
        for (int i = 0; i < n; i++) {
            if (a[2 * i] == hi && a[2 * i + 1] == lo) {
                return;
            }
        }
        if (n >= max) {
            ipsMore[s]++;
            return;
        }
        if (a == null || a.length < 2 * (n + 1)) {
            a = Arrays.copyOf(a == null ? new long[0] : a, Math.min(2 * max, Math.max(4, 2 * n * 2)));
            ips[s] = a;
        }
        a[2 * n] = hi;
        a[2 * n + 1] = lo;
        ipCount[s] = n + 1;
    }

    static long ipv4(int bits) {
        return 0xffff_0000_0000L | (bits & 0xffff_ffffL);
    }

    /** The station's addresses as text, in the order first seen. */
    List<String> ipText(int s) {
        List<String> out = new ArrayList<>(ipCount[s]);
        for (int i = 0; i < ipCount[s]; i++) {
            long hi = ips[s][2 * i];
            long lo = ips[s][2 * i + 1];
            out.add(hi == 0 && (lo >>> 32) == 0xffff ? Ipv4Address.format((int) lo) : new Ipv6Address(hi, lo).toString());
        }
        return out;
    }

    /** The station's VLAN IDs in the order first seen. */
    List<Integer> vlanList(int s) {
        List<Integer> out = new ArrayList<>(VLANS_PER_STATION);
        for (int i = 0; i < VLANS_PER_STATION; i++) {
            long v = (vlans[s] >>> (16 * i)) & 0xffff;
            if (v != 0) {
                out.add((int) v - 1);
            }
        }
        return out;
    }
}
