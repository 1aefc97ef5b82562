package netlab.capture.decode;

import java.util.List;

/**
 * MACsec (IEEE 802.1AE-2018 clause 9): the SecTAG after EtherType 0x88e5 (TCI and association number, short
 * length, packet number, the 8-byte SCI when the SC bit is set); the protected data stays opaque.
 */
enum Macsec implements Dissector {
    MACSEC;

    static void decode(PacketView v, int off) {
        v.push(Protocol.MACSEC, off);
        if (!v.has(off, 6)) {
            v.fail(Protocol.MACSEC, off, "truncated SecTAG");
            return;
        }
        int len = (v.u8(off) & 0x20) != 0 ? 14 : 6;
        if (!v.has(off, len)) {
            v.fail(Protocol.MACSEC, off, "truncated SecTAG");
            return;
        }
        v.payload(off + len, v.captured);
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        int len = 6;
        if (v.has(off, 2)) {
            int tci = v.u8(off);
            l.add("version", tci >>> 7).add("end_station", (tci & 0x40) != 0).add("sci_present", (tci & 0x20) != 0)
                    .add("single_copy_broadcast", (tci & 0x10) != 0).add("encrypted", (tci & 0x08) != 0)
                    .add("changed", (tci & 0x04) != 0).add("association_number", tci & 3).add("short_length", v.u8(off + 1));
            len = (tci & 0x20) != 0 ? 14 : 6;
        }
        l.u32("packet_number", off + 2);
        if (len == 14) {
            l.hex("sci", off + 6, 8);
        }
        out.add(l.layer(Protocol.MACSEC, off, len));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 6)) {
            return false;
        }
        // tcpdump print-macsec.c: "an 0, pn 5, flags ECI, sci 00163e1122330001"
        int tci = v.u8(off);
        sb.append("an ").append(tci & 3).append(", pn ").append(v.u32(off + 2)).append(", flags ");
        sb.append((tci & 0x40) != 0 ? "ES" : "").append((tci & 0x10) != 0 ? "SCB" : "").append((tci & 0x08) != 0 ? "E" : "")
                .append((tci & 0x04) != 0 ? "C" : "").append((tci & 0x0c) == 0x0c ? "I" : "");
        if ((tci & 0x20) != 0 && v.has(off, 14)) {
            sb.append(", sci ").append(FieldList.hexString(v, off + 6, 8));
        }
        return true;
    }
}
