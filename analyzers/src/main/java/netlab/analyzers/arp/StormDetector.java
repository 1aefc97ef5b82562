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
    private final long window;
    private final int segmentRing;
    private final int sourceRing;
    private final long[] segmentTimes;
    private int segmentPos;
    private int segmentFilled;
    private long segmentLastHot;
    private boolean segmentActive;
    private final LruIndex sources;
    private long[] sourceTimes;
    private int[] sourcePos;
    private int[] sourceFilled;
    private long[] sourceLastHot;
    private boolean[] sourceActive;
    private long storms;

    StormDetector(int segmentThreshold, int sourceThreshold, long windowNanos, int sourceCap) {
        this.window = windowNanos;
        this.segmentRing = segmentThreshold + 1;
        this.sourceRing = sourceThreshold + 1;
        this.segmentTimes = new long[segmentRing];
        this.sources = new LruIndex(sourceCap);
        int c = sources.capacity();
        sourceTimes = new long[c * sourceRing];
        sourcePos = new int[c];
        sourceFilled = new int[c];
        sourceLastHot = new long[c];
        sourceActive = new boolean[c];
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
        int s = slot(vlan, mac);
        int base = s * sourceRing;
        sourceTimes[base + sourcePos[s]] = t;
        sourcePos[s] = (sourcePos[s] + 1) % sourceRing;
        sourceFilled[s] = Math.min(sourceRing, sourceFilled[s] + 1);
        long oldest = sourceTimes[base + sourcePos[s]];
        if (sourceFilled[s] == sourceRing && t - oldest < window) {
            sourceLastHot[s] = t;
            if (!sourceActive[s]) {
                sourceActive[s] = true;
                storms++;
                out.onEvent(new ArpEvent.ArpStorm(t, vlan, "source", mac, sourceRing, window / 1_000_000,
                        t - oldest));
            }
        } else if (sourceActive[s] && t - sourceLastHot[s] >= window) {
            sourceActive[s] = false;
        }
    }

    private int slot(int vlan, long mac) {
        int s = sources.find(vlan, mac);
        if (s >= 0) {
            sources.touch(s);
            return s;
        }
        if (sources.full()) {
            sources.remove(sources.oldest());
        }
        s = sources.insert(vlan, mac);
        if (s >= sourcePos.length) {
            int c = sources.capacity();
            sourceTimes = Arrays.copyOf(sourceTimes, c * sourceRing);
            sourcePos = Arrays.copyOf(sourcePos, c);
            sourceFilled = Arrays.copyOf(sourceFilled, c);
            sourceLastHot = Arrays.copyOf(sourceLastHot, c);
            sourceActive = Arrays.copyOf(sourceActive, c);
        }
        sourcePos[s] = 0;
        sourceFilled[s] = 0;
        sourceActive[s] = false;
        return s;
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
