package netlab.capture.decode;

import netlab.capture.Frame;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;

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
            Ethernet.addresses(sb, v, 0);
        } else if (v.has(Protocol.SLL) && v.sllPacketType() >= 0) {
            Sll.words(sb, v);
        }
        boolean linkPrinted = sb.length() > 0;
        if (linkPrinted) {
            // The outer header's own type: tunnels (MPLS pseudowires) overwrite the view's EtherType and add tags.
            int tags = Vlan.outerCount(v);
            int outer = ether ? Ethernet.typeAt(v, 12) : v.innerEthernetOffset() >= 0 ? -1 : v.etherType();
            int first = tags > 0 ? v.vlanTpid(0) : outer;
            if (ether && first < 0) {
                sb.append("802.3");
            } else {
                Ethernet.typeName(sb, first);
            }
            // tcpdump prints the 802.3 length field itself for length frames (IEEE 802.3 clause 3.2.6).
            int length = ether && first < 0 && v.has(12, 2) ? v.u16(12) : f.originalLength();
            sb.append(", length ").append(length).append(": ");
            Vlan.outer(sb, v, tags);
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
