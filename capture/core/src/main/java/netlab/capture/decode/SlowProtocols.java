package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;

/**
 * IEEE 802.3 Slow Protocols (EtherType 0x8809, Annex 57A): subtype 1 LACP and 2 Marker (IEEE 802.1AX-2014
 * clause 6.4.2.3, 6.5.3.3), 3 OAM (named only). LACP shows actor and partner system, key, port and state.
 */
enum SlowProtocols implements Dissector {
    LACP {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = new FieldList(v).u8("version", off + 1);
            party(l, v, "actor", off + 2);
            party(l, v, "partner", off + 22);
            out.add(l.layer(Protocol.LACP, off, 110));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            sb.append("LACPv").append(v.has(off + 1, 1) ? v.u8(off + 1) : 0).append(", length ")
                    .append(v.frame().originalLength() - off);
            return true;
        }
    },
    MARKER {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = new FieldList(v).u8("version", off + 1).u8("tlv_type", off + 2).u16("requester_port", off + 4)
                    .mac("requester_system", off + 6).u32("requester_transaction_id", off + 12);
            out.add(l.layer(Protocol.MARKER, off, 110));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            sb.append("MARKERv").append(v.has(off + 1, 1) ? v.u8(off + 1) : 0).append(", length ")
                    .append(v.frame().originalLength() - off);
            return true;
        }
    };

    private static final String[] STATE = {"activity", "timeout", "aggregation", "synchronization", "collecting",
        "distributing", "defaulted", "expired"};

    /** Decodes a Slow Protocols PDU at {@code off}. */
    static void decode(PacketView v, int off) {
        v.push(Protocol.SLOW, off);
        if (!v.has(off, 2)) {
            v.fail(Protocol.SLOW, off, "truncated header");
            return;
        }
        int subtype = v.u8(off);
        Protocol p = subtype == 1 ? Protocol.LACP : subtype == 2 ? Protocol.MARKER : subtype == 3 ? Protocol.OAMPDU : null;
        if (p == null) {
            v.payload(off, v.captured);
            return;
        }
        v.push(p, off);
        int need = p == Protocol.OAMPDU ? 2 : 42;
        if (!v.has(off, need)) {
            v.fail(p, off, "truncated PDU");
            return;
        }
        v.payload(off + need, off + need);
    }

    /** Actor/partner information TLV: type, length 20, system priority, system, key, port priority, port, state. */
    private static void party(FieldList l, PacketView v, String who, int at) {
        if (!v.has(at, 20)) {
            return;
        }
        l.add(who + "_system_priority", v.u16(at + 2)).mac(who + "_system", at + 4).u16(who + "_key", at + 10)
                .u16(who + "_port_priority", at + 12).u16(who + "_port", at + 14);
        int state = v.u8(at + 16);
        List<String> bits = new ArrayList<>();
        for (int i = 0; i < STATE.length; i++) {
            if ((state & 1 << i) != 0) {
                bits.add(STATE[i]);
            }
        }
        l.add(who + "_state", bits);
    }
}
