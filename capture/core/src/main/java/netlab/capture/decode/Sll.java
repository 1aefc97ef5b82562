package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.MacAddress;

/**
 * Linux cooked capture, link types 113 (v1: packet type, ARPHRD type, address length, 8 address bytes, protocol)
 * and 276 (v2: protocol, reserved, interface index, ARPHRD type, packet type, address length, address), as
 * libpcap's {@code pcap-linktype(7)} lays them out; the protocol is an EtherType or a Linux {@code ETH_P_}
 * pseudo-type. The decode fills the view's {@code sll*} fields and the source MAC of a 6-byte address.
 */
enum Sll implements Dissector {
    SLL;

    static void v1(PacketView v) {
        v.push(Protocol.SLL, 0);
        if (!v.has(0, 16)) {
            v.fail(Protocol.SLL, 0, "truncated header");
            return;
        }
        v.sllPacketType = v.u16(0);
        v.sllHaType = v.u16(2);
        if (v.u16(4) == 6) {
            v.srcMac = v.mac(6);
        }
        protocol(v, 16, v.u16(14));
    }

    static void v2(PacketView v) {
        v.push(Protocol.SLL, 0);
        if (!v.has(0, 20)) {
            v.fail(Protocol.SLL, 0, "truncated header");
            return;
        }
        v.sllHaType = v.u16(8);
        v.sllPacketType = v.u8(10);
        if (v.u8(11) == 6) {
            v.srcMac = v.mac(12);
        }
        protocol(v, 20, v.u16(0));
    }

    /** Values below 0x0600 are Linux ETH_P_ pseudo-types; ETH_P_802_2 (4) means an LLC header follows. */
    private static void protocol(PacketView v, int off, int protocol) {
        if (protocol == 4) {
            v.etherType = -1;
            Llc.decode(v, off, v.captured);
        } else if (protocol >= 0x0600) {
            Ethernet.etherType(v, off, protocol);
        } else {
            v.payload(off, v.captured);
        }
    }

    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        boolean v2 = v.frame().linkType().value() == 276;
        FieldList l = new FieldList(v);
        if (v2) {
            l.namedHex16("protocol", 0, ValueNames::etherType).u32("interface_index", 4).u16("ha_type", 8).u8("packet_type", 10)
                    .u8("address_length", 11).hex("address", 12, 8);
        } else {
            l.u16("packet_type", 0).u16("ha_type", 2).u16("address_length", 4).hex("address", 6, 8)
                    .namedHex16("protocol", 14, ValueNames::etherType);
        }
        if (v.srcMac() >= 0) {
            l.mac("src", v2 ? 12 : 6);
        }
        out.add(l.layer(Protocol.SLL, 0, v2 ? 20 : 16));
    }

    /** Nothing here: the header's words ({@link #words}) start the line, written by {@link FrameSummary}. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }

    /** tcpdump's direction ({@code In}, {@code B}, {@code M}, {@code P}, {@code Out}) and the source address. */
    static void words(StringBuilder sb, PacketView v) {
        sb.append(direction(v.sllPacketType())).append(' ');
        if (v.srcMac() >= 0) {
            sb.append(new MacAddress(v.srcMac())).append(' ');
        }
    }

    private static String direction(int type) {
        return switch (type) {
            case 0 -> " In";
            case 1 -> "B";
            case 2 -> "M";
            case 3 -> "P";
            case 4 -> "Out";
            default -> "?";
        };
    }
}
