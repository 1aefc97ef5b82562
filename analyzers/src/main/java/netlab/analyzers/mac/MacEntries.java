package netlab.analyzers.mac;

import netlab.analyzers.LruIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;

/**
 * The MAC table's per-station values, interleaved in one {@code long[]} with a fixed stride per
 * {@link LruIndex} slot, so counting a frame of a known station allocates nothing and learning one touches a
 * couple of adjacent cache lines instead of one per value. Keys are {@code vlan << 48 | mac}.
 */
final class MacEntries {
    /** VLAN IDs kept per station (outer and inner tags of its frames). */
    static final int VLANS_PER_STATION = 4;

    // Field offsets within a station's 96-byte stride. The first 64 bytes hold what MacTable.learn touches for
    // every frame (plus ARP requests, the common ARP opcode); the rest are written when a station is learned
    // and then only now and then. The JVM does not 64-byte-align array elements, so the hot part may straddle
    // two adjacent lines.
    private static final int LAST = 0;
    private static final int FRAMES = 1;
    private static final int BYTES = 2;
    private static final int BROADCAST = 3;
    private static final int MULTICAST = 4;
    private static final int VLANS = 5;
    /** Addresses stored (low 32 bits) and the index of the one matched or stored last (high 32 bits). */
    private static final int IPS = 6;
    private static final int ARP_REQUESTS = 7;
    private static final int FIRST = 8;
    private static final int ARP_REPLIES = 9;
    private static final int ARP_UNANSWERED = 10;
    private static final int IPS_MORE = 11;
    private static final int STRIDE = 12;

    final LruIndex index;
    private long[] vals = new long[0];
    /** Addresses of slot s as (high, low) pairs; only the count in {@code IPS} of them are valid. */
    private long[][] ips = new long[0][];

    MacEntries(int cap) {
        index = new LruIndex(cap);
    }

    static long key(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    /** Adds a station known to be absent (the caller made room) and returns its slot. */
    int add(long key, long ts) {
        int s = index.add(key);
        if (ips.length < index.capacity()) {
            vals = Arrays.copyOf(vals, index.capacity() * STRIDE);
            ips = Arrays.copyOf(ips, index.capacity());
        }
        int b = s * STRIDE;
        Arrays.fill(vals, b, b + STRIDE, 0);
        vals[b + FIRST] = ts;
        vals[b + LAST] = ts;
        // ips[s] keeps the array of the station that last held the slot: only the stored count is read, and
        // reusing it keeps a flood of new stations from promoting one dead array per station.
        return s;
    }

    /** Counts a frame of {@code bytes} on-the-wire bytes seen at {@code ts} (an earlier {@code ts} keeps last). */
    void addFrame(int s, long ts, long bytes) {
        int b = s * STRIDE;
        vals[b + LAST] = Math.max(vals[b + LAST], ts);
        vals[b + FRAMES]++;
        vals[b + BYTES] += bytes;
    }

    void addBroadcast(int s) {
        vals[s * STRIDE + BROADCAST]++;
    }

    void addMulticast(int s) {
        vals[s * STRIDE + MULTICAST]++;
    }

    void addArpRequest(int s) {
        vals[s * STRIDE + ARP_REQUESTS]++;
    }

    void addArpReply(int s) {
        vals[s * STRIDE + ARP_REPLIES]++;
    }

    void addArpUnanswered(int s) {
        vals[s * STRIDE + ARP_UNANSWERED]++;
    }

    long first(int s) {
        return vals[s * STRIDE + FIRST];
    }

    long last(int s) {
        return vals[s * STRIDE + LAST];
    }

    long frames(int s) {
        return vals[s * STRIDE + FRAMES];
    }

    long bytes(int s) {
        return vals[s * STRIDE + BYTES];
    }

    long broadcast(int s) {
        return vals[s * STRIDE + BROADCAST];
    }

    long multicast(int s) {
        return vals[s * STRIDE + MULTICAST];
    }

    long arpRequests(int s) {
        return vals[s * STRIDE + ARP_REQUESTS];
    }

    long arpReplies(int s) {
        return vals[s * STRIDE + ARP_REPLIES];
    }

    long arpUnanswered(int s) {
        return vals[s * STRIDE + ARP_UNANSWERED];
    }

    long ipsMore(int s) {
        return vals[s * STRIDE + IPS_MORE];
    }

    /** Records VLAN {@code id} for the station, keeping the first {@link #VLANS_PER_STATION} (stored id + 1). */
    void addVlan(int s, int id) {
        int b = s * STRIDE + VLANS;
        long set = vals[b];
        for (int i = 0; i < VLANS_PER_STATION; i++) {
            long v = (set >>> (16 * i)) & 0xffff;
            if (v == id + 1) {
                return;
            }
            if (v == 0) {
                vals[b] = set | ((long) (id + 1) << (16 * i));
                return;
            }
        }
    }

    /**
     * Records an address the station used ({@code hi == 0 && lo >>> 32 == 0xffff} is IPv4, as an IPv4-mapped
     * address); past {@code max} distinct addresses, frames with another address are only counted.
     */
    void addIp(int s, long hi, long lo, int max) {
        int b = s * STRIDE;
        long info = vals[b + IPS];
        int n = (int) info;
        long[] a = ips[s];
        // A station mostly repeats the address it used last: check that one before scanning them all.
        int last = (int) (info >>> 32);
        if (last < n && a[2 * last] == hi && a[2 * last + 1] == lo) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (a[2 * i] == hi && a[2 * i + 1] == lo) {
                vals[b + IPS] = (long) i << 32 | n;
                return;
            }
        }
        if (n >= max) {
            vals[b + IPS_MORE]++;
            return;
        }
        if (a == null || a.length < 2 * (n + 1)) {
            a = Arrays.copyOf(a == null ? new long[0] : a, Math.min(2 * max, Math.max(4, 2 * n * 2)));
            ips[s] = a;
        }
        a[2 * n] = hi;
        a[2 * n + 1] = lo;
        vals[b + IPS] = (long) n << 32 | (n + 1);
    }

    static long ipv4(int bits) {
        return 0xffff_0000_0000L | (bits & 0xffff_ffffL);
    }

    /** The station's addresses as text, in the order first seen. */
    List<String> ipText(int s) {
        int n = (int) vals[s * STRIDE + IPS];
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long hi = ips[s][2 * i];
            long lo = ips[s][2 * i + 1];
            out.add(hi == 0 && (lo >>> 32) == 0xffff ? Ipv4Address.format((int) lo) : new Ipv6Address(hi, lo).toString());
        }
        return out;
    }

    /** The station's VLAN IDs in the order first seen. */
    List<Integer> vlanList(int s) {
        long set = vals[s * STRIDE + VLANS];
        List<Integer> out = new ArrayList<>(VLANS_PER_STATION);
        for (int i = 0; i < VLANS_PER_STATION; i++) {
            long v = (set >>> (16 * i)) & 0xffff;
            if (v != 0) {
                out.add((int) v - 1);
            }
        }
        return out;
    }
}
