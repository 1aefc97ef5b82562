package netlab.analyzers.stationdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.Station;
import org.junit.jupiter.api.Test;

/** The station database's cap and eviction rule: a flood evicts its own kind, long-known entries stay. */
class StationDbTest {
    private static final long T0 = 1_764_000_000_000_000_000L;
    private static final long DAY = 86_400_000_000_000L;

    private static Station station(long mac, long first, long last) {
        return new Station(mac, 0, List.of(), List.of("10.0.0.1"), 0, 1, 60, 0, 0, first, last, 0, 0, 0);
    }

    private static ArpBinding binding(int ip, long first, long last) {
        return new ArpBinding(0, ip, first, last, List.of(new ArpBinding.Claim(0x0200_0000_0000L | ip, first, last)));
    }

    @Test
    void aFloodOfNewAddressesEvictsOnlyItsOwnKind() {
        StationDb db = new StationDb(1000, 0, 0);
        List<Station> known = new ArrayList<>();
        List<ArpBinding> knownBindings = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            known.add(station(0x0200_0000_1000L + i, T0, T0 + DAY + i));
            knownBindings.add(binding(0x0a00_0000 + i, T0, T0 + DAY + i));
        }
        assertEquals(false, db.update(knownBindings, known).any());
        long evictedStations = 0;
        long evictedBindings = 0;
        long t = T0 + 2 * DAY;
        for (int round = 0; round < 20; round++) {
            List<Station> flood = new ArrayList<>();
            List<ArpBinding> floodBindings = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                t += 1000;
                flood.add(station(0x0600_0000_0000L + round * 1000L + i, t, t));
                floodBindings.add(binding(0x0b00_0000 + round * 1000 + i, t, t));
            }
            StationDb.Evicted e = db.update(floodBindings, flood);
            evictedStations += e.stations();
            evictedBindings += e.bindings();
            assertTrue(db.stationCount() <= 1000 && db.bindingCount() <= 1000);
            if (e.any()) {
                assertEquals(t, e.timeNanos());
            }
        }
        assertEquals(1000, db.stationCount());
        assertEquals(1000, db.bindingCount());
        assertEquals(100 + 20 * 500 - 1000, evictedStations);
        assertEquals(evictedStations, db.evictedStations());
        assertEquals(evictedBindings, db.evictedBindings());
        Set<Long> macs = db.stations().stream().map(StationRecord::mac).collect(Collectors.toSet());
        Set<Integer> ips = db.bindings().stream().map(ArpBinding::ip).collect(Collectors.toSet());
        for (int i = 0; i < 100; i++) {
            assertTrue(macs.contains(0x0200_0000_1000L + i), "long-known station " + i + " evicted");
            assertTrue(ips.contains(0x0a00_0000 + i), "long-known binding " + i + " evicted");
        }
        // Among the flood, the most recent ones stay (ties on the span are broken by the least recently seen).
        assertTrue(macs.contains(0x0600_0000_0000L + 19 * 1000L + 499));
        assertTrue(!macs.contains(0x0600_0000_0000L));
    }

    @Test
    void loadingMoreThanTheCapStaysWithinTwiceTheCapAndEndsAtIt() {
        StationDb db = new StationDb(100, 5, 7);
        for (int i = 0; i < 1000; i++) {
            db.putStation(new StationRecord(0x0600_0000_0000L + i, 0, T0 + i, T0 + i, List.of()));
            assertTrue(db.stationCount() < 200);
        }
        db.putStation(new StationRecord(0x0200_0000_0001L, 0, T0, T0 + DAY, List.of()));
        db.trim();
        assertEquals(100, db.stationCount());
        assertEquals(7 + 901, db.evictedStations());
        assertEquals(5, db.evictedBindings());
        assertTrue(db.stations().stream().anyMatch(s -> s.mac() == 0x0200_0000_0001L));
    }

    @Test
    void stationsMergeTheirAddressesUpToTheCap() {
        StationDb db = new StationDb(10, 0, 0);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add("10.0.0." + i);
        }
        db.update(List.of(), List.of(new Station(2L, 0, List.of(), List.of("10.9.9.9"), 0, 1, 60, 0, 0, T0 + 5, T0 + 6, 0, 0, 0)));
        db.update(List.of(), List.of(new Station(2L, 0, List.of(), many, 0, 1, 60, 0, 0, T0, T0 + 3, 0, 0, 0)));
        StationRecord r = db.stations().get(0);
        assertEquals(StationDb.MAX_IPS, r.ips().size());
        assertEquals("10.9.9.9", r.ips().get(0));
        assertEquals(T0, r.firstSeen());
        assertEquals(T0 + 6, r.lastSeen());
    }
}
