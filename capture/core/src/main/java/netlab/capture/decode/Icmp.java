package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.Ipv6Address;

/**
 * ICMP (RFC 792), ICMPv6 (RFC 4443, neighbour discovery RFC 4861) and IGMP (RFC 2236), IP protocols 1, 58
 * and 2: type, code, checksum, then what the type needs (echo id and sequence, the neighbour-discovery
 * target). The decode fills the view's flat {@code icmp*} and {@code l4*} fields. Error messages are not
 * followed into the datagram they quote.
 */
enum Icmp implements Dissector {
    ICMP(Protocol.ICMP, 8),
    ICMPV6(Protocol.ICMPV6, 4),
    IGMP(Protocol.IGMP, 8);

    private final Protocol protocol;
    private final int min;

    Icmp(Protocol protocol, int min) {
        this.protocol = protocol;
        this.min = min;
    }

    void decode(PacketView v, int off) {
        Protocol p = protocol;
        v.push(p, off);
        v.l4Offset = off;
        if (!v.has(off, min) || off + min > v.ipDeclaredEnd) {
            v.fail(p, off, "truncated header");
            return;
        }
        v.icmpType = v.u8(off);
        v.icmpCode = v.u8(off + 1);
        int header = min;
        if (p == Protocol.ICMPV6) {
            header = v.icmpType == 135 || v.icmpType == 136 ? 24 : v.icmpType >= 128 && v.icmpType <= 129 ? 8 : 4;
            if (!v.has(off, header) || off + header > v.ipDeclaredEnd) {
                v.fail(p, off, "truncated message");
                return;
            }
        }
        v.l4HeaderLength = header;
        v.payload(off + header, v.ipEnd);
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        Protocol p = protocol;
        FieldList l = new FieldList(v);
        if (p != Protocol.IGMP) {
            l.named("type", off, 1, t -> IcmpNames.name(p == Protocol.ICMPV6, t));
        } else {
            l.u8("type", off);
        }
        l.u8("code", off + 1);
        l.hex16("checksum", off + 2);
        int type = v.icmpType();
        boolean echo = p == Protocol.ICMP ? type == 0 || type == 8 : type == 128 || type == 129;
        if (echo) {
            l.u16("id", off + 4).u16("seq", off + 6);
        }
        if (p == Protocol.ICMPV6 && (type == 135 || type == 136)) {
            l.ipv6("target", off + 8);
            if (v.payloadLength() > 0) {
                l.add("options", IcmpNames.ndOptions(v, v.payloadOffset(), v.payloadOffset() + v.payloadLength()));
            }
        }
        if (p == Protocol.IGMP) {
            l.ipv4("group", off + 4);
        }
        out.add(l.layer(p, off, Math.max(v.l4HeaderLength(), p == Protocol.ICMPV6 ? 4 : 8)));
    }

    /** tcpdump print-icmp.c, print-icmp6.c, print-igmp.c wording (nothing for a truncated header); ends the line. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (v.l4HeaderLength() == 0) {
            return true;
        }
        int length = v.ipDeclaredEnd - off;
        int type = v.icmpType();
        switch (this) {
            case ICMP -> {
                sb.append("ICMP ").append(IcmpNames.name(false, type));
                if (type == 0 || type == 8) {
                    sb.append(", id ").append(v.u16(off + 4)).append(", seq ").append(v.u16(off + 6));
                }
            }
            case ICMPV6 -> {
                sb.append("ICMP6, ").append(IcmpNames.name(true, type));
                if (type == 135) {
                    sb.append(", who has ").append(Ipv6Address.read(v.data, v.base + off + 8));
                } else if (type == 136) {
                    sb.append(", tgt is ").append(Ipv6Address.read(v.data, v.base + off + 8));
                } else if (type == 128 || type == 129) {
                    sb.append(", id ").append(v.u16(off + 4)).append(", seq ").append(v.u16(off + 6));
                }
            }
            case IGMP -> sb.append("igmp");
        }
        sb.append(", length ").append(length);
        return true;
    }
}
