package netlab.capture.decode;

import java.util.List;

/**
 * Linux netfilter log messages (LINKTYPE_NFLOG, tcpdump.org's description): family, version and resource id
 * (big-endian), then TLVs whose length and type are in the capturing host's byte order (little-endian on
 * every host netlab expects), each padded to 4 bytes; the packet is TLV 9 (NFULA_PAYLOAD), its prefix
 * string TLV 10.
 */
enum Nflog implements Dissector {
    NFLOG;

    private static final int PAYLOAD = 9;
    private static final int PREFIX = 10;
    /** TLVs walked at most: the real ones number about a dozen. */
    private static final int MAX_TLVS = 64;

    static void decode(PacketView v) {
        v.push(Protocol.NFLOG, 0);
        if (!v.has(0, 4)) {
            v.fail(Protocol.NFLOG, 0, "truncated header");
            return;
        }
        int at = tlv(v, PAYLOAD);
        if (at < 0) {
            v.payload(4, v.captured);
            return;
        }
        int start = at + 4;
        switch (v.u8(0)) {
            case 2 -> Ipv4.decode(v, start);
            case 10 -> Ipv6.decode(v, start);
            default -> v.payload(start, Math.min(v.captured, at + le16(v, at)));
        }
    }

    /** Offset of the first TLV of {@code type}, or -1. */
    static int tlv(PacketView v, int type) {
        int p = 4;
        for (int n = 0; n < MAX_TLVS && v.has(p, 4); n++) {
            int len = le16(v, p);
            if (len < 4) {
                return -1;
            }
            if (le16(v, p + 2) == type) {
                return p;
            }
            p += (len + 3) & ~3;
        }
        return -1;
    }

    private static int le16(PacketView v, int off) {
        return v.u8(off) | v.u8(off + 1) << 8;
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v).u8("family", 0).u8("version", 1).u16("resource_id", 2);
        int prefix = tlv(v, PREFIX);
        if (prefix >= 0) {
            l.add("prefix", FieldList.text(v, prefix + 4, Math.min(le16(v, prefix), v.captured - prefix) - 4));
        }
        out.add(l.layer(Protocol.NFLOG, 0, 4));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(0, 4)) {
            return false;
        }
        // tcpdump print-nflog.c: "version 0, resource ID 7, family IPv4 (2), length 64: "
        int family = v.u8(0);
        sb.append("version ").append(v.u8(1)).append(", resource ID ").append(v.u16(2)).append(", family ")
                .append(family == 2 ? "IPv4" : family == 10 ? "IPv6" : "unknown").append(" (").append(family)
                .append("), length ").append(v.frame().originalLength()).append(": ");
        return false;
    }
}
