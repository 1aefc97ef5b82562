package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.MacAddress;

/**
 * IEEE 802.1ah provider backbone bridging (802.1Q-2018 clause 9.7): the I-TAG after EtherType 0x88e7 (I-PCP,
 * I-DEI, UCA, the 24-bit service instance id I-SID), then the customer's destination and source addresses and
 * the customer frame's type. tshark folds an I-TAG that directly follows an 802.1ad B-TAG into its
 * {@code ieee8021ad} layer, so the path names {@code ieee8021ah} only for an I-TAG on its own.
 */
enum Pbb implements Dissector {
    /** The {@code ieee8021ah} path entry: offset of the I-TAG. */
    PBB {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            out.add(fields(v, off).layer(Protocol.IEEE8021AH, off, 16));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            return itagSummary(sb, v, off);
        }
    },
    /** The {@code ieee8021ad} path entry (offset of the B-TAG's TCI), which carries the I-TAG when one follows. */
    AFTER_BTAG {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            if (follows(v, off)) {
                out.add(fields(v, off + 4).layer(Protocol.IEEE8021AH, off + 4, 16));
            }
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            return follows(v, off) && itagSummary(sb, v, off + 4);
        }
    };

    static void decode(PacketView v, int off) {
        int prev = v.depth() - 1;
        if (prev < 0 || v.protocol(prev) != Protocol.IEEE8021AD) {
            v.push(Protocol.IEEE8021AH, off);
        }
        if (!v.has(off, 4)) {
            v.fail(Protocol.IEEE8021AH, off, "truncated I-TAG");
            return;
        }
        v.tunnelId = v.s32(off) & 0xffffff;
        if (!v.enterFrame(Protocol.IEEE8021AH, off + 4)) {
            return;
        }
        if (!v.has(off + 4, 14)) {
            v.fail(Protocol.IEEE8021AH, off + 4, "truncated customer addresses");
            return;
        }
        Ethernet.typeOrLength(v, off + 16, v.u16(off + 16));
    }

    private static boolean follows(PacketView v, int tci) {
        return v.has(tci + 2, 2) && v.u16(tci + 2) == 0x88e7;
    }

    private static FieldList fields(PacketView v, int off) {
        FieldList l = new FieldList(v);
        if (v.has(off, 4)) {
            int tag = v.s32(off);
            l.add("priority", tag >>> 29).add("dei", (tag >>> 28 & 1) == 1).add("uca", (tag >>> 27 & 1) == 1)
                    .add("isid", tag & 0xffffff);
        }
        return l.mac("c_dst", off + 4).mac("c_src", off + 10).namedHex16("type", off + 16, ValueNames::etherType);
    }

    /** tcpdump does not decode 802.1ah; tshark's Info words it "I-SID: 65537, C-Src: ..., C-Dst: ...". */
    private static boolean itagSummary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 4)) {
            return false;
        }
        sb.append("PBB, isid ").append(v.s32(off) & 0xffffff).append(": ");
        if (v.has(off + 4, 14)) {
            sb.append(new MacAddress(v.mac(off + 10))).append(" > ").append(new MacAddress(v.mac(off + 4))).append(", ");
            Ethernet.typeName(sb, v.u16(off + 16));
            sb.append(", ");
            Vlan.chain(sb, v, off + 16);
        }
        return false;
    }
}
