package netlab.capture.decode;

import java.util.List;

/**
 * VXLAN (RFC 7348 section 5) on UDP port 4789: flags (I = a valid VNI), 24 reserved bits, the 24-bit VXLAN
 * network identifier, 8 reserved bits, then the tenant's Ethernet frame; with the G flag of the Group Based
 * Policy extension (draft-smith-vxlan-group-policy-05 section 2.1, Linux's {@code gbp}) the second byte holds the
 * D and A flags and the next two the group policy id.
 */
enum Vxlan implements Dissector {
    VXLAN;

    static final int PORT = 4789;

    /** The G flag: the reserved bits carry a group policy (draft-smith-vxlan-group-policy-05 section 2.1). */
    private static final int GBP = 0x80;

    static void decode(PacketView v, int off, int end) {
        v.push(Protocol.VXLAN, off);
        TransportDecoder.leaveTransport(v);
        if (!v.has(off, 8) || off + 8 > end) {
            v.fail(Protocol.VXLAN, off, "truncated header");
            return;
        }
        if ((v.u8(off) & 0x08) != 0) {
            v.tunnelId = v.s32(off + 4) >>> 8;
        }
        Ethernet.inner(v, off + 8, end);
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        if (v.has(off, 8)) {
            int flags = v.u8(off);
            l.add("flags", FieldList.hex0x(flags, 2)).add("vni_valid", (flags & 0x08) != 0);
            if ((flags & GBP) != 0) {
                int policyFlags = v.u8(off + 1);
                l.add("group_policy", true).add("dont_learn", (policyFlags & 0x40) != 0)
                        .add("policy_applied", (policyFlags & 0x08) != 0).add("group_policy_id", v.u16(off + 2));
            }
            l.add("vni", v.s32(off + 4) >>> 8);
        }
        out.add(l.layer(Protocol.VXLAN, off, 8));
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (!v.has(off, 8)) {
            return false;
        }
        // tcpdump print-vxlan.c: "VXLAN, flags [I] (0x08), vni 42"; the inner frame follows on the same line here.
        int flags = v.u8(off);
        sb.append("VXLAN, flags [").append((flags & 0x08) != 0 ? "I" : ".").append("] (0x");
        FrameSummary.hex(sb, flags, 2).append("), vni ").append(v.s32(off + 4) >>> 8).append(": ");
        Ethernet.words(sb, v, off + 8);
        return false;
    }
}
