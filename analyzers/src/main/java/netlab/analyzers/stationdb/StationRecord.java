package netlab.analyzers.stationdb;

import java.util.List;

/**
 * A MAC table station as the station database keeps it.
 *
 * @param mac       the station's MAC (48 bits)
 * @param vlan      outer VLAN ID it was learned on (0 untagged)
 * @param firstSeen capture time it was first seen, epoch ns
 * @param lastSeen  capture time it was last seen, epoch ns
 * @param ips       addresses it used (IPv4/IPv6 text), first seen first, at most {@link StationDb#MAX_IPS}
 */
public record StationRecord(long mac, int vlan, long firstSeen, long lastSeen, List<String> ips) {
}
