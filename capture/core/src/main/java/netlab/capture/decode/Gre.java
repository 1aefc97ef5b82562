package netlab.capture.decode;

import java.util.List;

/**
 * GRE (RFC 2784 with RFC 2890's key and sequence number; version 1 is PPTP's enhanced GRE, RFC 2637 section
 * 4.1): flags and version, protocol type, then the optional words the flags announce. The payload goes to the
 * protocol type's decoder: IPv4, IPv6, an Ethernet frame for transparent Ethernet bridging (0x6558), ERSPAN
 * (0x88be, 0x22eb), MPLS, PPP (0x880b); anything else stays payload.
 */
enum Gre implements Dissector {
    GRE;

    private static final int CHECKSUM = 0x80;
    private static final int ROUTING = 0x40;
    private static final int KEY = 0x20;
    private static final int SEQUENCE = 0x10;
    private static final int ACK = 0x80;

    static void decode(PacketView v, int off) {
        v.push(Protocol.GRE, off);
        int end = v.ipEnd;
        if (!v.has(off, 4) || off + 4 > end) {
            v.fail(Protocol.GRE, off, "truncated header");
            return;
        }
        int version = v.u8(off + 1) & 7;
        if (version > 1) {
            v.fail(Protocol.GRE, off + 1, "version " + version);
            return;
        }
        int len = headerLength(v, off);
        if (!v.has(off, len) || off + len > end) {
            v.fail(Protocol.GRE, off, "truncated optional fields (" + len + " bytes of header)");
            return;
        }
        int next = off + len;
        if (version == 0 && (v.u8(off) & ROUTING) != 0) {
            // RFC 1701 source routing entries (deprecated by RFC 2784 section 2.1) are not walked.
            v.payload(next, end);
            return;
        }
        int type = v.u16(off + 2);
        switch (type) {
            case 0x0800 -> Ipv4.decode(v, next);
            case 0x86dd -> Ipv6.decode(v, next);
            case 0x6558 -> Ethernet.inner(v, next, end);
            case 0x88be, 0x22eb -> Erspan.decode(v, next, end, type == 0x22eb, (v.u8(off) & SEQUENCE) != 0);
            case 0x8847, 0x8848 -> Mpls.decode(v, next, end);
            case 0x880b -> {
                if (next < end) {
                    PppLink.ppp(v, next, end);
                } else {
                    v.payload(next, end);
                }
            }
            default -> v.payload(next, end);
        }
    }

    /** The header with its optional words: RFC 2784 section 2 and RFC 2890 section 2, or RFC 2637 section 4.1. */
    static int headerLength(PacketView v, int off) {
        int flags = v.u8(off);
        if ((v.u8(off + 1) & 7) == 1) {
            // PPTP: the key field (payload length, call id) is always there; the acknowledgement flag is in byte 2.
            return 8 + ((flags & SEQUENCE) != 0 ? 4 : 0) + ((v.u8(off + 1) & ACK) != 0 ? 4 : 0);
        }
        return 4 + ((flags & (CHECKSUM | ROUTING)) != 0 ? 4 : 0) + ((flags & KEY) != 0 ? 4 : 0)
                + ((flags & SEQUENCE) != 0 ? 4 : 0);
    }

    /** tcpdump's protocol names in GRE lines (print-gre.c uses its EtherType table). */
    static String typeName(int type) {
        return switch (type) {
            case 0x0800 -> "IPv4";
            case 0x86dd -> "IPv6";
            case 0x6558 -> "TEB";
            case 0x880b -> "PPP";
            case 0x8847 -> "MPLS unicast";
            case 0x8848 -> "MPLS multicast";
            case 0x88be -> "ERSPAN";
            case 0x22eb -> "ERSPAN III";
            default -> "unknown";
        };
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        if (!v.has(off, 4)) {
            out.add(l.layer(Protocol.GRE, off, 4));
            return;
        }
        int flags = v.u8(off);
        int version = v.u8(off + 1) & 7;
        l.add("checksum_present", (flags & CHECKSUM) != 0).add("routing_present", (flags & ROUTING) != 0)
                .add("key_present", (flags & KEY) != 0).add("sequence_present", (flags & SEQUENCE) != 0)
                .add("version", version).namedHex16("protocol", off + 2, ValueNames::etherType);
        int p = off + 4;
        if (version == 1) {
            l.u16("payload_length", p).u16("call_id", p + 2);
            p += 4;
            if ((flags & SEQUENCE) != 0) {
                l.u32("sequence", p);
                p += 4;
            }
            if ((v.u8(off + 1) & ACK) != 0) {
                l.u32("acknowledgement", p);
            }
        } else {
            if ((flags & (CHECKSUM | ROUTING)) != 0) {
                l.hex16("checksum", p).u16("offset", p + 2);
                p += 4;
            }
            if ((flags & KEY) != 0) {
                l.u32("key", p);
                p += 4;
            }
            if ((flags & SEQUENCE) != 0) {
                l.u32("sequence", p);
            }
        }
        out.add(l.layer(Protocol.GRE, off, headerLength(v, off)));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        int len = v.has(off, 4) ? headerLength(v, off) : 4;
        if (!v.has(off, len)) {
            return false;
        }
        // tcpdump print-gre.c without -v: "GREv0, key=0x2a, seq 1, proto TEB (0x6558), length 50: "
        int flags = v.u8(off);
        int version = v.u8(off + 1) & 7;
        sb.append("GREv").append(version);
        int p = off + 4;
        if (version == 1) {
            sb.append(", call ").append(v.u16(p + 2));
            p += 4;
            if ((flags & SEQUENCE) != 0) {
                sb.append(", seq ").append(v.u32(p));
                p += 4;
            }
            if ((v.u8(off + 1) & ACK) != 0) {
                sb.append(", ack ").append(v.u32(p));
            }
            if (v.u16(off + 4) == 0) {
                sb.append(", no-payload");
            }
        } else {
            if ((flags & (CHECKSUM | ROUTING)) != 0) {
                sb.append(", off 0x").append(Integer.toHexString(v.u16(p + 2)));
                p += 4;
            }
            if ((flags & KEY) != 0) {
                sb.append(", key=0x").append(Long.toHexString(v.u32(p)));
                p += 4;
            }
            if ((flags & SEQUENCE) != 0) {
                sb.append(", seq ").append(v.u32(p));
            }
        }
        int type = v.u16(off + 2);
        sb.append(", proto ").append(typeName(type)).append(" (0x");
        FrameSummary.hex(sb, type, 4).append("), length ").append(v.enclosingEnd(off) - off).append(": ");
        if (type == 0x6558) {
            Ethernet.words(sb, v, off + len);
        }
        return false;
    }
}
