package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.MacAddress;

/**
 * Spanning tree BPDUs (IEEE 802.1D clause 9.3) on LLC SAP 0x42 or Cisco's PVST+ SNAP id: protocol id (2),
 * version (1) and type (1), then for configuration and RST/MST BPDUs flags, root and bridge ids, cost, port and
 * timers. Protocol id 1 on the same SAP is GARP ({@link Mrp}). The BPDU stays the view's payload.
 */
enum Stp implements Dissector {
    STP;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.STP, off);
        if (v.has(off, 2) && v.u16(off) == 1) {
            // Protocol id 1 is GARP (IEEE 802.1D-2004 clause 12.11), named by its group address as tshark does.
            Mrp.decode(v, off, end, v.dstMac == 0x0180_c200_0020L ? Protocol.GMRP : Protocol.GVRP);
            return;
        }
        if (!v.has(off, 4)) {
            v.fail(Protocol.STP, off, "truncated BPDU");
            return;
        }
        v.payload(off, end);
    }

    /** IEEE 802.1D clause 9.3.1 configuration BPDU layout (RST/MST BPDUs share its first 36 bytes); GARP shows itself. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        if (garp(v)) {
            return;
        }
        int at = v.payloadOffset() >= 0 ? v.payloadOffset() : v.failure().offset();
        FieldList l = new FieldList(v).hex16("protocol_id", at).u8("version", at + 2).u8("bpdu_type", at + 3);
        // Fields only from the BPDU's own bytes (the LLC length bounds it), never from the frame's padding.
        if (l.has(at, 4) && v.u8(at + 3) != 0x80 && v.payloadLength() >= 35) {
            l.u8("flags", at + 4).hex("root_id", at + 5, 8).u32("root_path_cost", at + 13)
                    .hex("bridge_id", at + 17, 8).hex16("port_id", at + 25).u16("message_age", at + 27)
                    .u16("max_age", at + 29).u16("hello_time", at + 31).u16("forward_delay", at + 33);
        }
        out.add(l.layer(Protocol.STP, at, v.payloadLength() > 0 ? v.payloadLength() : 4));
    }

    /** tcpdump print-stp.c reduced to the version, the BPDU kind and the bridge id; GARP speaks for itself. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (garp(v) || v.payloadOffset() < 0) {
            return false;
        }
        int at = v.payloadOffset();
        int version = v.u8(at + 2);
        int type = v.u8(at + 3);
        sb.append("STP ").append(version == 0 ? "802.1d" : version == 2 ? "802.1w" : version == 3 ? "802.1s" : "v" + version)
                .append(", ").append(type == 0 ? "Config" : type == 0x80 ? "Topology Change" : version == 3 ? "MSTP" : "Rapid STP");
        if (type != 0x80 && v.payloadLength() >= 27) {
            sb.append(String.format(", bridge-id %04x.%s.%04x", v.u16(at + 17), new MacAddress(v.mac(at + 19)),
                    v.u16(at + 25)));
        }
        sb.append(", length ").append(v.payloadLength());
        return true;
    }

    private static boolean garp(PacketView v) {
        return v.has(Protocol.GVRP) || v.has(Protocol.GMRP);
    }
}
