package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;

/**
 * Cisco Discovery Protocol, read for the neighbours list: version, TTL, checksum, then TLVs of type (2 bytes),
 * length (2, header included) and value; device id (1), addresses (2), port id (3), capabilities (4),
 * platform (6), native VLAN (0x0a). The frame itself stays a {@code cdp} payload in {@code read}, after the
 * SNAP header of {@link Llc} (Cisco OUI 00:00:0c, protocol id 0x2000).
 */
enum Cdp implements Dissector {
    CDP;

    /** TLVs walked at most. */
    static final int MAX_TLVS = 256;
    private static final String[] CAPABILITIES = {"router", "transparent_bridge", "source_route_bridge", "switch",
        "host", "igmp", "repeater"};

    /** The payload's length only: {@code read} does not decode CDP's TLVs. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(new FieldList(v).add("length", v.payloadLength()).layer(Protocol.CDP, v.payloadOffset(), v.payloadLength()));
    }

    /** tcpdump print-llc.c's SNAP words for it; CDP ends the line. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        sb.append("oui Cisco (0x00000c), pid CDP (0x2000), length ").append(v.payloadLength());
        return true;
    }

    static Neighbour neighbour(PacketView v, int off, int end) {
        String device = null;
        String port = null;
        String platform = null;
        String address = null;
        int vlan = 0;
        List<String> caps = new ArrayList<>();
        int p = off + 4;
        for (int n = 0; n < MAX_TLVS && p + 4 <= end && v.has(p, 4); n++) {
            int type = v.u16(p);
            int len = v.u16(p + 2);
            if (len < 4 || p + len > end || !v.has(p, len)) {
                break;
            }
            int val = p + 4;
            int vlen = len - 4;
            switch (type) {
                case 1 -> device = FieldList.text(v, val, vlen);
                case 2 -> address = firstIpv4(v, val, val + vlen);
                case 3 -> port = FieldList.text(v, val, vlen);
                case 4 -> {
                    if (vlen >= 4) {
                        long bits = v.u32(val);
                        for (int i = 0; i < CAPABILITIES.length; i++) {
                            if ((bits & 1L << i) != 0) {
                                caps.add(CAPABILITIES[i]);
                            }
                        }
                    }
                }
                case 6 -> platform = FieldList.text(v, val, vlen);
                case 0x0a -> vlan = vlen >= 2 ? v.u16(val) : 0;
                default -> {
                }
            }
            p += len;
        }
        int ttl = v.has(off, 2) ? v.u8(off + 1) : -1;
        return new Neighbour("cdp", device, null, port, null, platform, address, vlan, caps, ttl);
    }

    /** The addresses TLV: a count, then entries of protocol type, length, protocol, address length, address. */
    private static String firstIpv4(PacketView v, int p, int end) {
        if (p + 4 > end) {
            return null;
        }
        long count = v.u32(p);
        p += 4;
        for (long i = 0; i < count && i < MAX_TLVS && p + 2 <= end; i++) {
            int plen = v.u8(p + 1);
            int a = p + 2 + plen;
            if (a + 2 > end) {
                return null;
            }
            int alen = v.u16(a);
            if (a + 2 + alen > end) {
                return null;
            }
            if (v.u8(p) == 1 && plen == 1 && v.u8(p + 2) == 0xcc && alen == 4) {
                return Ipv4Address.format(v.s32(a + 2));
            }
            p = a + 2 + alen;
        }
        return null;
    }
}
