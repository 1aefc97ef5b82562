package netlab.capture.decode;

import java.util.List;

/**
 * Geneve (RFC 8926 section 3.4) on UDP port 6081: version and option length (4-byte words), the O and C flags,
 * protocol type, 24-bit VNI, then the options; the payload by protocol type: an Ethernet frame (0x6558),
 * IPv4 or IPv6, else payload.
 */
enum Geneve implements Dissector {
    GENEVE;

    static final int PORT = 6081;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.GENEVE, off);
        TransportDecoder.leaveTransport(v);
        if (!v.has(off, 8) || off + 8 > end) {
            v.fail(Protocol.GENEVE, off, "truncated header");
            return;
        }
        int version = v.u8(off) >>> 6;
        if (version != 0) {
            v.fail(Protocol.GENEVE, off, "version " + version);
            return;
        }
        int len = 8 + (v.u8(off) & 0x3f) * 4;
        if (!v.has(off, len) || off + len > end) {
            v.fail(Protocol.GENEVE, off + 8, "options of " + (len - 8) + " bytes run past the end");
            return;
        }
        v.tunnelId = v.s32(off + 4) >>> 8;
        int next = off + len;
        switch (v.u16(off + 2)) {
            case 0x6558 -> Ethernet.inner(v, next, end);
            case 0x0800 -> Ipv4.decode(v, next);
            case 0x86dd -> Ipv6.decode(v, next);
            default -> v.payload(next, end);
        }
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        int len = 8;
        if (v.has(off, 8)) {
            len = 8 + (v.u8(off) & 0x3f) * 4;
            l.add("version", v.u8(off) >>> 6).add("options_length", len - 8).add("oam", (v.u8(off + 1) & 0x80) != 0)
                    .add("critical", (v.u8(off + 1) & 0x40) != 0).namedHex16("protocol", off + 2, ValueNames::etherType)
                    .add("vni", v.s32(off + 4) >>> 8);
            int options = 0;
            // RFC 8926 section 3.5: class (16), type (8), 3 reserved bits, length in 4-byte words (5).
            for (int p = off + 8; p + 4 <= off + len && v.has(p, 4); p += 4 + (v.u8(p + 3) & 0x1f) * 4) {
                options++;
            }
            l.add("options", options).hex("options_data", off + 8, len - 8);
        }
        out.add(l.layer(Protocol.GENEVE, off, len));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 8)) {
            return false;
        }
        // tcpdump print-geneve.c with -e: "Geneve, Flags [none], vni 0x1234, proto TEB (0x6558), options [8 bytes]: "
        int flags = v.u8(off + 1);
        sb.append("Geneve, Flags [").append((flags & 0xc0) == 0 ? "none" : ((flags & 0x80) != 0 ? "O" : "")
                + ((flags & 0x40) != 0 ? "C" : "")).append("], vni 0x").append(Integer.toHexString(v.s32(off + 4) >>> 8));
        int type = v.u16(off + 2);
        sb.append(", proto ").append(Gre.typeName(type)).append(" (0x");
        FrameSummary.hex(sb, type, 4).append(')');
        int opts = (v.u8(off) & 0x3f) * 4;
        if (opts > 0) {
            sb.append(", options [").append(opts).append(" bytes]");
        }
        sb.append(": ");
        if (type == 0x6558) {
            Ethernet.words(sb, v, off + 8 + opts);
        }
        return false;
    }
}
