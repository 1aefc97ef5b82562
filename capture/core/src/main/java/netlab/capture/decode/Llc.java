package netlab.capture.decode;

import java.util.List;

/**
 * IEEE 802.2 LLC (clause 3.2): DSAP, SSAP and a control field of 1 byte (U frames) or 2; after AA/AA/03 the SNAP
 * header of RFC 1042 (OUI, protocol id), whose OUI 0 carries an EtherType. SAP 0x42 and Cisco's PVST+ SNAP id
 * are {@link Stp}, Cisco's SNAP id 0x2000 is {@link Cdp}. The decode fills the view's {@code llc*} fields.
 */
enum Llc implements Dissector {
    LLC;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.LLC, off);
        v.llcOffset = off;
        if (v.has(off, 3)) {
            v.llcDsap = v.u8(off);
            v.llcSsap = v.u8(off + 1);
        }
        int ctrl = control(v, off);
        if (ctrl < 0) {
            v.fail(Protocol.LLC, off, "truncated header");
            return;
        }
        v.llcControl = ctrl;
        int next = off + (ctrl > 0xff ? 4 : 3);
        if (v.llcDsap == 0x42 && v.llcSsap == 0x42) {
            Stp.decode(v, next, end);
        } else if (v.llcDsap == 0xaa && v.llcSsap == 0xaa && ctrl == 3) {
            snap(v, next, end);
        } else {
            v.payload(next, end);
        }
    }

    /** The control field: one byte for U frames (low bits 11), else two; -1 when not captured. */
    private static int control(PacketView v, int off) {
        if (!v.has(off, 3)) {
            return -1;
        }
        int ctrl = v.u8(off + 2);
        if ((ctrl & 3) == 3) {
            return ctrl;
        }
        return v.has(off, 4) ? v.u16(off + 2) : -1;
    }

    /** RFC 1042 section 3: a 3-byte OUI and a 2-byte protocol id. */
    private static void snap(PacketView v, int off, int end) {
        if (!v.has(off, 5)) {
            v.fail(Protocol.LLC, off, "truncated SNAP header");
            return;
        }
        int oui = (v.u8(off) << 16) | v.u16(off + 1);
        int pid = v.u16(off + 3);
        int next = off + 5;
        if (oui == 0) {
            Ethernet.etherType(v, next, pid);
        } else if (oui == 0x00000c && pid == 0x2000) {
            v.push(Protocol.CDP, next);
            v.payload(next, end);
        } else if (oui == 0x00000c && pid == 0x010b) {
            Stp.decode(v, next, end);
        } else {
            v.payload(next, end);
        }
    }

    /** DSAP, SSAP, control, and the SNAP OUI and protocol id when DSAP and SSAP are AA. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v).u8("dsap", off).u8("ssap", off + 1);
        int len = 3;
        int ctrl = control(v, off);
        if (ctrl >= 0) {
            l.add("control", ctrl);
            len = ctrl > 0xff ? 4 : 3;
        }
        if (l.has(off, 2) && v.u8(off) == 0xaa && v.u8(off + 1) == 0xaa && l.has(off + 3, 5)) {
            l.add("oui", FieldList.hex0x((v.u8(off + 3) << 16) | v.u16(off + 4), 6)).hex16("pid", off + 6);
            len = 8;
        }
        out.add(l.layer(Protocol.LLC, off, len));
    }

    /**
     * tcpdump print-llc.c: the SAPs and control, then what the header carries (STP, CDP, GARP speak for
     * themselves); false, the line going on, when a SNAP header with OUI 0 hands over to an EtherType whose
     * network protocol prints the rest (RFC 1042 ARP and IP); true otherwise.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        int ctrl = control(v, off);
        if (ctrl < 0) {
            return true;
        }
        int dsap = v.u8(off);
        int ssap = v.u8(off + 1);
        sb.append("LLC, dsap ").append(sap(dsap)).append(String.format(" (0x%02x) ", dsap))
                .append((dsap & 1) == 0 ? "Individual" : "Group")
                .append(", ssap ").append(sap(ssap)).append(String.format(" (0x%02x) ", ssap & 0xfe))
                .append((ssap & 1) == 0 ? "Command" : "Response")
                .append(String.format(", ctrl 0x%02x: ", ctrl));
        // Only the protocols before a network layer: ARP and IP after SNAP print their words after the EtherType below.
        int next = v.depth();
        for (int i = 0; i < v.depth(); i++) {
            if (v.protocol(i) == Protocol.LLC && v.protocolOffset(i) == off) {
                next = i + 1;
            }
        }
        if (Dissectors.summary(sb, v, next, SummaryParts.networkIndex(v, next))) {
            return true;
        }
        if (dsap == 0xaa && v.etherType() >= 0 && v.l3Offset() >= 0) {
            sb.append("oui Ethernet (0x000000), ");
            Ethernet.typeName(sb, v.etherType());
            sb.append(", length ").append(SummaryParts.l3End(v) - v.l3Offset()).append(": ");
            return false;
        }
        return true;
    }

    private static String sap(int sap) {
        return switch (sap & 0xfe) {
            case 0x42 -> "STP";
            case 0xaa -> "SNAP";
            case 0x06 -> "IP";
            case 0xe0 -> "IPX";
            case 0xf0 -> "NetBIOS";
            default -> "Unknown";
        };
    }
}
