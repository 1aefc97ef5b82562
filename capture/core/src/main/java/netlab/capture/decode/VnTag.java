package netlab.capture.decode;

import java.util.List;

/**
 * VN-Tag (Cisco, proposed as IEEE 802.1Qbh): 4 bytes after EtherType 0x8926 (direction, pointer, 14-bit
 * destination virtual interface, looped, reserved, 2-bit version, 12-bit source virtual interface), then the
 * frame's own type. A tag, not a tunnel: the frame's addresses stay the station's.
 */
enum VnTag implements Dissector {
    VNTAG;

    static void decode(PacketView v, int off) {
        v.push(Protocol.VNTAG, off);
        if (!v.has(off, 6)) {
            v.fail(Protocol.VNTAG, off, "truncated tag");
            return;
        }
        Ethernet.typeOrLength(v, off + 4, v.u16(off + 4));
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        if (v.has(off, 4)) {
            int tag = v.s32(off);
            l.add("direction", (tag >>> 31) == 1 ? "to bridge" : "from bridge").add("pointer", (tag >>> 30 & 1) == 1)
                    .add("dst_vif", tag >>> 16 & 0x3fff).add("looped", (tag >>> 15 & 1) == 1)
                    .add("version", tag >>> 12 & 3).add("src_vif", tag & 0xfff);
        }
        out.add(l.namedHex16("type", off + 4, ValueNames::etherType).layer(Protocol.VNTAG, off, 6));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 6)) {
            return false;
        }
        // tcpdump has no VN-Tag printer; tshark's fields, in tcpdump's "name value, " style.
        int tag = v.s32(off);
        sb.append("VN-Tag, dst vif ").append(tag >>> 16 & 0x3fff).append(", src vif ").append(tag & 0xfff).append(", ");
        Ethernet.typeName(sb, v.u16(off + 4));
        sb.append(", ");
        Vlan.chain(sb, v, off + 4);
        return false;
    }
}
