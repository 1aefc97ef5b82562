package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.event.Event;
import org.junit.jupiter.api.Test;

/**
 * Per-source storm windows: one per source from its second request within the window, bounded, and a
 * re-tracked source starts with an empty ring.
 */
class StormDetectorTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    @Test
    void anEvictedSourceStartsAfreshAndNoStaleTimesRaiseAStorm() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(1000, 3, 100 * MS, 1);
        for (int i = 0; i < 3; i++) {
            d.request(0, 1, i * MS, events::add);
        }
        assertEquals(1, d.trackedSources());
        // Source 2's second request within the window gives it the only rate window: source 1 is evicted.
        d.request(0, 2, 3 * MS, events::add);
        d.request(0, 2, 3 * MS + 500 * US, events::add);
        assertEquals(1, d.trackedSources());
        // Source 1 comes back within the window of its first three requests, which were forgotten.
        for (int i = 4; i < 7; i++) {
            d.request(0, 1, i * MS, events::add);
        }
        assertEquals(List.of(), events);
        d.request(0, 1, 7 * MS, events::add);
        assertEquals(List.of(new ArpEvent.ArpStorm(7 * MS, 0, "source", 1, 4, 100, 3 * MS)), events);
    }

    @Test
    void aSingleRequestGetsNoRateWindowAndAFirstRequestOutsideTheWindowIsForgotten() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(1000, 2, 100 * MS, 16);
        d.request(0, 9, 0, events::add);
        assertEquals(0, d.trackedSources());
        d.request(0, 9, 100 * MS, events::add);
        assertEquals(0, d.trackedSources(), "100 ms later is outside a 100 ms window");
        d.request(0, 9, 150 * MS, events::add);
        assertEquals(1, d.trackedSources());
        assertEquals(List.of(), events);
        // The ring holds 100 and 150 ms: the third request is a storm (more than 2 within 100 ms).
        d.request(0, 9, 160 * MS, events::add);
        assertEquals(List.of(new ArpEvent.ArpStorm(160 * MS, 0, "source", 9, 3, 100, 60 * MS)), events);
    }

    @Test
    void sendersSeenOnceDoNotPushARepeatingSourceOutOfTheTable() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(1_000_000, 5, 100 * MS, 4);
        long t = 0;
        for (int i = 0; i < 6; i++) {
            d.request(0, 0xaa, t, events::add);
            for (int k = 0; k < 100; k++) {
                t += 10 * US;
                d.request(0, 0x0200_0000_0000L + i * 100 + k, t, events::add);
            }
            t += 10 * US;
        }
        assertEquals(1, d.trackedSources());
        assertEquals(List.of(new ArpEvent.ArpStorm(5 * 1010 * US, 0, "source", 0xaa, 6, 100, 5 * 1010 * US)),
                events);
    }

    @Test
    void withAThresholdOfZeroEveryRequestIsAStorm() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(1000, 0, 100 * MS, 4);
        d.request(0, 5, 1 * MS, events::add);
        assertEquals(List.of(new ArpEvent.ArpStorm(1 * MS, 0, "source", 5, 1, 100, 0)), events);
    }

    @Test
    void eachOfManySourcesKeepsItsOwnRingAcrossTableGrowth() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(100_000, 2, 100 * MS, 500);
        for (int mac = 0; mac < 200; mac++) {
            d.request(3, mac, mac * 20 * US, events::add);
            d.request(3, mac, mac * 20 * US + 10 * US, events::add);
        }
        for (int mac = 0; mac < 200; mac++) {
            d.request(3, mac, 200 * MS + mac * 10 * US, events::add);
        }
        assertEquals(200, d.trackedSources());
        assertEquals(List.of(), events);
        d.request(3, 7, 201 * MS, events::add);
        assertEquals(List.of(), events);
        d.request(3, 7, 202 * MS, events::add);
        assertEquals(List.of(new ArpEvent.ArpStorm(202 * MS, 3, "source", 7, 3, 100, 202 * MS - (200 * MS + 70 * US))),
                events);
        assertEquals(1, d.storms());
    }
}
