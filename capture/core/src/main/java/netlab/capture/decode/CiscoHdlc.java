package netlab.capture.decode;

import java.util.List;

/**
 * Cisco HDLC (LINKTYPE_C_HDLC): address (0x0f unicast, 0x8f broadcast), control, then an EtherType;
 * 0x8035 there is Cisco SLARP, not RARP, and stays payload.
 */
enum CiscoHdlc implements Dissector {
    CHDLC;

    static void decode(PacketView v) {
        v.push(Protocol.CHDLC, 0);
        if (!v.has(0, 4)) {
            v.fail(Protocol.CHDLC, 0, "truncated header");
            return;
        }
        int type = v.u16(2);
        if (type == 0x8035) {
            v.payload(4, v.captured);
        } else {
            Ethernet.etherType(v, 4, type);
        }
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(new FieldList(v).u8("address", 0).u8("control", 1).hex16("protocol", 2).layer(Protocol.CHDLC, 0, 4));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(0, 4)) {
            return false;
        }
        // tcpdump print-chdlc.c: "unicast, ethertype IPv4 (0x0800), length 40: "
        sb.append(v.u8(0) == 0x8f ? "bcast, " : v.u8(0) == 0x0f ? "unicast, " : "0x" + Integer.toHexString(v.u8(0)) + ", ");
        Ethernet.typeName(sb, v.u16(2));
        sb.append(", length ").append(v.frame().originalLength()).append(": ");
        return false;
    }
}
