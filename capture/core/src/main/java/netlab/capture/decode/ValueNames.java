package netlab.capture.decode;

/**
 * Names of protocol numbers as tshark shows them in its packet details (its {@code etypes.h},
 * {@code ipproto.c}, {@code packet-arp.c} value strings), for {@link Named} fields; null for a number
 * without a name.
 */
public final class ValueNames {
    private ValueNames() {
    }

    /** EtherTypes (IEEE 802 numbers; tshark's Type field). */
    public static String etherType(int t) {
        return switch (t) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x8035 -> "RARP";
            case 0x86dd -> "IPv6";
            case 0x8100 -> "802.1Q Virtual LAN";
            case 0x88a8 -> "802.1ad Provider Bridge (Q-in-Q)";
            case 0x9100 -> "802.1QinQ";
            case 0x88cc -> "802.1 Link Layer Discovery Protocol (LLDP)";
            case 0x888e -> "802.1X Authentication";
            case 0x8809 -> "Slow Protocols";
            case 0x8847 -> "MPLS label switched packet";
            case 0x8848 -> "MPLS multicast label switched packet";
            case 0x8863 -> "PPPoE Discovery";
            case 0x8864 -> "PPPoE Session";
            case 0x88e5 -> "802.1AE (MACsec)";
            case 0x88f7 -> "PTPv2 over Ethernet (IEEE1588)";
            case 0x8906 -> "Fibre Channel over Ethernet";
            case 0x6558 -> "Transparent Ethernet bridging";
            case 0x880b -> "PPP";
            case 0x88be -> "ERSPAN";
            case 0x22eb -> "ERSPAN type III";
            case 0x88e7 -> "802.1ah Provider Backbone Bridge (mac-in-mac)";
            case 0x8926 -> "VN-Tag";
            case 0x8903 -> "Cisco FabricPath";
            case 0x9000 -> "Loopback";
            default -> null;
        };
    }

    /** IP protocol / IPv6 next-header numbers (IANA; tshark's Protocol and Next Header fields). */
    public static String ipProtocol(int p) {
        return switch (p) {
            case 0 -> "IPv6 Hop-by-Hop Option";
            case 1 -> "ICMP";
            case 2 -> "IGMP";
            case 4 -> "IPIP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 41 -> "IPv6";
            case 43 -> "Routing Header for IPv6";
            case 44 -> "Fragment Header for IPv6";
            case 47 -> "Generic Routing Encapsulation";
            case 50 -> "Encap Security Payload";
            case 51 -> "Authentication Header";
            case 58 -> "ICMPv6";
            case 59 -> "IPv6 No Next Header";
            case 60 -> "Destination Options for IPv6";
            case 89 -> "OSPF IGP";
            case 103 -> "PIM";
            case 112 -> "VRRP";
            case 115 -> "Layer 2 Tunneling Protocol";
            case 132 -> "SCTP";
            default -> null;
        };
    }

    /** ARP operation codes (RFC 826, 903, 1931, 2390, 1577; tshark's Opcode field). */
    public static String arpOpcode(int op) {
        return switch (op) {
            case 1 -> "request";
            case 2 -> "reply";
            case 3 -> "reverse request";
            case 4 -> "reverse reply";
            case 5 -> "drarp request";
            case 6 -> "drarp reply";
            case 7 -> "drarp error";
            case 8 -> "inverse request";
            case 9 -> "inverse reply";
            case 10 -> "arp nak";
            default -> null;
        };
    }

    /** ARP hardware types (IANA; tshark's Hardware type field). */
    public static String arpHardware(int hw) {
        return switch (hw) {
            case 1 -> "Ethernet";
            case 6 -> "IEEE 802";
            case 15 -> "Frame Relay";
            case 16 -> "ATM";
            case 20 -> "Serial Line";
            case 32 -> "InfiniBand";
            default -> null;
        };
    }
}
