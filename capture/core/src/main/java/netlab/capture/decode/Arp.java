package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * ARP (RFC 826) and RARP (RFC 903), EtherTypes 0x0806 and 0x8035: 8 fixed bytes (hardware type, protocol
 * type, their address sizes, opcode), then sender and target hardware and protocol addresses sized by the
 * header. The decode fills the view's flat {@code arp*} fields, which the analyzers read without allocating.
 */
enum Arp implements Dissector {
    ARP;

    static void decode(PacketView v, int off) {
        v.push(Protocol.ARP, off);
        v.l3Offset = off;
        if (!v.has(off, 8)) {
            v.fail(Protocol.ARP, off, "truncated header");
            return;
        }
        v.arpHwType = v.u16(off);
        v.arpProtoType = v.u16(off + 2);
        v.arpHwLen = v.u8(off + 4);
        v.arpProtoLen = v.u8(off + 5);
        v.arpOpcode = v.u16(off + 6);
        int len = 8 + 2 * v.arpHwLen + 2 * v.arpProtoLen;
        if (!v.has(off, len)) {
            v.fail(Protocol.ARP, off, "truncated addresses");
            return;
        }
        v.payload(off + len, off + len);
    }

    /** RFC 826 fields; addresses of other sizes are shown as hex. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v).named("hw_type", off, 2, ValueNames::arpHardware)
                .namedHex16("proto_type", off + 2, ValueNames::etherType).u8("hw_size", off + 4)
                .u8("proto_size", off + 5).named("opcode", off + 6, 2, ValueNames::arpOpcode);
        int h = v.arpHwLen();
        int p = v.arpProtoLen();
        int len = h < 0 ? 8 : 8 + 2 * h + 2 * p;
        if (v.arpIsEthernetIpv4()) {
            l.mac("sender_mac", off + 8).ipv4("sender_ip", off + 14).mac("target_mac", off + 18)
                    .ipv4("target_ip", off + 24);
        } else if (h >= 0) {
            l.hex("sender_mac", off + 8, h).hex("sender_ip", off + 8 + h, p).hex("target_mac", off + 8 + h + p, h)
                    .hex("target_ip", off + 8 + 2 * h + p, p);
        }
        out.add(l.layer(Protocol.ARP, off, len));
    }

    /** tcpdump print-arp.c wording; ARP always ends the line. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (v.arpOpcode() < 0 || !v.arpIsEthernetIpv4()) {
            if (v.arpOpcode() >= 0) {
                sb.append("ARP, hardware type ").append(v.arpHwType()).append(String.format(", protocol 0x%04x", v.arpProtoType()))
                        .append(", opcode ").append(v.arpOpcode());
            }
            return true;
        }
        String spa = Ipv4Address.format(v.arpSenderIp());
        String tpa = Ipv4Address.format(v.arpTargetIp());
        switch (v.arpOpcode()) {
            case 1 -> sb.append("Request who-has ").append(tpa).append(" tell ").append(spa);
            case 2 -> sb.append("Reply ").append(spa).append(" is-at ").append(new MacAddress(v.arpSenderMac()));
            case 3 -> sb.append("Reverse Request who-is ").append(new MacAddress(v.arpTargetMac()))
                    .append(" tell ").append(new MacAddress(v.arpSenderMac()));
            case 4 -> sb.append("Reverse Reply ").append(new MacAddress(v.arpTargetMac())).append(" at ").append(tpa);
            default -> sb.append("ARP, opcode ").append(v.arpOpcode());
        }
        sb.append(", length ").append(SummaryParts.l3End(v) - off);
        return true;
    }
}
