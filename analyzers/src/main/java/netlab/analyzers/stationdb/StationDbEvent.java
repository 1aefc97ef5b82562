package netlab.analyzers.stationdb;

import netlab.analyzers.event.Event;

/** Events of the {@link StationDb}. */
public sealed interface StationDbEvent extends Event {

    /**
     * The database reached its cap and evicted entries (by {@link StationDb}'s rule: shortest known first), as a
     * flood of made-up stations does; raised once per merge that evicted.
     *
     * @param timeNanos        capture time of the latest frame merged
     * @param bindings         bindings evicted by this merge
     * @param stations         stations evicted by this merge
     * @param cap              the cap of each table
     * @param evictedBindings  bindings evicted since the database was created
     * @param evictedStations  stations evicted since the database was created
     */
    record Evicted(long timeNanos, int bindings, int stations, int cap, long evictedBindings, long evictedStations)
            implements StationDbEvent {
        @Override
        public String type() {
            return "db_eviction";
        }

        @Override
        public String reason() {
            return "station database full (" + cap + " bindings, " + cap + " stations): evicted " + bindings
                    + " bindings and " + stations + " stations known for the shortest time (a flood of new "
                    + "addresses?); long-known ones are kept";
        }
    }
}
