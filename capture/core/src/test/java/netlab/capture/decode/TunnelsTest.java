package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * Tunnels on bytes (frames of {@code sample-pcaps/decode/}, written by {@code scripts/decodeframes.py}): each
 * frame's {@code tcpdump -n -e} line above it (netlab's own line where tcpdump 4.99 has no printer), the header
 * fields, the inner frame's ARP and VLANs, which addresses the analyzers get, and every truncation.
 */
class TunnelsTest {
    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 96: 192.0.2.1 > 192.0.2.2: GREv0, off 0x0, key=0x7, seq 1, proto TEB (0x6558), length 62: 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype 802.1Q (0x8100), length 46: vlan 30, p 0, ethertype ARP (0x0806), Reply 10.0.0.2 is-at 02:00:00:00:00:02, length 28
    static final String GRE_TEB = "000000000002000000000001" + "0800" + "4500005200010000402ff678c0000201c0000202"
            + "b0006558" + "00000000" + "00000007" + "00000001"
            + "020000000001020000000002" + "8100001e" + "0806" + "00010800060400020200000000020a0000020200000000010a000001";

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 96: 192.0.2.1 > 192.0.2.2: GREv0, seq 9, proto unknown (0x88be), length 62: gre-proto-0x88be
    // (tcpdump 4.99 has no ERSPAN printer; its successor's print-erspan.c words it "erspan session 100 vlan 30")
    static final String ERSPAN_2 = "000000000002000000000001" + "0800" + "4500005200010000402ff678c0000201c0000202"
            + "100088be" + "00000009" + "101eb06400012345"
            + "020000000001020000000002" + "8100001e" + "0806" + "00010800060400020200000000020a0000020200000000010a000001";

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 116: ... GREv0, seq 10, proto unknown (0x22eb), length 82: gre-proto-0x22eb
    static final String ERSPAN_3 = "000000000002000000000001" + "0800" + "4500006600010000402ff664c0000201c0000202"
            + "100022eb" + "0000000a" + "201e40c8" + "deadbeef" + "0abc007f" + "0000000100000002"
            + "020000000002020000000001" + "8100a064" + "0800" + "4500002400010000400166d60a0000010a000002"
            + "08006662000700016162636465666768";

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 92: 192.0.2.1.53000 > 192.0.2.2.4789: VXLAN, flags [I] (0x08), vni 42
    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28
    static final String VXLAN = "000000000002000000000001" + "0800" + "4500004e000100004011f69ac0000201c0000202"
            + "cf0812b5003a0000" + "0800000000002a00"
            + "ffffffffffff020000000001" + "0806" + "0001080006040001" + "0200000000010a000001" + "0000000000000a000002";

    // sample-pcaps/vxlan-gbp.pcap frame 5 (the kernel's VXLAN with gbp, the echo request marked 4660 = 0x1234):
    // 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 148: 10.77.0.1.51534 > 10.77.0.2.4789: VXLAN, flags [I] (0x88), vni 42
    // 02:00:00:00:01:01 > 02:00:00:00:01:02, ethertype IPv4 (0x0800), length 98: 10.78.0.1 > 10.78.0.2: ICMP echo request, id 9998, seq 1, length 64
    static final String VXLAN_GBP = "020000000002020000000001" + "0800" + "45000086c19200004011a4380a4d00010a4d0002"
            + "c94e12b500721520" + "8800123400002a00"
            + "020000000102020000000101" + "0800" + "4500005405484000400120c30a4e00010a4e0002"
            + "0800f853270e0001" + "4bb0136b00000000b3ae070000000000101112131415161718191a1b1c1d1e1f"
            + "202122232425262728292a2b2c2d2e2f3031323334353637";

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 100: 192.0.2.1.53002 > 192.0.2.2.6081: Geneve, Flags [none], vni 0x1234, proto TEB (0x6558), options [8 bytes]: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28
    static final String GENEVE = "000000000002000000000001" + "0800" + "45000056000100004011f692c0000201c0000202"
            + "cf0a17c100420000" + "0200655800123400" + "0102800161626364"
            + "ffffffffffff020000000001" + "0806" + "0001080006040001" + "0200000000010a000001" + "0000000000000a000002";

    // 02:00:00:00:00:b1 > 02:00:00:00:00:b2, ethertype 802.1Q-QinQ (0x88a8), length 68: vlan 100, p 0, ethertype Unknown (0x88e7), (tcpdump stops here)
    static final String PBB = "0200000000b20200000000b1" + "88a80064" + "88e7" + "00010001"
            + "ffffffffffff020000000001" + "81000014" + "0806" + "0001080006040001" + "0200000000010a000001"
            + "0000000000000a000002";

    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype Unknown (0x8926), length 52: (tcpdump stops here)
    static final String VNTAG = "020000000001020000000002" + "8926" + "00050007" + "8100001e" + "0806"
            + "00010800060400020200000000020a0000020200000000010a000001";

