package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.event.Event;
import org.junit.jupiter.api.Test;

/** Per-source storm windows: one per source, bounded, and a re-tracked source starts with an empty ring. */
class StormDetectorTest {
    private static final long MS = 1_000_000L;

    @Test
    void anEvictedSourceStartsAfreshAndNoStaleTimesRaiseAStorm() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(1000, 3, 100 * MS, 1);
        for (int i = 0; i < 3; i++) {
            d.request(0, 1, i * MS, events::add);
        }
        d.request(0, 2, 3 * MS, events::add);
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
    void eachOfManySourcesKeepsItsOwnRingAcrossTableGrowth() {
        List<Event> events = new ArrayList<>();
        StormDetector d = new StormDetector(100_000, 1, 100 * MS, 500);
        for (int round = 0; round < 2; round++) {
            for (int mac = 0; mac < 200; mac++) {
                d.request(3, mac, (round * 200 + mac) * MS, events::add);
            }
        }
        assertEquals(200, d.trackedSources());
        assertEquals(List.of(), events);
        for (int mac = 0; mac < 200; mac++) {
            d.request(3, mac, (400 + mac) * MS, events::add);
        }
        assertEquals(0, events.size());
        d.request(3, 7, 601 * MS, events::add);
        d.request(3, 7, 602 * MS, events::add);
        assertEquals(List.of(new ArpEvent.ArpStorm(602 * MS, 3, "source", 7, 2, 100, 1 * MS)), events);
        assertEquals(1, d.storms());
    }
}
