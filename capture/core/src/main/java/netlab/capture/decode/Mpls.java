package netlab.capture.decode;

import java.util.List;

/**
 * An MPLS label stack (RFC 3032 section 2.1: label 20 bits, traffic class 3, bottom of stack 1, TTL 8),
 * then the payload guessed as tshark does by default: first nibble 4 is IPv4, 6 is IPv6, 0 a pseudowire
 * control word (RFC 4385) before an Ethernet frame (RFC 4448); anything else stays payload.
 */
enum Mpls implements Dissector {
    MPLS;

    /** Labels followed at most; a longer stack is a failure rather than a walk over the whole frame. */
    static final int MAX_LABELS = 16;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.MPLS, off);
        int p = off;
        for (int n = 0; ; n++) {
            if (n == MAX_LABELS) {
                v.fail(Protocol.MPLS, p, "more than " + MAX_LABELS + " labels");
                return;
            }
            if (!v.has(p, 4)) {
                v.fail(Protocol.MPLS, p, "truncated label stack entry");
                return;
            }
            if (n == 0) {
                v.tunnelId = v.s32(p) >>> 12;
            }
            boolean bottom = (v.u8(p + 2) & 1) != 0;
            p += 4;
            if (bottom) {
                break;
            }
        }
        if (!v.has(p, 1)) {
            v.payload(p, end);
            return;
        }
        switch (v.u8(p) >>> 4) {
            case 4 -> Ipv4.decode(v, p);
            case 6 -> Ipv6.decode(v, p);
            case 0 -> pseudowire(v, p, end);
            default -> v.payload(p, end);
        }
    }

    /**
     * tshark's {@code pwethheuristic}: an Ethernet pseudowire (RFC 4448) with or without the control word
     * (RFC 4385, first nibble 0), told apart by where a known EtherType sits.
     */
    private static void pseudowire(PacketView v, int p, int end) {
        v.push(Protocol.PWETHHEURISTIC, p);
        if (v.has(p + 12, 2) && knownType(v.u16(p + 12))) {
            v.push(Protocol.PWETHNOCW, p);
            Ethernet.inner(v, p, end);
        } else if (v.has(p + 16, 2) && knownType(v.u16(p + 16))) {
            v.push(Protocol.PWETHCW, p);
            Ethernet.inner(v, p + 4, end);
        } else {
            v.payload(p, end);
        }
    }

    private static boolean knownType(int type) {
        return type == 0x0800 || type == 0x86dd || type == 0x0806 || type == 0x8100 || type == 0x88a8;
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        for (int p = off, n = 0; v.has(p, 4) && n < MAX_LABELS; p += 4, n++) {
            int e = v.s32(p);
            out.add(new FieldList(v).add("label", e >>> 12).add("tc", (e >>> 9) & 7).add("bottom", (e >>> 8 & 1) == 1)
                    .add("ttl", e & 0xff).layer(Protocol.MPLS, p, 4));
            if ((e >>> 8 & 1) == 1) {
                return;
            }
        }
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        // tcpdump print-mpls.c: "MPLS (label 100, tc 0, [S], ttl 64) "
        for (int p = off, n = 0; v.has(p, 4) && n < MAX_LABELS; p += 4, n++) {
            int e = v.s32(p);
            sb.append(n == 0 ? "MPLS (" : ", ").append("label ").append(e >>> 12).append(", tc ").append((e >>> 9) & 7);
            if ((e >>> 8 & 1) == 1) {
                sb.append(", [S]");
            }
            sb.append(", ttl ").append(e & 0xff);
            if ((e >>> 8 & 1) == 1) {
                break;
            }
        }
        sb.append(") ");
        return false;
    }
}
