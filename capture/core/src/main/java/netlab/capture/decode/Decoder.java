package netlab.capture.decode;

import netlab.capture.Frame;

/**
 * Decodes a frame's headers into a reused {@link PacketView} without allocating on success; this part
 * handles the link layer (Ethernet II / 802.3, 802.1Q/802.1ad tags, 802.2 LLC/SNAP, Linux SLL/SLL2,
 * raw IP, BSD null) and hands over to {@link NetworkDecoder}.
 */
public final class Decoder {
    static final int ETH_HEADER = 14;

    private Decoder() {
    }

    /** Decodes {@code f} into {@code v}, replacing its previous content; never throws on malformed bytes. */
    public static void decode(Frame f, PacketView v) {
        v.reset(f);
        // The link types here are LinkType's decoded rows; LinkTypeTableTest keeps the two in step.
        switch (f.linkType().value()) {
            case 1 -> ethernet(v);
            case 113 -> sll(v);
            case 276 -> sll2(v);
            case 101, 12, 14 -> raw(v);
            case 0, 108 -> nullLink(v);
            case 228 -> NetworkDecoder.ipv4(v, 0);
            case 229 -> NetworkDecoder.ipv6(v, 0);
            case 9, 50 -> PppLink.ppp(v, 0, v.captured);
            case 51 -> PppLink.pppoe(v, 0, true);
            case 104 -> CiscoHdlc.decode(v);
            case 105 -> Ieee80211.wlan(v, 0, v.captured);
            case 127 -> Ieee80211.radiotap(v);
            case 239 -> Nflog.decode(v);
            default -> v.failure = new DecodeFailure("frame", 1, 0, "unsupported link type " + f.linkType().value()
                    + " (" + f.linkType().name() + ")");
        }
    }

    private static void ethernet(PacketView v) {
        v.push(Protocol.ETH);
        if (!v.has(0, ETH_HEADER)) {
            v.fail(Protocol.ETH, 0, "truncated header");
            return;
        }
        v.dstMac = v.mac(0);
        v.srcMac = v.mac(6);
        typeOrLength(v, 12, v.u16(12));
    }

    /**
     * An Ethernet frame inside a tunnel: its MACs go to the view's inner fields (the outer ones stay the
     * capture point's), its tags join the VLAN list after the outer ones.
     */
    static void innerEthernet(PacketView v, int off, int end) {
        v.push(Protocol.ETH, off);
        if (!v.enterFrame(Protocol.ETH, off)) {
            return;
        }
        if (!v.has(off, ETH_HEADER)) {
            v.fail(Protocol.ETH, off, "truncated header");
            return;
        }
        typeOrLength(v, off + 12, v.u16(off + 12));
    }

    /** IEEE 802.3 clause 3.2.6: a value <= 1500 is a length and an 802.2 LLC header follows. */
    static void typeOrLength(PacketView v, int typeOffset, int value) {
        int next = typeOffset + 2;
        if (value <= 1500) {
            v.etherType = -1;
            llc(v, next, Math.min(v.captured, next + value));
        } else {
            etherType(v, next, value);
        }
    }

    static void etherType(PacketView v, int off, int type) {
        v.etherType = type;
        switch (type) {
            case 0x8100, 0x9100 -> vlan(v, off, type, Protocol.VLAN);
            case 0x88a8 -> vlan(v, off, type, Protocol.IEEE8021AD);
            case 0x0806, 0x8035 -> Arp.decode(v, off);
            case 0x0800 -> NetworkDecoder.ipv4(v, off);
            case 0x86dd -> NetworkDecoder.ipv6(v, off);
            case 0x8847, 0x8848 -> Mpls.decode(v, off, v.captured);
            case 0x8863 -> PppLink.pppoe(v, off, false);
            case 0x8864 -> PppLink.pppoe(v, off, true);
            case 0x888e -> Eapol.decode(v, off);
            case 0x88cc -> Lldp.decode(v, off);
            case 0x8809 -> SlowProtocols.decode(v, off);
            case 0x88f7 -> Ptp.decode(v, off, v.captured);
            case 0x88e5 -> Macsec.decode(v, off);
            case 0x88f5 -> Mrp.decode(v, off, v.captured, Protocol.MVRP);
            case 0x88f6 -> Mrp.decode(v, off, v.captured, Protocol.MMRP);
            case 0x88e7 -> Pbb.decode(v, off);
            case 0x8926 -> VnTag.decode(v, off);
            case 0x8903 -> FabricPath.decode(v, off);
            default -> v.payload(off, v.captured);
        }
    }

    /** IEEE 802.1Q clause 9.6: TCI (PCP 3 bits, DEI 1, VID 12) then the inner type or length. */
    private static void vlan(PacketView v, int off, int tpid, Protocol p) {
        v.push(p, off);
        if (v.vlanCount == PacketView.MAX_VLAN_TAGS) {
            v.fail(p, off, "too many VLAN tags");
            return;
        }
        if (!v.has(off, 4)) {
            v.fail(p, off, "truncated tag");
            return;
        }
        v.vlanTci[v.vlanCount] = v.u16(off);
        v.vlanTpid[v.vlanCount] = tpid;
        v.vlanOffset[v.vlanCount] = off;
        v.vlanCount++;
        typeOrLength(v, off + 2, v.u16(off + 2));
    }

