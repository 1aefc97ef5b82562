package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

/**
 * Frames shaped like the real traffic that used to fail (issue 15): each hex frame has tcpdump's
 * {@code -n -e -S} rendering above it, and the protocol path tshark 4.0 printed for it.
 */
class RealTrafficTest {
    private static final String ETH_V4 = "000000000002000000000001" + "0800";
    private static final String ETH_V6 = "000000000002000000000001" + "86dd";
    private static final String V6_ADDRS = "20010db8000000000000000000000001" + "20010db8000000000000000000000002";

    private static PacketView decode(Frame f) {
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return v;
    }

    private static Frame frame(String hex) {
        return Frame.of(HexFormat.of().parseHex(hex), 0, LinkType.ETHERNET);
    }

    private static void assertDecoded(String path, String summary, Frame f) {
        PacketView v = decode(f);
        assertNull(v.failure(), () -> String.valueOf(v.failure()));
        assertEquals(path, v.path());
        assertEquals(summary, FrameSummary.line(f, v));
        FrameDetails.layers(f, v).forEach(l -> assertNull(l.failure(), l.toString()));
    }

    // The first fragment of a 1200-byte DNS answer (MF set, offset 0; the UDP length covers the whole datagram).
    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 62: 10.0.0.1.53 > 10.0.0.2.33333: 4660 1/0/1 (20)
    // tshark: eth:ethertype:ip:data (the datagram is dissected on its last fragment); netlab stops at ip too and
    // words it as tcpdump does a later fragment (10.0.0.1 > 10.0.0.2: ip-proto-17).
    @Test
    void firstFragmentOfUdpIsNotAFailure() {
        Frame f = frame(ETH_V4 + "4500003042422000401104790a0000010a000002" + "0035823504b80000"
                + "1234818000010001000000010377777700000100");
        assertDecoded("eth:ip", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 62: "
                + "10.0.0.1 > 10.0.0.2: ip-proto-17", f);
        assertTrue(decode(f).ipFragment());
        assertEquals(28, decode(f).payloadLength());
    }

    // A sending host's capture with TCP segmentation offload: IPv4 total length 0.
    // tcpdump: ... length 154: bad-len 0; tshark: eth:ethertype:ip:tcp, "Total Length: 140 bytes (reported as 0,
    // presumed to be because of "TCP segmentation offload" (TSO))"
    @Test
    void tsoTotalLengthZeroTakesTheFrameLength() {
        Frame f = frame(ETH_V4 + "4500000000010000400666f50a0000010a000002"
                + "00509c40000003e8000007d0501801f600000000" + "78".repeat(100));
        assertDecoded("eth:ip:tcp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 154: "
                + "10.0.0.1.80 > 10.0.0.2.40000: Flags [P.], seq 1000:1100, ack 2000, win 502, length 100", f);
        assertEquals(154, decode(f).ipEnd());
    }

    // An RFC 2675 jumbogram (payload length 0, Jumbo Payload option 70028), captured 150 of 70082 bytes.
    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv6 (0x86dd), length 70082: 2001:db8::1 > 2001:db8::2: HBH 80 > 40000: Flags [.], seq 1000:71000, ack 2000, win 502, length 70000: HTTP
    @Test
    void jumbogramTakesTheJumboPayloadLength() {
        byte[] b = HexFormat.of().parseHex(ETH_V6 + "600000000000" + "0040" + V6_ADDRS + "0600c2040001118c"
                + "00509c40000003e8000007d0501001f600000000" + "7a".repeat(16));
        Frame f = new Frame(b, 0, b.length, 70082, 0, LinkType.ETHERNET, 0);
        assertDecoded("eth:ipv6:ipv6.hopopts:tcp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv6 (0x86dd), "
                + "length 70082: 2001:db8::1.80 > 2001:db8::2.40000: HBH Flags [.], seq 1000:71000, ack 2000, win 502, "
                + "length 70000", f);
    }

