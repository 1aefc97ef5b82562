package netlab.capture.decode;

import java.util.List;

/**
 * ERSPAN (draft-foschiano-erspan-03) after GRE: type I (protocol 0x88be without a GRE sequence number) has no
 * header of its own, type II (0x88be with one) an 8-byte header, type III (0x22eb) a 12-byte header plus an
 * optional 8-byte platform-specific one; then the mirrored Ethernet frame.
 */
enum Erspan implements Dissector {
    ERSPAN;

    static void decode(PacketView v, int off, int end, boolean type3, boolean sequenced) {
        v.push(Protocol.ERSPAN, off);
        if (!type3 && !sequenced) {
            Ethernet.inner(v, off, end);
            return;
        }
        int fixed = type3 ? 12 : 8;
        if (!v.has(off, fixed) || off + fixed > end) {
            v.fail(Protocol.ERSPAN, off, "truncated header");
            return;
        }
        int version = v.u8(off) >>> 4;
        if (version != (type3 ? 2 : 1)) {
            v.fail(Protocol.ERSPAN, off, "version " + version + " under GRE protocol " + (type3 ? "0x22eb" : "0x88be"));
            return;
        }
        v.tunnelId = v.u16(off + 2) & 0x3ff;
        int len = headerLength(v, off, type3);
        if (!v.has(off, len) || off + len > end) {
            v.fail(Protocol.ERSPAN, off + 8, "truncated platform-specific subheader");
            return;
        }
        // Type III frame type (FT) 0 is Ethernet; 2 is a bare IP packet, left as payload as tshark does.
        if (type3 && (v.u8(off + 10) >>> 2 & 0x1f) != 0) {
            v.payload(off + len, end);
            return;
        }
        Ethernet.inner(v, off + len, end);
    }

    private static int headerLength(PacketView v, int off, boolean type3) {
        return !type3 ? 8 : (v.u8(off + 11) & 1) != 0 ? 20 : 12;
    }

    /** 0 for type I (no header), else the version field: 1 for type II, 2 for type III. */
    private static int version(PacketView v, int off) {
        int gre = -1;
        for (int i = 0; i < v.depth(); i++) {
            if (v.protocol(i) == Protocol.GRE && v.protocolOffset(i) < off) {
                gre = v.protocolOffset(i);
            }
        }
        boolean sequenced = gre >= 0 && v.has(gre, 4) && (v.u8(gre) & 0x10) != 0;
        boolean type3 = gre >= 0 && v.has(gre, 4) && v.u16(gre + 2) == 0x22eb;
        return !type3 && !sequenced ? 0 : v.has(off, 1) ? v.u8(off) >>> 4 : -1;
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        int version = version(v, off);
        FieldList l = new FieldList(v);
        if (version == 0) {
            out.add(l.add("type", "I").layer(Protocol.ERSPAN, off, 0));
            return;
        }
        l.add("type", version == 2 ? "III" : version == 1 ? "II" : "unknown");
        if (!v.has(off, 4)) {
            out.add(l.layer(Protocol.ERSPAN, off, 8));
            return;
        }
        l.add("version", version).add("vlan", v.u16(off) & 0xfff).add("cos", v.u8(off + 2) >>> 5)
                .add(version == 2 ? "bso" : "encapsulation", v.u8(off + 2) >>> 3 & 3)
                .add("truncated", (v.u8(off + 2) & 4) != 0).add("session_id", v.u16(off + 2) & 0x3ff);
        if (version != 2) {
            if (v.has(off + 4, 4)) {
                l.add("index", v.s32(off + 4) & 0xfffff);
            }
            out.add(l.layer(Protocol.ERSPAN, off, 8));
            return;
        }
        l.u32("timestamp", off + 4).u16("sgt", off + 8);
        if (v.has(off + 10, 2)) {
            int w = v.u16(off + 10);
            l.add("p", w >>> 15).add("frame_type", w >>> 10 & 0x1f).add("hw_id", w >>> 4 & 0x3f)
                    .add("direction", (w & 8) != 0 ? "egress" : "ingress").add("granularity", w >>> 1 & 3)
                    .add("optional_subheader", (w & 1) != 0);
            if ((w & 1) != 0) {
                l.hex("platform_specific", off + 12, 8);
            }
        }
        out.add(l.layer(Protocol.ERSPAN, off, v.has(off, 12) ? headerLength(v, off, true) : 12));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        // tcpdump print-erspan.c: "erspan type1: ", "erspan session 100 vlan 30: ", "erspan session 200 bso Good/unknown: "
        int version = version(v, off);
        sb.append("erspan");
        if (version == 0) {
            sb.append(" type1: ");
            Ethernet.words(sb, v, off);
            return false;
        }
        if (!v.has(off, version == 2 ? 12 : 8) || (version != 1 && version != 2)) {
            return false;
        }
        sb.append(" session ").append(v.u16(off + 2) & 0x3ff);
        int bits = v.u8(off + 2) >>> 3 & 3;
        if (version == 1) {
            sb.append(bits == 1 ? " isl " + (v.u16(off) & 0xfff) : bits == 2 ? " vlan " + (v.u16(off) & 0xfff)
                    : bits == 3 ? " vlan payload" : "");
        } else {
            sb.append(" bso ").append(bits == 0 ? "Good/unknown" : bits == 3 ? "Bad" : bits == 1 ? "Short" : "Oversized");
        }
        sb.append(": ");
        if (version == 1 || (v.u8(off + 10) >>> 2 & 0x1f) == 0) {
            Ethernet.words(sb, v, off + headerLength(v, off, version == 2));
        }
        return false;
    }
}
