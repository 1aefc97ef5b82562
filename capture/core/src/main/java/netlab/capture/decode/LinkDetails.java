package netlab.capture.decode;

import java.util.List;

/** Layer-2 part of {@link FrameDetails}: Ethernet, Linux SLL, VLAN tags, LLC/SNAP, STP, CDP, EAPOL. */
final class LinkDetails {
    private LinkDetails() {
    }

    static void add(PacketView v, List<Layer> out) {
        for (int i = 0; i < v.depth(); i++) {
            Protocol p = v.protocol(i);
            switch (p) {
                case ETH -> {
                    int off = Math.max(0, v.protocolOffset(i));
                    out.add(new FieldList(v).mac("dst", off).mac("src", off + 6)
                            .namedHex16("type", off + 12, ValueNames::etherType).layer(p, off, Decoder.ETH_HEADER));
                }
                case SLL -> out.add(sll(v));
                case NULL -> out.add(new FieldList(v).hex("family", 0, 4).layer(p, 0, 4));
                case RAW -> out.add(new FieldList(v).layer(p, 0, 0));
                case LLC -> out.add(llc(v));
                case STP -> {
                    if (!v.has(Protocol.GVRP) && !v.has(Protocol.GMRP)) {
                        out.add(stp(v));
                    }
                }
                case CDP -> out.add(payloadOnly(v, p));
                default -> {
                }
            }
        }
        for (int t = 0; t < v.vlanCount(); t++) {
            int off = v.vlanOffset(t);
            Protocol p = v.vlanTpid(t) == 0x88a8 ? Protocol.IEEE8021AD : Protocol.VLAN;
            out.add(new FieldList(v).add("id", v.vlanId(t)).add("priority", v.vlanPriority(t))
                    .add("dei", v.vlanDei(t)).add("tpid", FieldList.hex0x(v.vlanTpid(t), 4))
                    .namedHex16("type", off + 2, ValueNames::etherType).layer(p, off, 4));
        }
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    }

    private static Layer sll(PacketView v) {
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
        return l.layer(Protocol.SLL, 0, v2 ? 20 : 16);
    }

    private static Layer llc(PacketView v) {
        int off = v.llcOffset();
        FieldList l = new FieldList(v).u8("dsap", off).u8("ssap", off + 1);
        int len = 3;
        if (v.llcControl() >= 0) {
            l.add("control", v.llcControl());
            len = v.llcControl() > 0xff ? 4 : 3;
        }
        if (v.llcDsap() == 0xaa && v.llcSsap() == 0xaa && l.has(off + 3, 5)) {
            l.add("oui", FieldList.hex0x((v.u8(off + 3) << 16) | v.u16(off + 4), 6)).hex16("pid", off + 6);
            len = 8;
        }
        return l.layer(Protocol.LLC, off, len);
    }

    /** IEEE 802.1D clause 9.3.1 configuration BPDU layout (RST/MST BPDUs share its first 36 bytes). */
    private static Layer stp(PacketView v) {
        int off = v.payloadOffset() >= 0 ? v.payloadOffset() : v.failure().offset();
        FieldList l = new FieldList(v).hex16("protocol_id", off).u8("version", off + 2).u8("bpdu_type", off + 3);
        // Fields only from the BPDU's own bytes (the LLC length bounds it), never from the frame's padding.
        if (l.has(off, 4) && v.u8(off + 3) != 0x80 && v.payloadLength() >= 35) {
            l.u8("flags", off + 4).hex("root_id", off + 5, 8).u32("root_path_cost", off + 13)
                    .hex("bridge_id", off + 17, 8).hex16("port_id", off + 25).u16("message_age", off + 27)
                    .u16("max_age", off + 29).u16("hello_time", off + 31).u16("forward_delay", off + 33);
        }
        return l.layer(Protocol.STP, off, v.payloadLength() > 0 ? v.payloadLength() : 4);
    }

    private static Layer payloadOnly(PacketView v, Protocol p) {
        return new FieldList(v).add("length", v.payloadLength()).layer(p, v.payloadOffset(), v.payloadLength());
    }
}
