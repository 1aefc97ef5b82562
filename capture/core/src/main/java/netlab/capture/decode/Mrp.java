package netlab.capture.decode;

import java.util.List;

/**
 * VLAN and multicast registration: GARP's GVRP/GMRP (IEEE 802.1D-2004 clause 12, over LLC 0x42 like STP but
 * with protocol id 1, told apart by destination 01:80:c2:00:00:21/20) and MRP's MVRP/MMRP (IEEE 802.1Q-2018
 * clause 10.8, EtherTypes 0x88f5/0x88f6). Shown: the first message's attribute type and the first VLAN id
 * registered, never bytes past the PDU.
 */
enum Mrp implements Dissector {
    GVRP(Protocol.GVRP, 2),
    GMRP(Protocol.GMRP, 2),
    MVRP(Protocol.MVRP, 1),
    MMRP(Protocol.MMRP, 1);

    private final Protocol protocol;
    /** Offset of the first message's attribute type: after GARP's protocol id, after MRP's protocol version. */
    private final int first;

    Mrp(Protocol protocol, int first) {
        this.protocol = protocol;
        this.first = first;
    }

    static void decode(PacketView v, int off, int end, Protocol p) {
        v.push(p, off);
        if (!v.has(off, 3) || off + 3 > end) {
            v.fail(p, off, "truncated PDU");
            return;
        }
        // The PDU's end, kept as an empty payload there: details and summary stop at it, never in padding.
        v.payload(end, end);
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        int end = v.payloadOffset() >= off ? v.payloadOffset() : Math.min(v.captured, off + 3);
        FieldList l = new FieldList(v);
        if (protocol == Protocol.GVRP || protocol == Protocol.GMRP) {
            l.hex16("protocol_id", off);
        } else {
            l.u8("protocol_version", off);
        }
        int at = off + first;
        if (at < end) {
            l.u8("attribute_type", at);
        }
        if (protocol == Protocol.GVRP && at + 6 <= end && v.u8(at) == 1) {
            // GARP attribute: length (with itself and event), event, value: a VID.
            l.u8("attribute_event", at + 2).u16("vlan_id", at + 3);
        } else if (protocol == Protocol.MVRP && at + 6 <= end && v.u8(at) == 1) {
            // MRP: type, length, vector header (2), first value: a VID.
            l.add("number_of_values", v.u16(at + 2) & 0x1fff).u16("vlan_id", at + 4);
        }
        out.add(l.layer(protocol, off, end - off));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        sb.append(protocol.shortName().replace("mrp-", "").toUpperCase()).append(", length ")
                .append(Math.max(0, v.payloadOffset() - off));
        return true;
    }
}
