package netlab.analyzers.stationdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.Station;

/**
 * The {@code watch --db} station database's contents and merge rules: every (VLAN, IP) binding with its MAC
 * history and every (VLAN, MAC) station, kept across runs, each table capped like every other table.
 *
 * <p>Merge: the ARP tracker's current binding replaces the stored one (the tracker was seeded from the
 * database, so it carries the history); a station's addresses are united (at most {@link #MAX_IPS}), its first
 * seen is the earliest and its last seen the latest.
 *
 * <p>Eviction, when a table holds more than its cap: the entries known for the shortest time (last seen minus
 * first seen) go first, ties broken by the least recently seen. A flood of made-up addresses, each seen once,
 * only ever evicts its own kind; a station known for days is evicted only by 'cap' stations known longer.
 * Every eviction is counted, and each merge that evicted returns what it evicted (for a {@link
 * StationDbEvent.Evicted}).
 */
public final class StationDb {
    /** Default cap of each table: every host of a /16 LAN. */
    public static final int DEFAULT_CAP = 65_536;
    /** Addresses kept per station, as the MAC table keeps them. */
    public static final int MAX_IPS = 16;
    /** MACs kept per binding's history, as the ARP tracker keeps them. */
    public static final int MAX_HISTORY = 8;

    private final int cap;
    private final Map<Long, ArpBinding> bindings = new HashMap<>();
    private final Map<Long, StationRecord> stations = new HashMap<>();
    private long evictedBindings;
    private long evictedStations;

    /** An empty database holding at most {@code cap} bindings and {@code cap} stations. */
    public StationDb(int cap, long evictedBindings, long evictedStations) {
        if (cap <= 0) {
            throw new IllegalArgumentException("cap " + cap + " must be positive");
        }
        this.cap = cap;
        this.evictedBindings = evictedBindings;
        this.evictedStations = evictedStations;
    }

    public int cap() {
        return cap;
    }

    private static long bindingKey(int vlan, int ip) {
        return ((long) vlan << 32) | Integer.toUnsignedLong(ip);
    }

    private static long stationKey(int vlan, long mac) {
        return ((long) vlan << 48) | mac;
    }

    /**
     * Adds a binding read from the file, replacing one of the same key. Loading stays within twice the cap:
     * beyond it the excess is evicted by the rule (a file over the cap, e.g. from before caps, loads bounded).
     */
    public synchronized void putBinding(ArpBinding b) {
        bindings.put(bindingKey(b.vlan(), b.ip()), b);
        if (bindings.size() >= 2 * cap) {
            evictedBindings += trim(bindings, StationDb::bindingOrder);
        }
    }

    /** Adds a station read from the file, merged with one of the same key; bounded as {@link #putBinding}. */
    public synchronized void putStation(StationRecord r) {
        merge(r);
        if (stations.size() >= 2 * cap) {
            evictedStations += trim(stations, StationDb::stationOrder);
        }
    }

    /** Ends a load: trims both tables to the cap. */
    public synchronized Evicted trim() {
        int b = trim(bindings, StationDb::bindingOrder);
        int s = trim(stations, StationDb::stationOrder);
        evictedBindings += b;
        evictedStations += s;
        return new Evicted(b, s, 0);
    }

    /** What one merge evicted, and the capture time of the latest entry it merged. */
    public record Evicted(int bindings, int stations, long timeNanos) {
        public boolean any() {
            return bindings > 0 || stations > 0;
        }
    }

    /** Takes in the analyzers' current state (see the class comment), then evicts down to the cap. */
    public synchronized Evicted update(List<ArpBinding> current, List<Station> live) {
        long latest = 0;
        for (ArpBinding b : current) {
            bindings.put(bindingKey(b.vlan(), b.ip()), b);
            latest = Math.max(latest, b.lastSeenNanos());
        }
        for (Station s : live) {
            merge(new StationRecord(s.mac(), s.vlan(), s.firstSeen(), s.lastSeen(), s.ips()));
            latest = Math.max(latest, s.lastSeen());
        }
        Evicted e = trim();
        return new Evicted(e.bindings(), e.stations(), latest);
    }

    private void merge(StationRecord r) {
        long k = stationKey(r.vlan(), r.mac());
        StationRecord old = stations.get(k);
        if (old == null) {
            stations.put(k, r.ips().size() <= MAX_IPS ? r
                    : new StationRecord(r.mac(), r.vlan(), r.firstSeen(), r.lastSeen(), List.copyOf(r.ips().subList(0, MAX_IPS))));
            return;
        }
        Set<String> ips = new LinkedHashSet<>(old.ips());
        for (String ip : r.ips()) {
            if (ips.size() < MAX_IPS) {
                ips.add(ip);
            }
        }
        stations.put(k, new StationRecord(r.mac(), r.vlan(), Math.min(old.firstSeen(), r.firstSeen()),
                Math.max(old.lastSeen(), r.lastSeen()), List.copyOf(ips)));
    }

    private static final Comparator<ArpBinding> BINDING_ORDER = Comparator
            .comparingLong((ArpBinding b) -> b.lastSeenNanos() - b.firstSeenNanos())
            .thenComparingLong(ArpBinding::lastSeenNanos).thenComparingInt(ArpBinding::vlan).thenComparingInt(ArpBinding::ip);
    private static final Comparator<StationRecord> STATION_ORDER = Comparator
            .comparingLong((StationRecord s) -> s.lastSeen() - s.firstSeen())
            .thenComparingLong(StationRecord::lastSeen).thenComparingInt(StationRecord::vlan).thenComparingLong(StationRecord::mac);

    private static int bindingOrder(ArpBinding a, ArpBinding b) {
        return BINDING_ORDER.compare(a, b);
    }

    private static int stationOrder(StationRecord a, StationRecord b) {
        return STATION_ORDER.compare(a, b);
    }

    /** Evicts the first {@code size - cap} entries in eviction order; returns how many. */
    private <V> int trim(Map<Long, V> table, Comparator<V> order) {
        int excess = table.size() - cap;
        if (excess <= 0) {
            return 0;
        }
        List<Map.Entry<Long, V>> all = new ArrayList<>(table.entrySet());
        all.sort((x, y) -> order.compare(x.getValue(), y.getValue()));
        for (int i = 0; i < excess; i++) {
            table.remove(all.get(i).getKey());
        }
        return excess;
    }

    /** The bindings, by VLAN then IP (to seed the ARP tracker, and in the file). */
    public synchronized List<ArpBinding> bindings() {
        List<ArpBinding> l = new ArrayList<>(bindings.values());
        l.sort(Comparator.comparingInt(ArpBinding::vlan).thenComparing(b -> Integer.toUnsignedLong(b.ip())));
        return l;
    }

    /** The stations, by VLAN then MAC. */
    public synchronized List<StationRecord> stations() {
        List<StationRecord> l = new ArrayList<>(stations.values());
        l.sort(Comparator.comparingInt(StationRecord::vlan).thenComparingLong(StationRecord::mac));
        return l;
    }

    public synchronized int bindingCount() {
        return bindings.size();
    }

    public synchronized int stationCount() {
        return stations.size();
    }

    /** Bindings evicted since the database was created (carried in the file). */
    public synchronized long evictedBindings() {
        return evictedBindings;
    }

    /** Stations evicted since the database was created (carried in the file). */
    public synchronized long evictedStations() {
        return evictedStations;
    }
}
