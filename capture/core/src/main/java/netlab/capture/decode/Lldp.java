package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * LLDP (IEEE 802.1AB-2016 clause 8): a chain of TLVs (7-bit type, 9-bit length) ending with type 0. Decoded:
 * chassis and port id, TTL, port and system description, system name, capabilities, management address, and
 * the IEEE 802.1 port VLAN id and VLAN name TLVs; other organisational TLVs are counted.
 */
enum Lldp implements Dissector {
    LLDP;

    /** TLVs walked at most: an LLDPDU fits in one frame, and a hostile one of empty TLVs is bounded too. */
    static final int MAX_TLVS = 256;
    private static final String[] CAPABILITIES = {"other", "repeater", "bridge", "wlan_ap", "router", "telephone",
        "docsis", "station", "cvlan", "svlan", "tpmr"};

    static void decode(PacketView v, int off) {
        v.push(Protocol.LLDP, off);
        int p = off;
        for (int n = 0; n < MAX_TLVS; n++) {
            if (!v.has(p, 2)) {
                v.fail(Protocol.LLDP, p, "truncated TLV header");
                return;
            }
            int type = v.u16(p) >>> 9;
            int len = v.u16(p) & 0x1ff;
            if (!v.has(p + 2, len)) {
                v.fail(Protocol.LLDP, p, "TLV type " + type + " length " + len + " runs past the end");
                return;
            }
            p += 2 + len;
            if (type == 0) {
                v.payload(p, p);
                return;
            }
        }
        v.fail(Protocol.LLDP, p, "more than " + MAX_TLVS + " TLVs");
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v);
        List<String> vlanNames = new ArrayList<>();
        int other = 0;
        int p = off;
        for (int n = 0; n < MAX_TLVS && v.has(p, 2); n++) {
            int type = v.u16(p) >>> 9;
            int len = v.u16(p) & 0x1ff;
            int val = p + 2;
            if (!v.has(val, len) || type == 0) {
                break;
            }
            switch (type) {
                case 1 -> id(l, v, "chassis_id", val, len, 4);
                case 2 -> id(l, v, "port_id", val, len, 3);
                case 3 -> l.u16("ttl", val);
                case 4 -> l.add("port_description", FieldList.text(v, val, len));
                case 5 -> l.add("system_name", FieldList.text(v, val, len));
                case 6 -> l.add("system_description", FieldList.text(v, val, len));
                case 7 -> {
                    if (len >= 4) {
                        l.add("capabilities", capabilities(v.u16(val))).add("enabled_capabilities", capabilities(v.u16(val + 2)));
                    }
                }
                case 8 -> management(l, v, val, len);
                case 127 -> {
                    int oui = len >= 4 ? v.u8(val) << 16 | v.u16(val + 1) : -1;
                    int sub = len >= 4 ? v.u8(val + 3) : -1;
                    if (oui == 0x0080c2 && sub == 1 && len >= 6) {
                        l.u16("port_vlan_id", val + 4);
                    } else if (oui == 0x0080c2 && sub == 3 && len >= 7) {
                        int nameLen = Math.min(v.u8(val + 6), len - 7);
                        vlanNames.add(v.u16(val + 4) + " " + FieldList.text(v, val + 7, nameLen));
                    } else {
                        other++;
                    }
                }
                default -> other++;
            }
            p = val + len;
        }
        if (!vlanNames.isEmpty()) {
            l.add("vlan_names", vlanNames);
        }
        if (other > 0) {
            l.add("other_tlvs", other);
        }
        out.add(l.layer(Protocol.LLDP, off, p - off));
    }

    /** Chassis/port id: subtype, then a MAC ({@code macSubtype}), a network address (5) or text. */
    private static void id(FieldList l, PacketView v, String name, int val, int len, int macSubtype) {
        if (len < 1) {
            return;
        }
        int subtype = v.u8(val);
        l.add(name + "_subtype", subtype);
        if (subtype == macSubtype && len == 7) {
            l.mac(name, val + 1);
        } else if (subtype == 5 && len == 6 && v.u8(val + 1) == 1) {
            l.ipv4(name, val + 2);
        } else {
            l.add(name, FieldList.text(v, val + 1, len - 1));
        }
    }

    /** Management address TLV (clause 8.5.9): string length, subtype (1 IPv4, 6 MAC), address, interface. */
    private static void management(FieldList l, PacketView v, int val, int len) {
        int alen = len >= 1 ? v.u8(val) : 0;
        if (alen < 1 || alen + 1 > len) {
            return;
        }
        int family = v.u8(val + 1);
        if (family == 1 && alen == 5) {
            l.add("management_address", Ipv4Address.format(v.s32(val + 2)));
        } else if (family == 6 && alen == 7) {
            l.add("management_address", new MacAddress(v.mac(val + 2)).toString());
        } else {
            l.hex("management_address", val + 2, alen - 1);
        }
        if (alen + 6 <= len) {
            l.u32("management_interface", val + alen + 2);
        }
    }

    private static List<String> capabilities(int bits) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < CAPABILITIES.length; i++) {
            if ((bits & 1 << i) != 0) {
                out.add(CAPABILITIES[i]);
            }
        }
        return out;
    }

    /** The system name TLV's value, or null: what tcpdump prints, and the neighbour's name. */
    static String systemName(PacketView v, int off) {
        int p = off;
        for (int n = 0; n < MAX_TLVS && v.has(p, 2); n++) {
            int type = v.u16(p) >>> 9;
            int len = v.u16(p) & 0x1ff;
            if (type == 0 || !v.has(p + 2, len)) {
                return null;
            }
            if (type == 5) {
                return FieldList.text(v, p + 2, len);
            }
            p += 2 + len;
        }
        return null;
    }

    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        // tcpdump print-lldp.c without -v: "LLDP, length 112: sw-access-1"
        sb.append("LLDP, length ").append(v.frame().originalLength() - off);
        String name = systemName(v, off);
        if (name != null) {
            sb.append(": ").append(name);
        }
        return true;
    }
}
