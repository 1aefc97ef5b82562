package netlab.analyzers.broadcast;

import static netlab.analyzers.mac.TestFrames.BROADCAST;
import static netlab.analyzers.mac.TestFrames.SEC;
import static netlab.analyzers.mac.TestFrames.T0;
import static netlab.analyzers.mac.TestFrames.arp;
import static netlab.analyzers.mac.TestFrames.eth;
import static netlab.analyzers.mac.TestFrames.feed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.event.Event;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

class BroadcastMeterTest {
    static final long A = 0x0200_0000_0001L;
    static final long B = 0x0200_0000_0002L;
    static final long MCAST = 0x0100_5e00_00fbL;
    final List<Event> events = new ArrayList<>();

    static byte[] request(long src) {
        return eth(BROADCAST, src, 0x0806, arp(1, src, 0x0a000001, 0, 0x0a000002));
    }

    @Test
    void classifiesByDestinationAndKeepsEmptyIntervals() throws Exception {
        BroadcastMeter m = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, events::add);
        feed(request(A), T0 + 100, m);                                  // broadcast, 42 bytes
        feed(eth(B, A, 0x0806, arp(2, A, 1, B, 2)), T0 + 200, m);       // unicast
        feed(eth(MCAST, B, 0x0800, new byte[46]), T0 + 3 * SEC + 1, m); // multicast, 60 bytes
        byte[] sll = new byte[16];
        netlab.capture.decode.PacketView v = new netlab.capture.decode.PacketView();
        netlab.capture.decode.Decoder.decode(netlab.capture.Frame.of(sll, T0 + 3 * SEC + 2, new LinkType(113)), v);
        m.accept(v);                                                    // Linux SLL: no destination MAC
        m.finish();
        assertEquals(1, m.unicastFrames());
        assertEquals(1, m.broadcastFrames());
        assertEquals(1, m.multicastFrames());
        assertEquals(1, m.unclassifiedFrames());
        assertEquals(42, m.bytes(1));
        assertEquals(60, m.bytes(2));
        assertEquals(1.0 / 3, m.broadcastShare(), 1e-12);
        assertEquals(4, m.series().size());
        assertEquals(T0, m.series().start(0));
        assertEquals(1, m.series().value(0, 1));
        assertEquals(0, m.series().value(1, 0) + m.series().value(1, 1) + m.series().value(1, 2));
        assertEquals(1, m.series().value(3, 2));
        assertEquals(List.of(), events);
    }

    @Test
    void stormIsRaisedOncePerEpisodeWithItsTopSource() throws Exception {
        BroadcastMeter m = new BroadcastMeter(new BroadcastMeter.Config(SEC, 100, 5), events::add);
        for (int sec = 0; sec < 3; sec++) {           // seconds 0-2: 150 and 120 and 101 broadcasts: one episode
            int n = sec == 0 ? 150 : sec == 1 ? 120 : 101;
            for (int i = 0; i < n; i++) {
                feed(request(i % 3 == 0 ? B : A), T0 + sec * SEC + i * 1000L, m);
            }
        }
        for (int i = 0; i < 100; i++) {               // second 3: exactly at the threshold, not over: ends it
            feed(request(A), T0 + 3 * SEC + i, m);
        }
        for (int i = 0; i < 300; i++) {               // second 4: a second episode, from B only
            feed(request(B), T0 + 4 * SEC + i, m);
        }
        m.finish();
        assertEquals(2, events.size());
        var first = (BroadcastEvent.BroadcastStorm) events.get(0);
        assertEquals("broadcast_storm", first.type());
        assertEquals(T0 + SEC, first.timeNanos());
        assertEquals(T0, first.intervalStart());
        assertEquals(150.0, first.rateFps());
        assertEquals(A, first.topSource());
        assertEquals(100, first.topSourceFrames());
        var second = (BroadcastEvent.BroadcastStorm) events.get(1);
        assertEquals(T0 + 4 * SEC + 299, second.timeNanos());
        assertEquals(B, second.topSource());
        assertEquals(2, m.stormCount());
        BroadcastMeter.Storm s = m.storms().get(0);
        assertEquals(new BroadcastMeter.Storm(T0, T0 + 3 * SEC, 371, 150.0, T0, A, 100), s);
        assertEquals(300.0, m.peakFps(1));
        assertTrue(first.reason().contains("150 broadcast frames/s"), first.reason());
    }

    @Test
    void aGapEndsAnEpisode() {
        BroadcastMeter m = new BroadcastMeter(new BroadcastMeter.Config(SEC, 10, 5), events::add);
        for (int i = 0; i < 20; i++) {
            feed(request(A), T0 + i, m);
        }
        for (int i = 0; i < 20; i++) {
            feed(request(A), T0 + 5 * SEC + i, m);
        }
        m.finish();
        assertEquals(2, events.size());
        assertEquals(6, m.series().size());
    }

    @Test
    void perSourceTableEvictsTheLeastRecentlySeen() {
        BroadcastMeter m = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, events::add);
        for (int i = 0; i < SourceRates.SOURCE_CAP + 5; i++) {
            feed(request(0x0200_0000_0000L + i), T0 + i, m);
        }
        assertEquals(SourceRates.SOURCE_CAP, m.sources().size());
        assertEquals(5, m.sources().evicted());
    }
}
