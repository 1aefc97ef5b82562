package netlab.capture.decode;

import java.util.List;

/**
 * UDP (RFC 768), IP protocol 17: ports, a length covering header and data that must fit in the IP payload,
 * checksum; then the payloads netlab decodes further by port (VXLAN, Geneve, PTP) or names (DNS, mDNS, LLMNR,
 * DHCP, see {@link Protocol}). The decode fills the view's flat port and {@code l4*} fields.
 */
enum Udp implements Dissector {
    UDP;

    static void decode(PacketView v, int off) {
        v.push(Protocol.UDP, off);
        v.l4Offset = off;
        if (!v.has(off, 8)) {
            v.fail(Protocol.UDP, off, "truncated header");
            return;
        }
        v.srcPort = v.u16(off);
        v.dstPort = v.u16(off + 2);
        int len = v.u16(off + 4);
        if (len < 8) {
            v.fail(Protocol.UDP, off + 4, "length " + len + " < 8");
            return;
        }
        if (off + len > v.ipDeclaredEnd && !v.ipFragment) {
            v.fail(Protocol.UDP, off + 4, "length " + len + " > " + (v.ipDeclaredEnd - off) + " bytes of IP payload");
            return;
        }
        v.l4HeaderLength = 8;
        // The first fragment of a larger datagram (RFC 791 MF set) carries the UDP length of the whole.
        int end = Math.min(v.ipEnd, off + len);
        v.payload(off + 8, end);
        if (v.payloadLength > 0 && !v.ipFragment && tunnel(v, off + 8, end, Math.min(v.srcPort, v.dstPort))) {
            return;
        }
        if (v.payloadLength > 0) {
            Protocol app = app(Math.min(v.srcPort, v.dstPort));
            if (app == null) {
                app = app(Math.max(v.srcPort, v.dstPort));
            }
            if (app != null) {
                v.push(app, v.payloadOffset);
            }
        }
    }

    /**
     * The UDP payloads that are headers netlab decodes further, by the lower port as tshark tries it first:
     * VXLAN, Geneve, PTP event (319) and general (320) messages; true when one took the payload.
     */
    private static boolean tunnel(PacketView v, int off, int end, int port) {
        switch (port) {
            case Vxlan.PORT -> Vxlan.decode(v, off, end);
            case Geneve.PORT -> Geneve.decode(v, off, end);
            case 319, 320 -> Ptp.decode(v, off, end);
            default -> {
                return false;
            }
        }
        return true;
    }

    private static Protocol app(int port) {
        return switch (port) {
            case 53 -> Protocol.DNS;
            case 5353 -> Protocol.MDNS;
            case 5355 -> Protocol.LLMNR;
            case 67, 68 -> Protocol.DHCP;
            default -> null;
        };
    }

    /** Every UDP header of the path, the datagram of a tunnel (VXLAN, Geneve) included. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(new FieldList(v).u16("src_port", off).u16("dst_port", off + 2).u16("length", off + 4)
                .hex16("checksum", off + 6).layer(Protocol.UDP, off, 8));
    }

    /**
     * tcpdump print-udp.c after the addresses and ports: what the datagram carries speaks first (PTP, and the
     * applications' words: {@link Dns}, {@link Dhcp}), else {@code UDP, length n}; nothing for a truncated header.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (Dissectors.summaryAfter(sb, v, Protocol.UDP, off) || v.l4HeaderLength() == 0) {
            return true;
        }
        sb.append("UDP, length ").append(v.u16(off + 4) - 8);
        return true;
    }
}
