package netlab.analyzers.arp;

import netlab.analyzers.LruIndex;

/**
 * Learns which MAC each (VLAN, IPv4 address) belongs to, as evidence with a strength, and recognises ARP
 * cache poisoning: an unsolicited or targeted ARP claim that an IP is at a MAC other than the one stronger
 * evidence binds it to (the classic man-in-the-middle: one MAC tells host A that B's IP is at it, and B that
 * A's IP is at it, in unsolicited unicast replies; tshark's "duplicate IP address configured").
 *
 * <p>Evidence, strongest first: the IP's own ARP frames (a request, a reply that answered a request, or a
 * broadcast announcement, each sent from the Ethernet source it names); the target fields of an ARP reply
 * (whoever sends a reply addresses its target by the target's real MAC, and a poisoner must too); IPv4
 * frames from an IP already seen in ARP (so on-link, not routed). Weaker evidence never replaces stronger
 * evidence of another MAC; an own broadcast announcement replaces anything, so a failover (the IP moving to
 * a standby's MAC with a gratuitous ARP) is a move, reported as such by the bindings, never poisoning. Proxy ARP
 * (a gateway answering requests for other IPs) is solicited and so never a poisoning claim; VRRP/HSRP
 * virtual MACs keep their IPs, whichever router port they appear on.
 *
 * <p>Bounded: at most {@code cap} evidence entries (least recently used evicted) and {@code reportCap}
 * distinct (claimer, claimed IP, victim IP) reports; further claims of a known report only count.
 */
final class PoisonDetector {
    static final int IPV4 = 1;
    static final int TARGET = 2;
    static final int OWN = 3;
    private static final long MAC_MASK = 0xffff_ffff_ffffL;

    private final LruIndex evidence;
    private final LruIndex reported;
    private long claims;

    PoisonDetector(int cap, int reportCap) {
        this.evidence = new LruIndex(cap);
        this.reported = new LruIndex(reportCap);
    }

    /** Records that {@code mac} holds {@code ip} with this strength, unless stronger evidence names another MAC. */
    void learn(int vlan, int ip, long mac, int strength) {
        if (ip == 0 || mac <= 0 || mac == MAC_MASK || (mac & 0x0100_0000_0000L) != 0) {
            return;
        }
        int s = evidence.find(vlan, ip);
        if (s == LruIndex.NONE) {
            if (strength == IPV4) {
                return;
            }
            if (evidence.full()) {
                evidence.remove(evidence.oldest());
            }
            s = evidence.insert(vlan, ip);
            evidence.setValue(s, pack(mac, strength));
            return;
        }
        evidence.touch(s);
        long old = evidence.value(s);
        if ((old & MAC_MASK) == mac) {
            evidence.setValue(s, pack(mac, Math.max(strength, strengthOf(old))));
        } else if (strength >= strengthOf(old)) {
            evidence.setValue(s, pack(mac, strength));
        }
    }

    /**
     * Judges a suspicious claim ({@code ip} is at {@code mac}, told to {@code victimIp}/{@code victimMac});
     * returns the event to raise, or null when no stronger evidence binds the IP elsewhere or this claim was
     * already reported.
     */
    ArpEvent.ArpPoisoning claim(long t, int vlan, int ip, long mac, int victimIp, long victimMac) {
        int s = evidence.find(vlan, ip);
        if (s == LruIndex.NONE) {
            return null;
        }
        long e = evidence.value(s);
        long owner = e & MAC_MASK;
        if (owner == mac || strengthOf(e) < TARGET) {
            return null;
        }
        claims++;
        long key = (mac << 16) ^ vlan;
        long ips = ((long) ip << 32) | (victimIp & 0xffff_ffffL);
        if (reported.find(key, ips) != LruIndex.NONE) {
            return null;
        }
        if (reported.full()) {
            reported.remove(reported.oldest());
        }
        reported.insert(key, ips);
        return new ArpEvent.ArpPoisoning(t, vlan, mac, ip, owner, strengthOf(e) == OWN ? "own_arp" : "reply_target",
                victimIp, victimMac);
    }

    /** Claims contradicting stronger evidence, reported or not. */
    long claims() {
        return claims;
    }

    int size() {
        return evidence.size();
    }

    private static long pack(long mac, int strength) {
        return (long) strength << 56 | mac;
    }

    private static int strengthOf(long v) {
        return (int) (v >>> 56);
    }
}
