package netlab.analyzers.mac;

import netlab.analyzers.event.EventListener;

/**
 * Detects MAC-flooding episodes from the learning rate: new MACs per window of capture time (aligned like
 * {@link IntervalSeries}) and cap evictions. An episode starts when a window closes over the threshold or
 * the table evicts for room; it ends when a window closes at or under the threshold while the table is below
 * its cap, or when a whole window passes without frames.
 */
final class FloodDetector {
    /** Distinct (interface, VLAN) ingress keys counted per window; the rest are not ranked. */
    static final int INGRESS_KEYS = 16;

    private final long window;
    private final double threshold;
    private final EventListener events;
    private boolean started;
    private long windowStart;
    private long windowNew;
    private final long[] ingressKey = new long[INGRESS_KEYS];
    private final long[] ingressCount = new long[INGRESS_KEYS];
    private int ingressKeys;
    private boolean inFlood;
    private long episodes;

    FloodDetector(long windowNanos, double threshold, EventListener events) {
        this.window = windowNanos;
        this.threshold = threshold;
        this.events = events;
    }

    /** Moves to the window holding {@code ts}, closing the previous one first. */
    void advance(long ts, int size, int cap) {
        if (!started) {
            started = true;
            windowStart = Math.floorDiv(ts, window) * window;
            return;
        }
        if (ts - windowStart < window) {
            return;
        }
        close(ts, size, cap);
        long next = Math.floorDiv(ts, window) * window;
        if (next > windowStart + window) {
            inFlood = false;
        }
        windowStart = next;
        windowNew = 0;
        ingressKeys = 0;
    }

    private void close(long ts, int size, int cap) {
        double rate = windowNew / (window / 1e9);
        if (rate > threshold) {
            if (!inFlood) {
                raise(ts, "rate", size, cap);
            }
        } else if (size < cap) {
            inFlood = false;
        }
    }

    /** A station was learned from ingress {@code iface}/{@code vlan}. */
    void learned(int iface, int vlan) {
        windowNew++;
        long k = ((long) iface << 12) | vlan;
        for (int i = 0; i < ingressKeys; i++) {
            if (ingressKey[i] == k) {
                ingressCount[i]++;
                return;
            }
        }
        if (ingressKeys < INGRESS_KEYS) {
            ingressKey[ingressKeys] = k;
            ingressCount[ingressKeys++] = 1;
        }
    }

    /** The table was full and evicted a station to learn a new one. */
    void capReached(long ts, int size, int cap) {
        if (!inFlood) {
            raise(ts, "cap", size, cap);
        }
    }

    void finish(long lastTs, int size, int cap) {
        if (started) {
            close(lastTs, size, cap);
        }
    }

    private void raise(long ts, String trigger, int size, int cap) {
        inFlood = true;
        episodes++;
        int best = -1;
        for (int i = 0; i < ingressKeys; i++) {
            if (best < 0 || ingressCount[i] > ingressCount[best]) {
                best = i;
            }
        }
        int iface = best < 0 ? 0 : (int) (ingressKey[best] >>> 12);
        int vlan = best < 0 ? 0 : (int) (ingressKey[best] & 0xfff);
        events.onEvent(new MacTableEvent.MacFlood(ts, trigger, windowNew / (window / 1e9), windowNew, size, cap,
                iface, vlan, best < 0 ? 0 : ingressCount[best]));
    }

    /** Flood episodes so far. */
    long episodes() {
        return episodes;
    }
}
