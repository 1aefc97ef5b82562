package netlab.analyzers.arp;

import netlab.analyzers.event.Event;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/** Events of the {@link ArpTracker}; MACs are 48-bit values, IPs IPv4 bits, VLAN 0 when untagged. */
public sealed interface ArpEvent extends Event {

    /** The VLAN of the frame that raised the event (outermost tag, 0 when untagged). */
    int vlan();

    /** An IP was claimed as ARP sender for the first time (arpwatch "new station"). */
    record NewStation(long timeNanos, int vlan, int ip, long mac) implements ArpEvent {
        public String type() {
            return "new_station";
        }

        public String reason() {
            return "new station " + ipText(ip) + " at " + macText(mac) + at(vlan);
        }
    }

    /** A second MAC claimed an IP whose current MAC was seen within the conflict window. */
    record IpConflict(long timeNanos, int vlan, int ip, long mac, long previousMac, long previousLastSeenNanos)
            implements ArpEvent {
        public String type() {
            return "ip_conflict";
        }

        public String reason() {
            return ipText(ip) + " claimed by " + macText(mac) + " while " + macText(previousMac) + " had it "
                    + Timestamps.seconds(timeNanos - previousLastSeenNanos, 6) + " s earlier" + at(vlan);
        }
    }

    /** The IP went back to the MAC it had before the current one (A, B, A: arpwatch "flip flop"). */
    record FlipFlop(long timeNanos, int vlan, int ip, long mac, long previousMac) implements ArpEvent {
        public String type() {
            return "flip_flop";
        }

        public String reason() {
            return ipText(ip) + " flipped back from " + macText(previousMac) + " to " + macText(mac) + at(vlan);
        }
    }

    /** A MAC not among the IP's two most recent ones took it after the old one was quiet for the window. */
    record ChangedMac(long timeNanos, int vlan, int ip, long mac, long previousMac, long previousLastSeenNanos)
            implements ArpEvent {
        public String type() {
            return "changed_mac";
        }

        public String reason() {
            return ipText(ip) + " moved from " + macText(previousMac) + " to " + macText(mac) + at(vlan);
        }
    }

    /** The Ethernet source differs from the ARP sender MAC (arpwatch "ethernet mismatch", Snort 112:2). */
    record SenderMismatch(long timeNanos, int vlan, int ip, long ethernetSource, long senderMac, int opcode)
            implements ArpEvent {
        public String type() {
            return "sender_mismatch";
        }

        public String reason() {
            return "ARP " + (opcode == 1 ? "request" : "reply") + " from " + macText(ethernetSource)
                    + " names sender " + macText(senderMac) + " for " + ipText(ip) + at(vlan);
        }
    }

    /**
     * A non-gratuitous reply matching no pending request; {@code changesBinding} when its sender MAC differs
     * from the MAC the IP had, which is what cache poisoning looks like.
     */
    record UnsolicitedReply(long timeNanos, int vlan, int ip, long mac, int targetIp, long targetMac,
                            boolean changesBinding, long previousMac) implements ArpEvent {
        public String type() {
            return "unsolicited_reply";
        }

        public String reason() {
            String s = "unsolicited reply " + ipText(ip) + " is at " + macText(mac) + " to " + ipText(targetIp) + " ("
                    + macText(targetMac) + ")";
            return changesBinding ? s + ", rebinding it from " + macText(previousMac) + ": possible spoofing" + at(vlan)
                    : s + at(vlan);
        }
    }

    /**
     * ARP cache poisoning: {@code attackerMac} claimed {@code ip} in an unsolicited or targeted ARP packet sent to
     * the victim ({@code victimIp}, {@code victimMac}), while stronger evidence ({@code evidence}: the IP's own ARP,
     * or the target fields of a reply) binds the IP to {@code ownerMac}; both the victim told and the owner
     * whose IP is taken are victims of the man in the middle.
     */
    record ArpPoisoning(long timeNanos, int vlan, long attackerMac, int ip, long ownerMac, String evidence,
                        int victimIp, long victimMac) implements ArpEvent {
        public String type() {
            return "arp_poisoning";
        }

        public String reason() {
            String victim = victimIp == 0 ? macText(victimMac) : ipText(victimIp) + " (" + macText(victimMac) + ")";
            return "ARP poisoning: " + macText(attackerMac) + " told " + victim + " that " + ipText(ip)
                    + " is at it, but " + ipText(ip) + " is " + macText(ownerMac) + " (" + evidence.replace('_', ' ')
                    + ")" + at(vlan);
        }
    }

    /**
     * More than the threshold of requests within the window, segment-wide ({@code source} -1) or from one
     * source MAC; {@code spanNanos} is the time those {@code requests} took.
     */
    record ArpStorm(long timeNanos, int vlan, String scope, long source, int requests, long windowMs,
                    long spanNanos) implements ArpEvent {
        public String type() {
            return "arp_storm";
        }

        public String reason() {
            String who = source < 0 ? "on the segment" : "from " + macText(source) + at(vlan);
            return requests + " ARP requests " + who + " within " + Timestamps.seconds(spanNanos, 6)
                    + " s (threshold: more than " + (requests - 1) + " in " + windowMs + " ms)";
        }
    }

    /** An ARP packet that is not a complete Ethernet/IPv4 ARP packet. */
    record Malformed(long timeNanos, int vlan, long ethernetSource, String problem) implements ArpEvent {
        public String type() {
            return "malformed_arp";
        }

        public String reason() {
            return "malformed ARP from " + (ethernetSource < 0 ? "unknown source" : macText(ethernetSource)) + ": "
                    + problem + at(vlan);
        }
    }


    private static String ipText(int bits) {
        return Ipv4Address.format(bits);
    }

    private static String macText(long bits) {
        return new MacAddress(bits).toString();
    }

    private static String at(int vlan) {
        return vlan == 0 ? "" : " on VLAN " + vlan;
    }
}