    // 02:00:01:0a:00:01 > 01:0f:ff:c1:00:00, ethertype Unknown (0x8903), length 66: (tcpdump stops here)
    static final String FABRICPATH = "010fffc100000200010a0001" + "89030060"
            + "ffffffffffff020000000001" + "8100000a" + "0806" + "0001080006040001" + "0200000000010a000001"
            + "0000000000000a000002" + "50678c52";

    private static Frame frame(String hex) {
        return Frame.of(HexFormat.of().parseHex(hex), 0, LinkType.ETHERNET);
    }

    private static PacketView decode(String hex) {
        PacketView v = new PacketView();
        Decoder.decode(frame(hex), v);
        return v;
    }

    private static String summary(String hex) {
        Frame f = frame(hex);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return FrameSummary.line(f, v);
    }

    private static Layer layer(String hex, String protocol) {
        Frame f = frame(hex);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return FrameDetails.layers(f, v).stream().filter(l -> l.protocol().equals(protocol)).findFirst().orElseThrow();
    }

    private static String mac(long m) {
        return new MacAddress(m).toString();
    }

    @Test
    void greBridgesAnEthernetFrameWithItsVlan() {
        PacketView v = decode(GRE_TEB);
        assertNull(v.failure());
        assertEquals("eth:ip:gre:eth:vlan:arp", v.path());
        assertEquals("00:00:00:00:00:01", mac(v.srcMac()));
        assertEquals("02:00:00:00:00:02", mac(v.nearestSrcMac()));
        assertEquals(2, v.arpOpcode());
        assertEquals(0, v.linkVlanId());
        assertEquals(30, v.nearestVlanId());
        assertTrue(v.carriesInnerFrame());
        assertEquals("00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 96: 192.0.2.1 > 192.0.2.2: "
                + "GREv0, off 0x0, key=0x7, seq 1, proto TEB (0x6558), length 62: 02:00:00:00:00:02 > 02:00:00:00:00:01, "
                + "ethertype 802.1Q (0x8100), length 46: vlan 30, p 0, ethertype ARP (0x0806), Reply 10.0.0.2 is-at "
                + "02:00:00:00:00:02, length 28", summary(GRE_TEB));
        Layer gre = layer(GRE_TEB, "gre");
        assertEquals(true, gre.get("checksum_present"));
        assertEquals(7L, gre.get("key"));
        assertEquals(1L, gre.get("sequence"));
        assertEquals(0, gre.get("version"));
        assertEquals(34, gre.offset());
        assertEquals(16, gre.length());
    }

    @Test
    void erspanTypeTwoAndThree() {
        PacketView v = decode(ERSPAN_2);
        assertNull(v.failure());
        assertEquals("eth:ip:gre:erspan:eth:vlan:arp", v.path());
        assertEquals(100, v.tunnelId());
        assertEquals(30, v.nearestVlanId());
        Layer l = layer(ERSPAN_2, "erspan");
        assertEquals("II", l.get("type"));
        assertEquals(100, l.get("session_id"));
        assertEquals(30, l.get("vlan"));
        assertEquals(5, l.get("cos"));
        assertEquals(0x12345, l.get("index"));
        assertTrue(summary(ERSPAN_2).contains("GREv0, seq 9, proto ERSPAN (0x88be), length 62: erspan session 100 "
                + "vlan 30: 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype 802.1Q (0x8100), length 46: vlan 30"));

        PacketView w = decode(ERSPAN_3);
        assertNull(w.failure());
        assertEquals("eth:ip:gre:erspan:eth:vlan:ip:icmp", w.path());
        assertEquals(100, w.nearestVlanId());
        assertEquals(2, w.ipHeaderCount());
        Layer l3 = layer(ERSPAN_3, "erspan");
        assertEquals("III", l3.get("type"));
        assertEquals(200, l3.get("session_id"));
        assertEquals(0xdeadbeefL, l3.get("timestamp"));
        assertEquals(0x0abc, l3.get("sgt"));
        assertEquals(7, l3.get("hw_id"));
        assertEquals("egress", l3.get("direction"));
        assertEquals("0000000100000002", l3.get("platform_specific"));
        assertEquals(20, l3.length());
    }

