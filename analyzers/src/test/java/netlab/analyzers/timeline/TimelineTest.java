package netlab.analyzers.timeline;

import static netlab.analyzers.mac.TestFrames.BROADCAST;
import static netlab.analyzers.mac.TestFrames.SEC;
import static netlab.analyzers.mac.TestFrames.T0;
import static netlab.analyzers.mac.TestFrames.arp;
import static netlab.analyzers.mac.TestFrames.eth;
import static netlab.analyzers.mac.TestFrames.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.EventListener;
import org.junit.jupiter.api.Test;

class TimelineTest {
    static final long A = 0x0200_0000_0001L;
    static final long B = 0x0200_0000_0002L;
    static final long MCAST = 0x0100_5e00_00fbL;

    // 00:00:00.000000 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42:
    //   Request who-has 10.0.0.2 tell 10.0.0.1, length 28
    static byte[] request() {
        return eth(BROADCAST, A, 0x0806, arp(1, A, 0x0a000001, 0, 0x0a000002));
    }

    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42: Reply 10.0.0.2 is-at 02:00:00:00:00:02
    static byte[] reply() {
        return eth(A, B, 0x0806, arp(2, B, 0x0a000002, A, 0x0a000001));
    }

    @Test
    void countsClassesPerIntervalWithBusiestIntervalAndTableSize() {
        AtomicInteger table = new AtomicInteger();
        Timeline t = new Timeline(SEC, table::get);
        table.set(1);
        feed(request(), T0 + 100, t);
        feed(request(), T0 + 200, t);
        table.set(2);
        feed(reply(), T0 + 300, t);
        feed(eth(MCAST, B, 0x0800, new byte[46]), T0 + 2 * SEC + 5, t);
        feed(request(), T0 + SEC / 2, t); // stamped earlier: counts in the current interval (2 s)
        t.finish();
        assertEquals(3, t.size());
        assertEquals(T0, t.origin());
        assertEquals(T0 + 2 * SEC, t.start(2));
        assertEquals(3, t.sum(Timeline.FRAMES, 0));
        assertEquals(2, t.sum(Timeline.BROADCAST, 0));
        assertEquals(2, t.sum(Timeline.ARP_REQUESTS, 0));
        assertEquals(1, t.sum(Timeline.ARP_REPLIES, 0));
        assertEquals(3 * 42, t.sum(Timeline.BYTES, 0));
        assertEquals(14 + 46 + 42, t.sum(Timeline.BYTES, 2));
        assertEquals(0, t.sum(Timeline.FRAMES, 1));
        assertEquals(2, t.sum(Timeline.FRAMES, 2));
        assertEquals(1, t.sum(Timeline.MULTICAST, 2));
        assertEquals(1, t.sum(Timeline.BROADCAST, 2));
        assertEquals(3, t.peak(Timeline.FRAMES, 0));
        assertEquals(2, t.peak(Timeline.FRAMES, 2));
        assertEquals(2, t.tableSize(0));
        assertEquals(0, t.tableSize(1));
    }

    @Test
    void mergesPairsWhenFullKeepingSumsAndPeaks() {
        Timeline t = new Timeline(SEC, () -> 0, 4);
        for (int s = 0; s < 4; s++) {
            for (int k = 0; k <= s; k++) {
                feed(request(), T0 + s * SEC + k, t);
            }
        }
        assertEquals(4, t.size());
        feed(request(), T0 + 4 * SEC, t); // a fifth second: buckets of 2 s
        t.finish();
        assertEquals(2 * SEC, t.bucketNanos());
        assertEquals(3, t.size());
        assertEquals(3, t.sum(Timeline.FRAMES, 0));
        assertEquals(7, t.sum(Timeline.FRAMES, 1));
        assertEquals(1, t.sum(Timeline.FRAMES, 2));
        assertEquals(2, t.peak(Timeline.BROADCAST, 0));
        assertEquals(4, t.peak(Timeline.BROADCAST, 1));
        assertEquals(1, t.peak(Timeline.BROADCAST, 2));
    }

    @Test
    void unansweredCountsAtRequestTime() {
        Timeline t = new Timeline(SEC, () -> 0);
        t.unanswered(T0); // before any frame: nothing to place it against
        feed(request(), T0 + 10, t);
        feed(request(), T0 + 3 * SEC, t);
        t.unanswered(T0 + 10);
        t.unanswered(T0 - 5 * SEC);
        t.finish();
        assertEquals(2, t.sum(Timeline.UNANSWERED, 0));
        assertEquals(0, t.sum(Timeline.UNANSWERED, 3));
    }

    @Test
    void busiestIntervalIsTheBroadcastMetersPeakOnAnyStream() {
        Random r = new Random(17);
        for (int run = 0; run < 20; run++) {
            Timeline t = new Timeline(SEC, () -> 0, 8);
            BroadcastMeter m = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, EventListener.none());
            long ts = T0 + r.nextInt(1000) * 1_000_000L;
            for (int i = 0; i < 500; i++) {
                ts += r.nextInt(10) == 0 ? -r.nextInt(300_000_000) : r.nextInt(80_000_000);
                feed(r.nextBoolean() ? request() : reply(), ts, t, m);
            }
            t.finish();
            m.finish();
            long peak = 0;
            long frames = 0;
            for (int i = 0; i < t.size(); i++) {
                peak = Math.max(peak, t.peak(Timeline.BROADCAST, i));
                frames += t.sum(Timeline.BROADCAST, i);
            }
            assertEquals(m.peakFps(1), peak, 0.0, "run " + run);
            assertEquals(m.broadcastFrames(), frames, "run " + run);
        }
    }
}