    // Linux BIG TCP as libpcap sees it: payload length 0 and no hop-by-hop header.
    // tcpdump: 2001:db8::1 > 2001:db8::2: [|tcp]; tshark: eth:ethertype:ipv6:tcp
    @Test
    void bigTcpPayloadLengthZeroTakesTheFrameLength() {
        Frame f = frame(ETH_V6 + "600000000000" + "0640" + V6_ADDRS
                + "00509c40000003e8000007d0501001f600000000" + "79".repeat(64));
        assertDecoded("eth:ipv6:tcp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv6 (0x86dd), length 138: "
                + "2001:db8::1.80 > 2001:db8::2.40000: Flags [.], seq 1000:1064, ack 2000, win 502, length 64", f);
    }

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 74: 10.0.0.1 > 10.0.0.2: AH(spi=0x00001000,seq=0x5,icv=0x000000000000000000000000): ICMP echo request, id 7, seq 1, length 16
    // tshark: eth:ethertype:ip:ah:icmp:data
    @Test
    void ipv4AuthenticationHeaderIsSteppedOver() {
        Frame f = frame(ETH_V4 + "4500003c000100004033668c0a0000010a000002"
                + "01040000000010000000000500000000000000000000000008006662000700016162636465666768");
        assertDecoded("eth:ip:ah:icmp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 74: "
                + "10.0.0.1 > 10.0.0.2: AH(spi=0x00001000,seq=0x5,icv=0x000000000000000000000000): "
                + "ICMP echo request, id 7, seq 1, length 16", f);
        List<Layer> layers = FrameDetails.layers(f, decode(f));
        Layer ah = layers.stream().filter(l -> l.protocol().equals("ah")).findFirst().orElseThrow();
        assertEquals("0x00001000", ah.get("spi"));
        assertEquals(34, ah.offset());
    }

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 70: 10.0.0.1 > 10.0.0.2: 192.168.0.1 > 192.168.0.2: ICMP echo request, id 7, seq 1, length 16
    // tshark: eth:ethertype:ip:ip:icmp:data, ip.src 10.0.0.1,192.168.0.1
    @Test
    void ipInIpDecodesTheInnerDatagram() {
        Frame f = frame(ETH_V4 + "4500003800010000400466bf0a0000010a000002"
                + "45000024000100004001f984c0a80001c0a8000208006662000700016162636465666768");
        assertDecoded("eth:ip:ip:icmp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 70: "
                + "10.0.0.1 > 10.0.0.2: 192.168.0.1 > 192.168.0.2: ICMP echo request, id 7, seq 1, length 16", f);
        PacketView v = decode(f);
        assertEquals(2, v.ipHeaderCount());
        assertEquals(34, v.l3Offset());
        List<Layer> ips = FrameDetails.layers(f, v).stream().filter(l -> l.protocol().equals("ip")).toList();
        assertEquals(List.of("10.0.0.1", "192.168.0.1"), ips.stream().map(l -> l.get("src")).toList());
        assertEquals(List.of("good", "good"), ips.stream().map(l -> l.get("checksum_status")).toList());
    }

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 90: 10.0.0.1 > 10.0.0.2: 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 9, seq 2, length 16
    // tshark: eth:ethertype:ip:ipv6:icmpv6:data
    @Test
    void sixInFourDecodesTheInnerIpv6() {
        Frame f = frame(ETH_V4 + "4500004c00010000402966860a0000010a000002" + "6000000000103a40" + V6_ADDRS
                + "800000000009000270696e6770696e67");
        assertDecoded("eth:ip:ipv6:icmpv6", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 90: "
                + "10.0.0.1 > 10.0.0.2: 2001:db8::1 > 2001:db8::2: ICMP6, echo request, id 9, seq 2, length 16", f);
        assertEquals(0, decode(f).ipv4Src(), "the view describes the inner (IPv6) header");
    }

    // 00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 74: 10.0.0.1 > 10.0.0.2: ESP(spi=0x00001001,seq=0x3), length 40
    // tshark: eth:ethertype:ip:esp
    @Test
    void espIsNamedAndItsPayloadOpaque() {
        Frame f = frame(ETH_V4 + "4500003c000100004032668d0a0000010a000002" + "0000100100000003" + "00".repeat(32));
        assertDecoded("eth:ip:esp", "00:00:00:00:00:01 > 00:00:00:00:00:02, ethertype IPv4 (0x0800), length 74: "
                + "10.0.0.1 > 10.0.0.2: ESP(spi=0x00001001,seq=0x3), length 40", f);
    }

    // Cisco "arp snap": 802.3 length frame, LLC/SNAP with OUI 0, ARP hardware type 6 (IEEE 802).
    // 00:00:0c:12:34:56 > ff:ff:ff:ff:ff:ff, 802.3, length 36: LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), ethertype ARP (0x0806), length 28: Request who-has 10.0.0.2 tell 10.0.0.1, length 28
    // tshark: eth:llc:arp, arp.hw.type 6
    @Test
    void snapArpIsSummarisedAs8023() {
        Frame f = frame("ffffffffffff00000c1234560024aaaa030000000806"
                + "000608000604000100000c1234560a0000010000000000000a00000200000000000000000000");
        assertDecoded("eth:llc:arp", "00:00:0c:12:34:56 > ff:ff:ff:ff:ff:ff, 802.3, length 36: LLC, dsap SNAP (0xaa) "
                + "Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), ethertype ARP (0x0806), "
                + "length 28: Request who-has 10.0.0.2 tell 10.0.0.1, length 28", f);
    }

    // SNAP-encapsulated IPv4 (RFC 1042): the LLC words, then the datagram's, ICMP last (Icmp is a registered
    // protocol after SNAP, so only what precedes the network layer may write inside the LLC part).
    // 00:00:00:00:00:01 > 00:00:00:00:00:02, 802.3, length 36: LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), ethertype IPv4 (0x0800), length 28: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 9, seq 2, length 8
    // tshark: eth:llc:ip:icmp
    @Test
    void snapIpv4IcmpIsSummarisedAfterTheLlcWords() {
        Frame f = frame("0000000000020000000000010024aaaa030000000800"
                + "4500001c00010000400166de0a0000010a000002" + "0800f7f400090002");
        assertDecoded("eth:llc:ip:icmp", "00:00:00:00:00:01 > 00:00:00:00:00:02, 802.3, length 36: LLC, dsap SNAP (0xaa) "
                + "Individual, ssap SNAP (0xaa) Command, ctrl 0x03: oui Ethernet (0x000000), ethertype IPv4 (0x0800), "
                + "length 28: 10.0.0.1 > 10.0.0.2: ICMP echo request, id 9, seq 2, length 8", f);
    }

    // 4 nested IPv4-in-IPv4 headers are followed; a fifth is a failure, not a deeper walk.
    @Test
    void nestedIpHeadersAreBounded() {
        String inner = "4500001c000100004001f98c" + "c0a80001c0a80002" + "0800f7fd00010001";
        String hex = inner;
        for (int i = 0; i < PacketView.MAX_IP_HEADERS; i++) {
            int total = 20 + hex.length() / 2;
            hex = "4500" + String.format("%04x", total) + "000100004004" + "0000" + "0a0000010a000002" + hex;
        }
        PacketView v = decode(frame(ETH_V4 + hex));
        assertEquals(PacketView.MAX_IP_HEADERS, v.ipHeaderCount());
        assertEquals("ip", v.failure().protocol());
    }
}
