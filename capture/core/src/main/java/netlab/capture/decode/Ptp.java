package netlab.capture.decode;

import java.util.List;

/**
 * Precision Time Protocol v2 (IEEE 1588-2019 clause 13.3) over Ethernet (EtherType 0x88f7) or UDP 319/320:
 * the 34-byte common header.
 */
enum Ptp implements Dissector {
    PTP;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.PTP, off);
        if (!v.has(off, 34)) {
            v.fail(Protocol.PTP, off, "truncated header");
            return;
        }
        v.payload(off + 34, end);
    }

    /** tcpdump's message names (print-ptp.c). */
    static String messageType(int type) {
        return switch (type) {
            case 0 -> "sync msg";
            case 1 -> "delay req msg";
            case 2 -> "peer delay req msg";
            case 3 -> "peer delay resp msg";
            case 8 -> "follow up msg";
            case 9 -> "delay resp msg";
            case 0xa -> "peer delay resp follow up msg";
            case 0xb -> "announce msg";
            case 0xc -> "signaling msg";
            case 0xd -> "management msg";
            default -> "type " + type;
        };
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        if (v.has(off, 2)) {
            l.add("message_type", v.u8(off) & 0xf).add("message", messageType(v.u8(off) & 0xf))
                    .add("version", v.u8(off + 1) & 0xf);
        }
        l.u16("length", off + 2).u8("domain", off + 4).hex16("flags", off + 6).hex("correction", off + 8, 8)
                .hex("clock_identity", off + 20, 8).u16("port_number", off + 28).u16("sequence_id", off + 30)
                .u8("log_message_interval", off + 33);
        out.add(l.layer(Protocol.PTP, off, 34));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 34)) {
            return false;
        }
        // The head of tcpdump's print-ptp.c line.
        sb.append("PTPv").append(v.u8(off + 1) & 0xf).append(", msg type : ").append(messageType(v.u8(off) & 0xf))
                .append(", length : ").append(v.u16(off + 2)).append(", domain : ").append(v.u8(off + 4))
                .append(", seq id : ").append(v.u16(off + 30));
        return true;
    }
}