    @Test
    void vxlanAndGeneveCarryArp() {
        PacketView v = decode(VXLAN);
        assertNull(v.failure());
        assertEquals("eth:ip:udp:vxlan:eth:arp", v.path());
        assertEquals(42, v.tunnelId());
        assertEquals(-1, v.srcPort(), "the tunnel's ports are not the inner packet's");
        assertEquals("02:00:00:00:00:01", mac(v.nearestSrcMac()));
        assertEquals("00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 92: 192.0.2.1.53000 > "
                + "192.0.2.2.4789: VXLAN, flags [I] (0x08), vni 42: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP "
                + "(0x0806), length 42: Request who-has 10.0.0.2 tell 10.0.0.1, length 28", summary(VXLAN));
        assertEquals(42, layer(VXLAN, "vxlan").get("vni"));
        assertEquals(4789, layer(VXLAN, "udp").get("dst_port"));

        PacketView g = decode(GENEVE);
        assertNull(g.failure());
        assertEquals("eth:ip:udp:geneve:eth:arp", g.path());
        assertEquals(0x1234, g.tunnelId());
        Layer l = layer(GENEVE, "geneve");
        assertEquals(8, l.get("options_length"));
        assertEquals(1, l.get("options"));
        assertEquals(16, l.length());
        assertEquals("00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 100: 192.0.2.1.53002 > "
                + "192.0.2.2.6081: Geneve, Flags [none], vni 0x1234, proto TEB (0x6558), options [8 bytes]: "
                + "02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.0.0.2 "
                + "tell 10.0.0.1, length 28", summary(GENEVE));
    }

    /** tshark: vxlan.flags 0x8800, vxlan.flag_g 1, flag_d 0, flag_a 0, vxlan.gbp 4660, vxlan.vni 42. */
    @Test
    void vxlanGroupPolicyAsTsharkShowsIt() {
        PacketView v = decode(VXLAN_GBP);
        assertNull(v.failure());
        assertEquals("eth:ip:udp:vxlan:eth:ip:icmp", v.path());
        assertEquals(42, v.tunnelId());
        Layer l = layer(VXLAN_GBP, "vxlan");
        assertEquals("0x88", l.get("flags"));
        assertEquals(true, l.get("group_policy"));
        assertEquals(false, l.get("dont_learn"));
        assertEquals(false, l.get("policy_applied"));
        assertEquals(4660, l.get("group_policy_id"));
        assertEquals(42, l.get("vni"));
        assertNull(layer(VXLAN, "vxlan").get("group_policy_id"), "without the G flag the bits are reserved");
        assertEquals("02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 148: 10.77.0.1.51534 > "
                + "10.77.0.2.4789: VXLAN, flags [I] (0x88), vni 42: 02:00:00:00:01:01 > 02:00:00:00:01:02, ethertype IPv4 "
                + "(0x0800), length 98: 10.78.0.1 > 10.78.0.2: ICMP echo request, id 9998, seq 1, length 64",
                summary(VXLAN_GBP));
    }

    /** Each frame's layers in wire order: the outer frame's in OSI order, then the inner frame's. */
    @Test
    void detailsKeepOuterBeforeInner() {
        Frame f = frame(VXLAN);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        List<String> names = FrameDetails.layers(f, v).stream().map(Layer::protocol).toList();
        assertEquals(List.of("frame", "eth", "ip", "udp", "vxlan", "eth", "arp", "none", "none", "none"), names);
    }

    @Test
    void pbbAfterABackboneTagIsFoldedAsTsharkDoes() {
        PacketView v = decode(PBB);
        assertNull(v.failure());
        assertEquals("eth:ieee8021ad:vlan:arp", v.path());
        assertEquals(0x10001, v.tunnelId());
        assertEquals("02:00:00:00:00:b1", mac(v.srcMac()));
        assertEquals("02:00:00:00:00:01", mac(v.nearestSrcMac()));
        assertEquals(100, v.linkVlanId());
        assertEquals(20, v.nearestVlanId());
        Layer l = layer(PBB, "ieee8021ah");
        assertEquals(0x10001, l.get("isid"));
        assertEquals("02:00:00:00:00:01", l.get("c_src"));
        assertEquals("02:00:00:00:00:b1 > 02:00:00:00:00:b2, ethertype 802.1Q-QinQ (0x88a8), length 68: vlan 100, p 0, "
                + "ethertype PBB (0x88e7), PBB, isid 65537: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype 802.1Q "
                + "(0x8100), vlan 20, p 0, ethertype ARP (0x0806), Request who-has 10.0.0.2 tell 10.0.0.1, length 28",
                summary(PBB));
        PacketView alone = decode(PBB.substring(0, 24) + PBB.substring(32));
        assertEquals("eth:ieee8021ah:vlan:arp", alone.path());
    }

