package netlab.capture.decode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of protocols, each written in the one-protocol-one-file shape ({@link Dissector});
 * {@link TransportDetails} adds the placeholders of the layers 5 to 7 none of them filled, {@link SummaryParts}
 * orders the summary line. Adding a protocol: a {@link Protocol} constant, a class with a
 * static {@code decode(PacketView, int, int)} called from the dispatch that names it (EtherType, LLC SAP,
 * IP protocol, port), and one line here.
 */
final class Dissectors {
    private static final Map<Protocol, Dissector> BY_PROTOCOL = new EnumMap<>(Protocol.class);

    static {
        BY_PROTOCOL.put(Protocol.ETH, Ethernet.ETH);
        BY_PROTOCOL.put(Protocol.SLL, Sll.SLL);
        BY_PROTOCOL.put(Protocol.RAW, RawLink.RAW);
        BY_PROTOCOL.put(Protocol.NULL, RawLink.NULL);
        BY_PROTOCOL.put(Protocol.VLAN, Vlan.VLAN);
        BY_PROTOCOL.put(Protocol.IEEE8021AD, Vlan.S_TAG);
        BY_PROTOCOL.put(Protocol.LLC, Llc.LLC);
        BY_PROTOCOL.put(Protocol.STP, Stp.STP);
        BY_PROTOCOL.put(Protocol.CDP, Cdp.CDP);
        BY_PROTOCOL.put(Protocol.ARP, Arp.ARP);
        BY_PROTOCOL.put(Protocol.IP, Ipv4.IP);
        BY_PROTOCOL.put(Protocol.IPV6, Ipv6.IPV6);
        BY_PROTOCOL.put(Protocol.TCP, Tcp.TCP);
        BY_PROTOCOL.put(Protocol.UDP, Udp.UDP);
        BY_PROTOCOL.put(Protocol.TLS, Tls.TLS);
        BY_PROTOCOL.put(Protocol.DNS, Dns.DNS);
        BY_PROTOCOL.put(Protocol.MDNS, Dns.MDNS);
        BY_PROTOCOL.put(Protocol.LLMNR, Dns.LLMNR);
        BY_PROTOCOL.put(Protocol.DHCP, Dhcp.DHCP);
        BY_PROTOCOL.put(Protocol.HTTP, Http.HTTP);
        BY_PROTOCOL.put(Protocol.ICMP, Icmp.ICMP);
        BY_PROTOCOL.put(Protocol.ICMPV6, Icmp.ICMPV6);
        BY_PROTOCOL.put(Protocol.IGMP, Icmp.IGMP);
        BY_PROTOCOL.put(Protocol.AH, IpsecHeaders.AH);
        BY_PROTOCOL.put(Protocol.ESP, IpsecHeaders.ESP);
        BY_PROTOCOL.put(Protocol.PPP, PppLink.PPP);
        BY_PROTOCOL.put(Protocol.PPPOES, PppLink.PPPOE_SESSION);
        BY_PROTOCOL.put(Protocol.PPPOED, PppLink.PPPOE_DISCOVERY);
        BY_PROTOCOL.put(Protocol.CHDLC, CiscoHdlc.CHDLC);
        BY_PROTOCOL.put(Protocol.NFLOG, Nflog.NFLOG);
        BY_PROTOCOL.put(Protocol.WLAN, Ieee80211.WLAN);
        BY_PROTOCOL.put(Protocol.RADIOTAP, Ieee80211.RADIOTAP);
        BY_PROTOCOL.put(Protocol.MPLS, Mpls.MPLS);
        BY_PROTOCOL.put(Protocol.LLDP, Lldp.LLDP);
        BY_PROTOCOL.put(Protocol.LACP, SlowProtocols.LACP);
        BY_PROTOCOL.put(Protocol.MARKER, SlowProtocols.MARKER);
        BY_PROTOCOL.put(Protocol.PTP, Ptp.PTP);
        BY_PROTOCOL.put(Protocol.MACSEC, Macsec.MACSEC);
        BY_PROTOCOL.put(Protocol.EAPOL, Eapol.EAPOL);
        BY_PROTOCOL.put(Protocol.GVRP, Mrp.GVRP);
        BY_PROTOCOL.put(Protocol.GMRP, Mrp.GMRP);
        BY_PROTOCOL.put(Protocol.MVRP, Mrp.MVRP);
        BY_PROTOCOL.put(Protocol.MMRP, Mrp.MMRP);
        BY_PROTOCOL.put(Protocol.GRE, Gre.GRE);
        BY_PROTOCOL.put(Protocol.ERSPAN, Erspan.ERSPAN);
        BY_PROTOCOL.put(Protocol.VXLAN, Vxlan.VXLAN);
        BY_PROTOCOL.put(Protocol.GENEVE, Geneve.GENEVE);
        BY_PROTOCOL.put(Protocol.IEEE8021AH, Pbb.PBB);
        BY_PROTOCOL.put(Protocol.VNTAG, VnTag.VNTAG);
        BY_PROTOCOL.put(Protocol.CFP, FabricPath.CFP);
    }

    private Dissectors() {
    }

    static Dissector of(Protocol p) {
        return BY_PROTOCOL.get(p);
    }

    /** Adds the layers of every registered protocol of the path whose offset the decoder recorded. */
    static void details(PacketView v, List<Layer> out) {
        for (int i = 0; i < v.depth(); i++) {
            Dissector d = BY_PROTOCOL.get(v.protocol(i));
            int off = v.protocolOffset(i);
            if (d != null && off >= 0) {
                d.details(v, off, out);
            }
        }
    }

    /**
     * Lets the registered protocols at path indexes {@code from} (inclusive) to {@code to} (exclusive),
     * outermost first, write their part of the summary; true when one ended it.
     */
    static boolean summary(StringBuilder sb, PacketView v, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, v.depth()); i++) {
            Dissector d = BY_PROTOCOL.get(v.protocol(i));
            int off = v.protocolOffset(i);
            if (d != null && off >= 0 && d.summary(sb, v, off)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lets the registered protocols after the path's {@code p} whose header is at {@code off} write first (what a
     * transport carries, as PTP over UDP); true when one ended the summary.
     */
    static boolean summaryAfter(StringBuilder sb, PacketView v, Protocol p, int off) {
        for (int i = v.depth() - 1; i >= 0; i--) {
            if (v.protocol(i) == p && v.protocolOffset(i) == off) {
                return summary(sb, v, i + 1, v.depth());
            }
        }
        return false;
    }
}
