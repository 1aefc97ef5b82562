package netlab.capture.decode;

import java.util.List;

/**
 * Cisco FabricPath: a 16-byte header before the classical Ethernet frame (outer destination and source
 * addresses that encode switch id, sub-switch id and local id, then EtherType 0x8903 with the 10-bit
 * forwarding tag and 6-bit TTL). The outer addresses name FabricPath switches and ports, not stations, so
 * the frame's link addresses ({@link PacketView#srcMac()}) are the classical frame's, as tshark's
 * {@code eth.src} shows them.
 */
enum FabricPath implements Dissector {
    CFP;

    static final int HEADER = 16;

    /** Called for EtherType 0x8903; only the outermost header of an Ethernet capture is FabricPath (tshark's heuristic). */
    static void decode(PacketView v, int off) {
        if (off != 14 || v.frame().linkType().value() != 1) {
            v.payload(off, v.captured);
            return;
        }
        v.push(Protocol.CFP, 0);
        if (!v.has(0, HEADER)) {
            v.fail(Protocol.CFP, 0, "truncated header");
            return;
        }
        Ethernet.inner(v, HEADER, v.captured);
        if (v.innerEthCount > 0 && v.innerEthOffsets[0] == HEADER && v.has(HEADER, 12)) {
            v.srcMac = v.innerSrcMac;
            v.dstMac = v.innerDstMac;
            v.linkEthOffset = HEADER;
        }
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        address(l, v, "dst", 0);
        address(l, v, "src", 6);
        if (v.has(12, 4)) {
            l.add("ftag", v.u16(14) >>> 6).add("ttl", v.u16(14) & 0x3f);
        }
        out.add(l.layer(Protocol.CFP, 0, HEADER));
    }

    /** Cisco's outer address layout: end-node id, U/L, I/G, OOO/DL, switch id (12 bits), sub-switch id, local id. */
    private static void address(FieldList l, PacketView v, String name, int off) {
        if (v.has(off, 6)) {
            l.mac(name, off).add(name + "_switch_id", (v.u8(off + 1) & 0xf) << 8 | v.u8(off + 2))
                    .add(name + "_subswitch_id", v.u8(off + 3)).add(name + "_lid", v.u16(off + 4));
        }
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(0, HEADER)) {
            return false;
        }
        // tcpdump has no FabricPath printer: the header's fields, then the classical frame as tcpdump prints one.
        sb.append("FabricPath, switch ").append((v.u8(7) & 0xf) << 8 | v.u8(8)).append(" > ").append((v.u8(1) & 0xf) << 8 | v.u8(2))
                .append(", ftag ").append(v.u16(14) >>> 6).append(", ttl ").append(v.u16(14) & 0x3f).append(": ");
        Ethernet.words(sb, v, HEADER);
        return false;
    }
}