    /** IEEE 802.2: DSAP, SSAP, control (1 byte for U frames, else 2); SNAP (RFC 1042) after AA/AA/03. */
    static void llc(PacketView v, int off, int end) {
        v.push(Protocol.LLC);
        v.llcOffset = off;
        if (!v.has(off, 3)) {
            v.fail(Protocol.LLC, off, "truncated header");
            return;
        }
        v.llcDsap = v.u8(off);
        v.llcSsap = v.u8(off + 1);
        int ctrl = v.u8(off + 2);
        int len = 3;
        if ((ctrl & 3) != 3) {
            if (!v.has(off, 4)) {
                v.fail(Protocol.LLC, off, "truncated header");
                return;
            }
            ctrl = v.u16(off + 2);
            len = 4;
        }
        v.llcControl = ctrl;
        int next = off + len;
        if (v.llcDsap == 0x42 && v.llcSsap == 0x42) {
            stp(v, next, end);
        } else if (v.llcDsap == 0xaa && v.llcSsap == 0xaa && ctrl == 3) {
            snap(v, next, end);
        } else {
            v.payload(next, end);
        }
    }

    private static void snap(PacketView v, int off, int end) {
        if (!v.has(off, 5)) {
            v.fail(Protocol.LLC, off, "truncated SNAP header");
            return;
        }
        int oui = (v.u8(off) << 16) | v.u16(off + 1);
        int pid = v.u16(off + 3);
        int next = off + 5;
        if (oui == 0) {
            etherType(v, next, pid);
        } else if (oui == 0x00000c && pid == 0x2000) {
            v.push(Protocol.CDP);
            v.payload(next, end);
        } else if (oui == 0x00000c && pid == 0x010b) {
            stp(v, next, end);
        } else {
            v.payload(next, end);
        }
    }

    /**
     * IEEE 802.1D clause 9.3: every BPDU starts with protocol id (2), version (1) and type (1); protocol id 1
     * on the same SAP is GARP.
     */
    private static void stp(PacketView v, int off, int end) {
        v.push(Protocol.STP);
        if (v.has(off, 2) && v.u16(off) == 1) {
            // Protocol id 1 is GARP (IEEE 802.1D-2004 clause 12.11), named by its group address as tshark does.
            Mrp.decode(v, off, end, v.dstMac == 0x0180_c200_0020L ? Protocol.GMRP : Protocol.GVRP);
            return;
        }
        if (!v.has(off, 4)) {
            v.fail(Protocol.STP, off, "truncated BPDU");
            return;
        }
        v.payload(off, end);
    }

    /** Linux cooked v1: packet type, ARPHRD type, address length, 8 address bytes, protocol. */
    private static void sll(PacketView v) {
        v.push(Protocol.SLL);
        if (!v.has(0, 16)) {
            v.fail(Protocol.SLL, 0, "truncated header");
            return;
        }
        v.sllPacketType = v.u16(0);
        v.sllHaType = v.u16(2);
        if (v.u16(4) == 6) {
            v.srcMac = v.mac(6);
        }
        sllProtocol(v, 16, v.u16(14));
    }

    /** Linux cooked v2: protocol, reserved, interface index, ARPHRD type, packet type, address length, address. */
    private static void sll2(PacketView v) {
        v.push(Protocol.SLL);
        if (!v.has(0, 20)) {
            v.fail(Protocol.SLL, 0, "truncated header");
            return;
        }
        v.sllHaType = v.u16(8);
        v.sllPacketType = v.u8(10);
        if (v.u8(11) == 6) {
            v.srcMac = v.mac(12);
        }
        sllProtocol(v, 20, v.u16(0));
    }

    /** Values below 0x0600 are Linux ETH_P_ pseudo-types; ETH_P_802_2 (4) means an LLC header follows. */
    private static void sllProtocol(PacketView v, int off, int protocol) {
        if (protocol == 4) {
            v.etherType = -1;
            llc(v, off, v.captured);
        } else if (protocol >= 0x0600) {
            etherType(v, off, protocol);
        } else {
            v.payload(off, v.captured);
        }
    }

    private static void raw(PacketView v) {
        v.push(Protocol.RAW);
        if (!v.has(0, 1)) {
            v.fail(Protocol.RAW, 0, "empty packet");
            return;
        }
        switch (v.u8(0) >>> 4) {
            case 4 -> NetworkDecoder.ipv4(v, 0);
            case 6 -> NetworkDecoder.ipv6(v, 0);
            default -> v.fail(Protocol.RAW, 0, "IP version " + (v.u8(0) >>> 4));
        }
    }

    /** BSD loopback: a 4-byte address family in the capturing host's byte order. */
    private static void nullLink(PacketView v) {
        v.push(Protocol.NULL);
        if (!v.has(0, 4)) {
            v.fail(Protocol.NULL, 0, "truncated header");
            return;
        }
        int family = v.s32(0);
        if ((family & 0xffff0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        switch (family) {
            case 2 -> NetworkDecoder.ipv4(v, 4);
            case 10, 24, 28, 30 -> NetworkDecoder.ipv6(v, 4);
            default -> v.payload(4, v.captured);
        }
    }
}
