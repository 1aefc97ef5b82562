package netlab.analyzers.arp;

import java.util.List;

/**
 * One (VLAN, IP) binding learned from ARP senders, for reports: the MACs that claimed it (at most the history
 * cap, the most recent ones), in first-seen order.
 *
 * @param vlan           outermost VLAN id, 0 when untagged
 * @param ip             IPv4 address bits
 * @param firstSeenNanos when the IP was first claimed
 * @param lastSeenNanos  when it was last claimed, by any MAC
 * @param claims         the MACs, earliest first claim first
 */
public record ArpBinding(int vlan, int ip, long firstSeenNanos, long lastSeenNanos, List<Claim> claims) {

    /** One MAC's claims of the IP. */
    public record Claim(long mac, long firstSeenNanos, long lastSeenNanos) {
    }
}