    @Test
    void vnTagIsATagNotATunnel() {
        PacketView v = decode(VNTAG);
        assertNull(v.failure());
        assertEquals("eth:vntag:vlan:arp", v.path());
        assertFalse(v.carriesInnerFrame());
        assertEquals(30, v.linkVlanId());
        Layer l = layer(VNTAG, "vntag");
        assertEquals(5, l.get("dst_vif"));
        assertEquals(7, l.get("src_vif"));
        assertEquals("from bridge", l.get("direction"));
        assertEquals("02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype VN-Tag (0x8926), length 52: VN-Tag, dst vif 5, "
                + "src vif 7, ethertype 802.1Q (0x8100), vlan 30, p 0, ethertype ARP (0x0806), Reply 10.0.0.2 is-at "
                + "02:00:00:00:00:02, length 28", summary(VNTAG));
    }

    /** FabricPath's outer addresses are switch and port ids: the analyzers get the classical frame's, as tshark's eth.src. */
    @Test
    void fabricPathStationsAreTheClassicalFrames() {
        PacketView v = decode(FABRICPATH);
        assertNull(v.failure());
        assertEquals("eth:cfp:eth:vlan:arp", v.path());
        assertEquals("02:00:00:00:00:01", mac(v.srcMac()));
        assertEquals("ff:ff:ff:ff:ff:ff", mac(v.dstMac()));
        assertFalse(v.carriesInnerFrame());
        assertEquals(10, v.linkVlanId());
        assertEquals(10, v.nearestVlanId());
        Layer l = layer(FABRICPATH, "cfp");
        assertEquals(1, l.get("src_switch_id"));
        assertEquals(10, l.get("src_subswitch_id"));
        assertEquals(1, l.get("src_lid"));
        assertEquals(1, l.get("ftag"));
        assertEquals(32, l.get("ttl"));
        assertTrue(summary(FABRICPATH).startsWith("02:00:01:0a:00:01 > 01:0f:ff:c1:00:00, ethertype FabricPath (0x8903), "
                + "length 66: FabricPath, switch 1 > 4095, ftag 1, ttl 32: 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff"));
    }

    /** Every cut of every tunnel frame decodes without an exception, and a cut inside a tunnel header is its failure. */
    @Test
    void truncatedTunnelHeadersAreFailures() {
        for (String hex : List.of(GRE_TEB, ERSPAN_2, ERSPAN_3, VXLAN, GENEVE, PBB, VNTAG, FABRICPATH)) {
            byte[] full = HexFormat.of().parseHex(hex);
            for (int len = 0; len < full.length; len++) {
                PacketView v = new PacketView();
                Frame f = new Frame(java.util.Arrays.copyOf(full, len), 0, len, full.length, 0, LinkType.ETHERNET, 0);
                Decoder.decode(f, v);
                FrameSummary.line(f, v);
                FrameDetails.layers(f, v);
            }
        }
        // GRE with key and sequence announced but the IP datagram ends after the first 4 bytes.
        PacketView v = decode("000000000002000000000001" + "0800" + "4500001800010000402ff6b2c0000201c0000202" + "30006558");
        assertNotNull(v.failure());
        assertEquals("gre", v.failure().protocol());
        assertEquals(34, v.failure().offset());
        // ERSPAN type II with version 2 (type III's) in its header.
        String badVersion = ERSPAN_2.replace("101eb064", "201eb064");
        assertEquals("erspan", decode(badVersion).failure().protocol());
        // Geneve version 1 (RFC 8926 section 3.4 defines 0 only).
        assertEquals("version 1", decode(GENEVE.replace("0200655800123400", "4200655800123400")).failure().reason());
    }

    /** VXLAN in GRE in VXLAN ... : the fifth tunnelled Ethernet frame is a failure, not a deeper walk. */
    @Test
    void nestingIsBounded() {
        String inner = "ffffffffffff020000000001" + "0806" + "0001080006040001" + "0200000000010a000001" + "0000000000000a000002";
        for (int i = 0; i < PacketView.MAX_TUNNELLED_FRAMES + 1; i++) {
            inner = "000000000002000000000001" + "88e7" + "00000001" + inner;
        }
        PacketView v = decode(inner);
        assertNotNull(v.failure());
        assertEquals("more than " + PacketView.MAX_TUNNELLED_FRAMES + " tunnelled Ethernet frames", v.failure().reason());
        assertEquals(PacketView.MAX_TUNNELLED_FRAMES, v.innerEthernetCount());
    }
}
