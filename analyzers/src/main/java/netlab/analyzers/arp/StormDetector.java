package netlab.analyzers.arp;

import netlab.analyzers.LruIndex;
import java.util.Arrays;
import netlab.analyzers.event.EventListener;

/**
 * ARP request storms: more than N requests within less than the window, segment-wide (Wireshark's rule) and
 * per source MAC. Each counter keeps the times of its last N+1 requests in a ring. A storm is raised once per
 * burst: it stays active while requests keep exceeding the rate and re-arms at the first request that does
 * not exceed it arriving a full window after the last one that did. Per-source rings are bounded by a cap on
 * tracked sources, evicting the least recently active.
 */
final class StormDetector {
    /*
     * Per-source state in one long[], a fixed stride per index slot: [ring position, filled, active (0/1),
     * last hot time, then the ring of request times]. A new source (every frame of a flood with random MACs)
     * then writes one or two adjacent cache lines instead of one in each of five parallel arrays.
     */
    private static final int POS = 0;
    private static final int FILLED = 1;
    private static final int ACTIVE = 2;
    private static final int LAST_HOT = 3;
    private static final int RING = 4;
    private final long window;
    private final int segmentRing;
    private final int sourceRing;
    private final long[] segmentTimes;
    private int segmentPos;
    private int segmentFilled;
    private long segmentLastHot;
    private boolean segmentActive;
    private final LruIndex sources;
    private final int sourceStride;
    private long[] sourceState;
    /**
     * A source's first request within the window, by hash of (VLAN, MAC), direct-mapped: [2i] the packed key
     * (with bit 63 set, so 0 means empty), [2i + 1] the time. See {@link #slot}.
     */
    private final long[] firstRequests;
    private long storms;

    StormDetector(int segmentThreshold, int sourceThreshold, long windowNanos, int sourceCap) {
        this.window = windowNanos;
        this.segmentRing = segmentThreshold + 1;
        this.sourceRing = sourceThreshold + 1;
        this.segmentTimes = new long[segmentRing];
        this.sources = new LruIndex(sourceCap);
        this.sourceStride = RING + sourceRing;
        this.sourceState = new long[sources.capacity() * sourceStride];
        // At least 4,096 slots, so that a small cap does not also mean first requests that collide often.
        this.firstRequests = new long[2 * Integer.highestOneBit(Math.max(4096, sourceCap) * 2 - 1)];
    }

    /** Counts one request from {@code sourceMac} (-1 when unknown); raises the storms that start with it. */
    void request(int vlan, long sourceMac, long t, EventListener out) {
        segmentTimes[segmentPos] = t;
        segmentPos = (segmentPos + 1) % segmentRing;
        segmentFilled = Math.min(segmentRing, segmentFilled + 1);
        long oldest = segmentTimes[segmentPos];
        if (segmentFilled == segmentRing && t - oldest < window) {
            segmentLastHot = t;
            if (!segmentActive) {
                segmentActive = true;
                storms++;
                out.onEvent(new ArpEvent.ArpStorm(t, 0, "segment", -1, segmentRing, window / 1_000_000,
                        t - oldest));
            }
        } else if (segmentActive && t - segmentLastHot >= window) {
            segmentActive = false;
        }
        if (sourceMac >= 0) {
            source(vlan, sourceMac, t, out);
        }
    }

    /** After the write, the ring's next position holds the oldest of the last N+1 requests, this one included. */
    private void source(int vlan, long mac, long t, EventListener out) {
        int b = slot(vlan, mac, t);
        if (b < 0) {
            return;
        }
        long[] st = sourceState;
        int pos = (int) st[b + POS];
        st[b + RING + pos] = t;
        pos = (pos + 1) % sourceRing;
        st[b + POS] = pos;
        long filled = Math.min(sourceRing, st[b + FILLED] + 1);
        st[b + FILLED] = filled;
        long oldest = st[b + RING + pos];
        if (filled == sourceRing && t - oldest < window) {
            st[b + LAST_HOT] = t;
            if (st[b + ACTIVE] == 0) {
                st[b + ACTIVE] = 1;
                storms++;
                out.onEvent(new ArpEvent.ArpStorm(t, vlan, "source", mac, sourceRing, window / 1_000_000,
                        t - oldest));
            }
        } else if (st[b + ACTIVE] != 0 && t - st[b + LAST_HOT] >= window) {
            st[b + ACTIVE] = 0;
        }
    }

    /**
     * The base of the source's state, or -1 when it is not tracked yet. A source gets a rate window (evicting
     * the least recently active when full) only at its second request within the window: a single request
     * cannot exceed N >= 1, and in a flood of one-off senders (random MACs) the sources that do repeat are
     * then not pushed out of the table by senders seen once. The first request waits in a direct-mapped
     * slot; if another sender took that slot in between, the source starts from its second request.
     */
    private int slot(int vlan, long mac, long t) {
        int s = sources.find(vlan, mac);
        if (s >= 0) {
            sources.touch(s);
            return s * sourceStride;
        }
        long first = Long.MIN_VALUE;
        if (sourceRing > 1) {
            long key = (1L << 63) | ((long) vlan << 48) | mac;
            int f = 2 * (int) (mix(key) & (firstRequests.length / 2 - 1));
            if (firstRequests[f] != key || t - firstRequests[f + 1] >= window || t < firstRequests[f + 1]) {
                firstRequests[f] = key;
                firstRequests[f + 1] = t;
                return -1;
            }
            first = firstRequests[f + 1];
            firstRequests[f] = 0;
        }
        if (sources.full()) {
            sources.remove(sources.oldest());
        }
        int b = sources.insert(vlan, mac) * sourceStride;
        if (b >= sourceState.length) {
            sourceState = Arrays.copyOf(sourceState, Math.multiplyExact(sources.capacity(), sourceStride));
        }
        // The ring needs no clearing, as it is not read until it has filled again, nor the hot time, which is
        // not read until a storm sets it.
        sourceState[b + POS] = 0;
        sourceState[b + FILLED] = 0;
        sourceState[b + ACTIVE] = 0;
        if (first != Long.MIN_VALUE) {
            sourceState[b + RING] = first;
            sourceState[b + POS] = 1;
            sourceState[b + FILLED] = 1;
        }
        return b;
    }

    private static long mix(long key) {
        long x = key * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    /** Storms raised so far, both scopes. */
    long storms() {
        return storms;
    }

    /** Source MACs currently holding a rate window (at most the cap). */
    int trackedSources() {
        return sources.size();
    }
}
