package netlab.analyzers.mac;

import java.util.List;

/**
 * One MAC table entry as reported.
 *
 * @param mac             the station's MAC (48 bits)
 * @param vlan            outer VLAN ID it was learned on (0 untagged), part of the table key
 * @param vlans           VLAN IDs of all tags on its frames, first seen first (at most 4)
 * @param ips             IPv4/IPv6 addresses it used, first seen first (at most {@link MacTable#MAX_IPS_PER_STATION})
 * @param ipsMoreFrames   frames carrying an address beyond those kept (frames, not distinct addresses)
 * @param frames          frames it sent
 * @param bytes           on-the-wire bytes it sent
 * @param broadcastFrames frames it sent to ff:ff:ff:ff:ff:ff
 * @param multicastFrames frames it sent to other group addresses
 * @param firstSeen       capture time it was learned, epoch ns (after aging or eviction: re-learned)
 * @param lastSeen        capture time of its latest frame, epoch ns
 * @param arpRequests     ARP requests (opcode 1) it sent
 * @param arpReplies      ARP replies (opcode 2) it sent
 * @param arpUnanswered   its requests the ARP tracker found unanswered
 */
public record Station(long mac, int vlan, List<Integer> vlans, List<String> ips, long ipsMoreFrames, long frames,
                      long bytes, long broadcastFrames, long multicastFrames, long firstSeen, long lastSeen,
                      long arpRequests, long arpReplies, long arpUnanswered) {

    static Station of(MacEntries e, int s) {
        long key = e.index.key(s);
        return new Station(key & 0xffff_ffff_ffffL, (int) (key >>> 48), e.vlanList(s), e.ipText(s), e.ipsMore(s),
                e.frames(s), e.bytes(s), e.broadcast(s), e.multicast(s), e.first(s), e.last(s), e.arpRequests(s),
                e.arpReplies(s), e.arpUnanswered(s));
    }

    /** U/L bit set: not an IEEE-assigned address (IEEE 802 clause 8.2). */
    public boolean locallyAdministered() {
        return (mac & 0x0200_0000_0000L) != 0;
    }

    /** I/G bit set on a source address: bogus, a source is always an individual address (IEEE 802.3 3.2.3). */
    public boolean groupSource() {
        return (mac & 0x0100_0000_0000L) != 0;
    }
}
