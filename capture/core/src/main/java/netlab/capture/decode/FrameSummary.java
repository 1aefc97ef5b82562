package netlab.capture.decode;

import netlab.capture.Frame;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;

/**
 * One-line rendering of a decoded frame in the style of {@code tcpdump -n -e -S} (the text after the
 * timestamp); on a decode failure it ends with {@code [|proto]} and the reason, like tcpdump's
 * truncation marker. Sequence numbers are absolute: netlab keeps no per-connection state.
 */
public final class FrameSummary {
    private FrameSummary() {
    }

    /** The summary of {@code f}, which must be the frame last decoded into {@code v}. */
    public static String line(Frame f, PacketView v) {
        StringBuilder sb = new StringBuilder(128);
        int link = f.linkType().value();
        boolean ether = link == 1;
        if (ether && v.has(Protocol.ETH) && v.has(0, 12)) {
            // The bytes on the wire: FabricPath moves srcMac()/dstMac() to the classical frame inside.
            sb.append(new MacAddress(v.mac(6))).append(" > ").append(new MacAddress(v.mac(0))).append(", ");
        } else if (v.has(Protocol.SLL) && v.sllPacketType() >= 0) {
            sb.append(sllDirection(v.sllPacketType())).append(' ');
            if (v.srcMac() >= 0) {
                sb.append(new MacAddress(v.srcMac())).append(' ');
            }
        }
        boolean linkPrinted = sb.length() > 0;
        if (linkPrinted) {
            // The outer header's own type: tunnels (MPLS pseudowires) overwrite the view's EtherType and add tags.
            int tags = outerTags(v);
            int outer = ether ? typeOrLength(v, 12) : v.innerEthernetOffset() >= 0 ? -1 : v.etherType();
            int first = tags > 0 ? v.vlanTpid(0) : outer;
            if (ether && first < 0) {
                sb.append("802.3");
            } else {
                etherTypeName(sb, first);
            }
            // tcpdump prints the 802.3 length field itself for length frames (IEEE 802.3 clause 3.2.6).
            int length = ether && first < 0 && v.has(12, 2) ? v.u16(12) : f.originalLength();
            sb.append(", length ").append(length).append(": ");
            for (int t = 0; t < tags; t++) {
                sb.append("vlan ").append(v.vlanId(t)).append(", p ").append(v.vlanPriority(t));
                sb.append(v.vlanDei(t) ? ", DEI, " : ", ");
                int inner = t + 1 < tags ? v.vlanTpid(t + 1) : typeOrLength(v, v.vlanOffset(t) + 2);
                if (inner >= 0) {
                    etherTypeName(sb, inner);
                    sb.append(", ");
                }
            }
        }
        SummaryParts.body(sb, v, !linkPrinted);
        DecodeFailure failure = v.failure();
        if (failure != null) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
            sb.append("[|").append(failure.protocol()).append("] ").append(failure.reason());
        }
        int n = sb.length();
        while (n > 0 && (sb.charAt(n - 1) == ' ' || sb.charAt(n - 1) == ',')) {
            n--;
        }
        sb.setLength(n);
        return sb.toString();
    }

    /**
     * The VLAN tags of the outer frame: the chain of tags right after its link header (a tag after a VN-Tag,
     * or inside a tunnel, is printed where its header is).
     */
    private static int outerTags(PacketView v) {
        int link = v.frame().linkType().value();
        int first = link == 1 ? 14 : link == 113 ? 16 : link == 276 ? 20 : v.vlanCount() > 0 ? v.vlanOffset(0) : -1;
        int n = 0;
        while (n < v.vlanCount() && v.vlanOffset(n) == first + 4 * n
                && (v.innerEthernetCount() == 0 || v.vlanOffset(n) < v.innerEthernetOffset(0))) {
            n++;
        }
        return n;
    }

    /**
     * tcpdump's words for an Ethernet frame carried in a tunnel ({@code print-ether.c}): addresses, type, the
     * frame's length, then its tags; the network layer follows.
     */
    static void innerEthernet(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, Decoder.ETH_HEADER)) {
            return;
        }
        sb.append(new MacAddress(v.mac(off + 6))).append(" > ").append(new MacAddress(v.mac(off))).append(", ");
        int type = v.u16(off + 12);
        if (type <= 1500) {
            sb.append("802.3");
        } else {
            etherTypeName(sb, type);
        }
        sb.append(", length ").append(v.enclosingEnd(off) - off).append(": ");
        if (type > 1500) {
            tagChain(sb, v, off + 12);
        }
    }

    /**
     * The tags whose TPID sits at {@code typeOffset} and after, each as tcpdump prints one
     * ({@code vlan 30, p 0, ethertype ARP (0x0806), }).
     */
    static void tagChain(StringBuilder sb, PacketView v, int typeOffset) {
        int at = typeOffset;
        for (int t = 0; t < v.vlanCount(); t++) {
            if (v.vlanOffset(t) != at + 2) {
                continue;
            }
            sb.append("vlan ").append(v.vlanId(t)).append(", p ").append(v.vlanPriority(t));
            sb.append(v.vlanDei(t) ? ", DEI, " : ", ");
            at += 4;
            int inner = typeOrLength(v, at);
            if (inner >= 0) {
                etherTypeName(sb, inner);
                sb.append(", ");
            }
        }
    }

    /** The EtherType at {@code off}, or -1 for an 802.3 length (IEEE 802.3 clause 3.2.6) or uncaptured bytes. */
    private static int typeOrLength(PacketView v, int off) {
        return v.has(off, 2) && v.u16(off) > 1500 ? v.u16(off) : -1;
    }

    private static String sllDirection(int type) {
        return switch (type) {
            case 0 -> " In";
            case 1 -> "B";
            case 2 -> "M";
            case 3 -> "P";
            case 4 -> "Out";
            default -> "?";
        };
    }

    /** tcpdump's EtherType names (print-ether.c / ethertype.h). */
    static void etherTypeName(StringBuilder sb, int type) {
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
        hex(sb, type, 4).append(')');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** {@code %0<digits>x} without String.format, which cost a tenth of {@code read}'s time here. */
    static StringBuilder hex(StringBuilder sb, int v, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) {
            sb.append(HEX[v >>> shift & 0xf]);
        }
        return sb;
    }

    static String ipSrc(PacketView v) {
        return v.ipVersion() == 4 ? Ipv4Address.format(v.ipv4Src())
                : Ipv6Address.read(v.data, v.base + v.ipSrcOffset()).toString();
    }

    static String ipDst(PacketView v) {
        return v.ipVersion() == 4 ? Ipv4Address.format(v.ipv4Dst())
                : Ipv6Address.read(v.data, v.base + v.ipDstOffset()).toString();
    }
}
