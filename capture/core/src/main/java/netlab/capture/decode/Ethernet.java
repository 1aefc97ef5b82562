package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.MacAddress;

/**
 * Ethernet II and IEEE 802.3 (IEEE 802.3 clause 3.2): destination and source addresses, then an EtherType, or a
 * length (at most 1500) with an 802.2 LLC header ({@link Llc}) after it; the EtherType dispatch to the protocols
 * it names, and tcpdump's {@code print-ether.c} words for a header. The decode fills the view's MAC fields.
 */
enum Ethernet implements Dissector {
    ETH;

    static final int HEADER = 14;

    /** The capture's own header (link type 1): its addresses are the view's link MACs. */
    static void decode(PacketView v) {
        v.push(Protocol.ETH, 0);
        if (!v.has(0, HEADER)) {
            v.fail(Protocol.ETH, 0, "truncated header");
            return;
        }
        v.dstMac = v.mac(0);
        v.srcMac = v.mac(6);
        typeOrLength(v, 12, v.u16(12));
    }

    /**
     * An Ethernet frame inside a tunnel: its MACs go to the view's inner fields (the outer ones stay the
     * capture point's), its tags join the VLAN list after the outer ones.
     */
    static void inner(PacketView v, int off, int end) {
        v.push(Protocol.ETH, off);
        if (!v.enterFrame(Protocol.ETH, off)) {
            return;
        }
        if (!v.has(off, HEADER)) {
            v.fail(Protocol.ETH, off, "truncated header");
            return;
        }
        typeOrLength(v, off + 12, v.u16(off + 12));
    }

    /** IEEE 802.3 clause 3.2.6: a value <= 1500 is a length and an 802.2 LLC header follows. */
    static void typeOrLength(PacketView v, int typeOffset, int value) {
        int next = typeOffset + 2;
        if (value <= 1500) {
            v.etherType = -1;
            Llc.decode(v, next, Math.min(v.captured, next + value));
        } else {
            etherType(v, next, value);
        }
    }

    /** The protocols an EtherType names (IEEE Registration Authority; RFC 7042 for the IETF ones). */
    static void etherType(PacketView v, int off, int type) {
        v.etherType = type;
        switch (type) {
            case 0x8100, 0x9100 -> Vlan.decode(v, off, type, Protocol.VLAN);
            case 0x88a8 -> Vlan.decode(v, off, type, Protocol.IEEE8021AD);
            case 0x0806, 0x8035 -> Arp.decode(v, off);
            case 0x0800 -> Ipv4.decode(v, off);
            case 0x86dd -> Ipv6.decode(v, off);
            case 0x8847, 0x8848 -> Mpls.decode(v, off, v.captured);
            case 0x8863 -> PppLink.pppoe(v, off, false);
            case 0x8864 -> PppLink.pppoe(v, off, true);
            case 0x888e -> Eapol.decode(v, off);
            case 0x88cc -> Lldp.decode(v, off);
            case 0x8809 -> SlowProtocols.decode(v, off);
            case 0x88f7 -> Ptp.decode(v, off, v.captured);
            case 0x88e5 -> Macsec.decode(v, off);
            case 0x88f5 -> Mrp.decode(v, off, v.captured, Protocol.MVRP);
            case 0x88f6 -> Mrp.decode(v, off, v.captured, Protocol.MMRP);
            case 0x88e7 -> Pbb.decode(v, off);
            case 0x8926 -> VnTag.decode(v, off);
            case 0x8903 -> FabricPath.decode(v, off);
            default -> v.payload(off, v.captured);
        }
    }

    /** Every Ethernet header of the path, the capture's own and each tunnelled frame's. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(new FieldList(v).mac("dst", off).mac("src", off + 6)
                .namedHex16("type", off + 12, ValueNames::etherType).layer(Protocol.ETH, off, HEADER));
    }

    /**
     * Nothing here: tcpdump writes an Ethernet header's words where it starts a frame, so the capture's own
     * header is written by {@link FrameSummary} ahead of everything and a tunnelled one by its tunnel's sentence
     * ({@link #words}); the protocols after it go on.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }

    /**
     * tcpdump's words for an Ethernet frame carried in a tunnel ({@code print-ether.c}): addresses, type, the
     * frame's length, then its tags; the network layer follows.
     */
    static void words(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, HEADER)) {
            return;
        }
        addresses(sb, v, off);
        int type = v.u16(off + 12);
        if (type <= 1500) {
            sb.append("802.3");
        } else {
            typeName(sb, type);
        }
        sb.append(", length ").append(v.enclosingEnd(off) - off).append(": ");
        if (type > 1500) {
            Vlan.chain(sb, v, off + 12);
        }
    }

    /** {@code src > dst, } of the header at {@code off}, read from the bytes (FabricPath moves the view's MACs). */
    static void addresses(StringBuilder sb, PacketView v, int off) {
        sb.append(new MacAddress(v.mac(off + 6))).append(" > ").append(new MacAddress(v.mac(off))).append(", ");
    }

    /** The EtherType at {@code off}, or -1 for an 802.3 length (IEEE 802.3 clause 3.2.6) or uncaptured bytes. */
    static int typeAt(PacketView v, int off) {
        return v.has(off, 2) && v.u16(off) > 1500 ? v.u16(off) : -1;
    }

    /** tcpdump's EtherType names (print-ether.c / ethertype.h). */
    static void typeName(StringBuilder sb, int type) {
        String name = switch (type) {
            case 0x0800 -> "IPv4";
            case 0x86dd -> "IPv6";
            case 0x0806 -> "ARP";
            case 0x8035 -> "Reverse ARP";
            case 0x8100 -> "802.1Q";
            case 0x88a8 -> "802.1Q-QinQ";
            case 0x9100 -> "802.1Q-9100";
            case 0x888e -> "EAPOL";
            case 0x80f3 -> "Appletalk ARP";
            case 0x8863 -> "PPPoE D";
            case 0x8864 -> "PPPoE S";
            case 0x88cc -> "LLDP";
            case 0x8847 -> "MPLS unicast";
            case 0x8848 -> "MPLS multicast";
            case 0x8809 -> "Slow Protocols";
            case 0x88f7 -> "PTP";
            case 0x88e5 -> "802.1AE MACsec";
            case 0x88e7 -> "PBB";
            case 0x8926 -> "VN-Tag";
            case 0x8903 -> "FabricPath";
            default -> "Unknown";
        };
        sb.append("ethertype ").append(name).append(" (0x");
        FrameSummary.hex(sb, type, 4).append(')');
    }
}
