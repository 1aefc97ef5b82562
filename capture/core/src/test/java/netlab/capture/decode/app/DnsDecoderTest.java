package netlab.capture.decode.app;

import static netlab.capture.decode.app.AppTestSupport.assertTruncations;
import static netlab.capture.decode.app.AppTestSupport.decode;
import static netlab.capture.decode.app.AppTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import netlab.capture.decode.Layer;

class DnsDecoderTest {
    private static final AppTestSupport.Decoder DNS = (d, b, o, e) -> DnsDecoder.decode(d, b, o, e, "dns");
    private static final AppTestSupport.Decoder MDNS = (d, b, o, e) -> DnsDecoder.decode(d, b, o, e, "mdns");

    // tcpdump/dns_udp.pcap frame 1, UDP payload (frame offset 42):
    // 192.168.1.11.43966 > 209.87.249.18.53: 22836+ [1au] A? www.tcpdump.org. (56)
    static final byte[] QUERY = hex(
            "593401200001000000000001037777770774637064756d70036f726700000100",
            "01000029100000000000000c000a000842f5d00996f90b13");
    static final int[] QUERY_FIELDS = {0, 2, 4, 6, 8, 10, 12, 16, 24, 28, 29, 31, 33, 34, 36, 38, 42, 44};

    // tcpdump/dns_udp.pcap frame 2: 209.87.249.18.53 > 192.168.1.11.43966: 22836*- 2/2/5
    //   www.tcpdump.org. A 192.139.46.66, www.tcpdump.org. A 198.199.88.104 (224)
    static final byte[] RESPONSE = hex(
            "593485000001000200020005037777770774637064756d70036f726700000100",
            "01c00c000100010000003c0004c08b2e42c00c000100010000003c0004c6c758",
            "68c0100002000100015180001203736e7308636f6f7065726978036e657400c0",
            "1000020001000151800012036e69630973616e64656c6d616e02636100c06b00",
            "0100010000012c0004d157f912c06b001c00010000012c00102607f0b0000f00",
            "0000000000babef00dc04d0001000100001c200004616b850fc04d001c000100",
            "001c20001026003c0300000000f03c91fffe96e8ef0000291000000000000000");
    static final int[] RESPONSE_FIELDS = {0, 2, 4, 6, 8, 10, 12, 16, 24, 28, 29, 31, 33, 35, 37, 39, 43, 45, 49,
        51, 53, 55, 59, 61, 65, 67, 69, 71, 75, 77, 95, 97, 99, 101, 105, 107, 125, 127, 129, 131, 135, 137, 141,
        143, 145, 147, 151, 153, 169, 171, 173, 175, 179, 181, 185, 187, 189, 191, 195, 197, 213, 214, 216, 218,
        222};

    // pcapplusplus/DnsPackets.pcap frame 12: 10.0.0.138.53 > 10.0.0.1.59680: 13370 2/0/0
    //   www.meetingcpp.com. CNAME meetingcpp.com., meetingcpp.com. A 81.169.145.151 (66)
    static final byte[] CNAME = hex(
            "343a81800001000200000000037777770a6d656574696e6763707003636f6d00",
            "00010001c00c00050001000000960002c010c0100001000100000096000451a9",
            "9197");
    static final int[] CNAME_FIELDS = {0, 2, 4, 6, 8, 10, 12, 16, 27, 31, 32, 34, 36, 38, 40, 42, 46, 48, 50, 52,
        54, 56, 60, 62};

    // pcapplusplus/DnsPackets.pcap frame 20: 10.0.0.138.53 > 10.0.0.1.58292: 2913 NXDomain 0/1/0 (102)
    static final byte[] SOA = hex(
            "0b6181830001000000010000047770616404484f4d4500000100010000060001",
            "00000a26004001610c726f6f742d73657276657273036e657400056e73746c64",
            "0c766572697369676e2d67727303636f6d00780cbe6c00000708000003840009",
            "3a8000015180");
    static final int[] SOA_FIELDS = {0, 2, 4, 6, 8, 10, 12, 17, 22, 23, 25, 27, 28, 30, 32, 36, 38};

    // pcapplusplus/DnsPackets.pcap frame 25: 10.0.0.1.5353 > 224.0.0.251.5353: 0 [2q]
    //   PTR (QM)? _apple-mobdev._tcp.local. PTR (QM)? _sleep-proxy._udp.local. (66)
    static final byte[] MDNS_QUERY = hex(
            "0000000000020000000000000d5f6170706c652d6d6f62646576045f74637005",
            "6c6f63616c00000c00010c5f736c6565702d70726f7879045f756470c01f000c",
            "0001");
    static final int[] MDNS_QUERY_FIELDS = {0, 2, 4, 6, 8, 10, 12, 26, 31, 37, 38, 40, 42, 55, 60, 62, 64};

    // pcapplusplus/DnsPackets.pcap frame 421: 10.0.0.2.5353 > 224.0.0.251.5353: 0*- [0q] 2/0/3
    //   2.0.0.10.in-addr.arpa. (Cache flush) PTR Yaels-iPhone.local., Yaels-iPhone.local. (Cache flush) A 10.0.0.2 (139)
    static final byte[] MDNS_RESPONSE = hex(
            "00008400000000020000000301320130013002313007696e2d61646472046172",
            "706100000c80010000007800140c5961656c732d6950686f6e65056c6f63616c",
            "00c02d000180010000007800040a000002c00c002f8001000000780006c00c00",
            "020008c02d002f8001000000780005c02d00014000002905a000001194000c00",
            "04000800df581faa4f3f9d");
    static final int[] MDNS_RESPONSE_FIELDS = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 21, 29, 34, 35, 37, 39, 43, 45,
        65, 67, 69, 71, 75, 77, 81, 83, 85, 87, 91, 93, 99, 101, 103, 105, 109, 111, 116, 117, 119, 121, 125, 127};

    @Test
    void query() {
        Layer l = decode(DNS, QUERY);
        assertNull(l.failure());
        assertEquals(7, l.osiLayer());
        assertEquals("dns", l.protocol());
        assertEquals(4, l.offset());
        assertEquals(56, l.length());
        assertEquals(22836, l.get("id"));
        assertEquals("0x0120", l.get("flags"));
        assertEquals(false, l.get("qr"));
        assertEquals("QUERY", l.get("opcode"));
        assertEquals(true, l.get("rd"));
        assertEquals(true, l.get("ad"));
        assertEquals("NOERROR", l.get("rcode"));
        assertEquals(1, l.get("qdcount"));
        assertEquals(1, l.get("arcount"));
        assertEquals(List.of(Map.of("name", "www.tcpdump.org.", "type", "A", "class", "IN")), l.get("questions"));
        Map<?, ?> opt = (Map<?, ?>) ((List<?>) l.get("additional")).get(0);
        assertEquals(".", opt.get("name"));
        assertEquals("OPT", opt.get("type"));
        assertEquals(4096, opt.get("udp_payload_size"));
        assertEquals(12, opt.get("rdlength"));
        assertEquals("A? www.tcpdump.org.", l.get("summary"));
    }

    @Test
    void response() {
        Layer l = decode(DNS, RESPONSE);
        assertNull(l.failure());
        assertEquals(224, l.length());
        assertEquals(true, l.get("qr"));
        assertEquals(true, l.get("aa"));
        assertEquals(false, l.get("ra"));
        List<?> an = (List<?>) l.get("answers");
        assertEquals(Map.of("name", "www.tcpdump.org.", "type", "A", "class", "IN", "ttl", 60L, "rdlength", 4,
                "address", "192.139.46.66", "rdata", "192.139.46.66"), an.get(0));
        Map<?, ?> ns = (Map<?, ?>) ((List<?>) l.get("authority")).get(1);
        assertEquals("NS", ns.get("type"));
        assertEquals("nic.sandelman.ca.", ns.get("target"));
        assertEquals(86400L, ns.get("ttl"));
        List<?> ar = (List<?>) l.get("additional");
        assertEquals(5, ar.size());
        assertEquals("2607:f0b0:f::babe:f00d", ((Map<?, ?>) ar.get(1)).get("address"));
        assertEquals("nic.sandelman.ca.", ((Map<?, ?>) ar.get(1)).get("name"));
        assertEquals("2600:3c03::f03c:91ff:fe96:e8ef", ((Map<?, ?>) ar.get(3)).get("address"));
        assertEquals("2/2/5 A 192.139.46.66, A 198.199.88.104", l.get("summary"));
    }

    @Test
    void cnameAndSoa() {
        Layer c = decode(DNS, CNAME);
        assertNull(c.failure());
        assertEquals("2/0/0 CNAME meetingcpp.com., A 81.169.145.151", c.get("summary"));
        Layer s = decode(DNS, SOA);
        assertNull(s.failure());
        assertEquals("NXDOMAIN", s.get("rcode"));
        Map<?, ?> soa = (Map<?, ?>) ((List<?>) s.get("authority")).get(0);
        assertEquals(".", soa.get("name"));
        assertEquals("SOA", soa.get("type"));
        assertEquals("a.root-servers.net.", soa.get("mname"));
        assertEquals("nstld.verisign-grs.com.", soa.get("rname"));
        assertEquals(2014101100L, soa.get("serial"));
        assertEquals(1800L, soa.get("refresh"));
        assertEquals(900L, soa.get("retry"));
        assertEquals(604800L, soa.get("expire"));
        assertEquals(86400L, soa.get("minimum"));
        assertEquals("NXDOMAIN 0/1/0", s.get("summary"));
        assertEquals("A? wpad.HOME.", s.get("questions") instanceof List<?> q
                ? ((Map<?, ?>) q.get(0)).get("type") + "? " + ((Map<?, ?>) q.get(0)).get("name") : null);
    }

    @Test
    void mdns() {
        Layer q = decode(MDNS, MDNS_QUERY);
        assertNull(q.failure());
        assertEquals("mdns", q.protocol());
        assertEquals("PTR? _apple-mobdev._tcp.local., PTR? _sleep-proxy._udp.local.", q.get("summary"));
        assertEquals(false, ((Map<?, ?>) ((List<?>) q.get("questions")).get(1)).get("unicast_response"));
        Layer r = decode(MDNS, MDNS_RESPONSE);
        assertNull(r.failure());
        List<?> an = (List<?>) r.get("answers");
        Map<?, ?> ptr = (Map<?, ?>) an.get(0);
        assertEquals("2.0.0.10.in-addr.arpa.", ptr.get("name"));
        assertEquals("IN", ptr.get("class"));
        assertEquals(true, ptr.get("cache_flush"));
        assertEquals("Yaels-iPhone.local.", ptr.get("target"));
        assertEquals("2/0/3 PTR Yaels-iPhone.local., A 10.0.0.2", r.get("summary"));
        Map<?, ?> nsec = (Map<?, ?>) ((List<?>) r.get("additional")).get(0);
        assertEquals("NSEC", nsec.get("type"));
        assertEquals("6 bytes", nsec.get("rdata"));
        assertEquals("c00c00020008", nsec.get("rdata_hex"));
    }

    @Test
    void everyTruncationFailsAtTheFieldThatDidNotFit() {
        assertTruncations(DNS, QUERY, QUERY_FIELDS, QUERY.length);
        assertTruncations(DNS, RESPONSE, RESPONSE_FIELDS, RESPONSE.length);
        assertTruncations(DNS, CNAME, CNAME_FIELDS, CNAME.length);
        assertTruncations(DNS, SOA, SOA_FIELDS, SOA.length);
        assertTruncations(MDNS, MDNS_QUERY, MDNS_QUERY_FIELDS, MDNS_QUERY.length);
        assertTruncations(MDNS, MDNS_RESPONSE, MDNS_RESPONSE_FIELDS, MDNS_RESPONSE.length);
    }

    @Test
    void overTcpTheLengthPrefixBoundsTheMessage() {
        byte[] tcp = new byte[QUERY.length + 2];
        tcp[1] = (byte) QUERY.length;
        System.arraycopy(QUERY, 0, tcp, 2, QUERY.length);
        Layer l = DnsDecoder.decodeTcp(tcp, 0, 0, tcp.length, "dns");
        assertNull(l.failure());
        assertEquals(56, l.get("tcp_length"));
        assertEquals("A? www.tcpdump.org.", l.get("summary"));
        assertEquals(58, l.length());
        assertEquals(0, DnsDecoder.decodeTcp(tcp, 0, 0, 1, "dns").failure().offset());
        assertEquals(2 + 33, DnsDecoder.decodeTcp(tcp, 0, 0, 2 + 33, "dns").failure().offset());
    }

    @Test
    void pointerToItselfIsALoopAndFailsAtThePointer() {
        byte[] m = hex("000100000001000000000000", "c00c", "00010001");
        Layer l = decode(DNS, m);
        assertEquals(4 + 12, l.failure().offset());
        assertTrue(l.failure().reason().contains("backwards"), l.failure().reason());
        byte[] twoStep = hex("000100000001000000000000", "0161c00c", "00010001");
        assertEquals(4 + 14, decode(DNS, twoStep).failure().offset());
    }

    @Test
    void pointerPastTheEndFails() {
        byte[] m = hex("000100000001000000000000", "0161", "c0ff", "00010001");
        Layer l = decode(DNS, m);
        assertEquals(4 + 14, l.failure().offset());
        assertEquals("compression pointer past end of data", l.failure().reason());
    }

    @Test
    void nameLongerThan255BytesFails() {
        StringBuilder sb = new StringBuilder("000100000001000000000000");
        for (int i = 0; i < 5; i++) {
            sb.append("3f").append("61".repeat(63));
        }
        sb.append("0000010001");
        Layer l = decode(DNS, hex(sb.toString()));
        assertEquals(4 + 12 + 3 * 64, l.failure().offset(), "the fourth 63-byte label makes 257 bytes");
    }

    @Test
    void hugeCountsStopAtTheEndOfData() {
        Layer l = decode(DNS, hex("1234", "8180", "ffff", "ffff", "ffff", "ffff", "0000010001", "0000010001"));
        assertEquals(4 + 22, l.failure().offset());
        assertEquals(2, ((List<?>) l.get("questions")).size());
        assertEquals(65535, l.get("ancount"));
    }

    @Test
    void malformedRdataFailsAtTheRdata() {
        byte[] m = hex("000181800000000100000000", "00", "0001", "0001", "00000000", "0003", "010203");
        Layer l = decode(DNS, m);
        assertEquals(4 + 23, l.failure().offset());
        assertEquals("A rdata length 3 != 4", l.failure().reason());
    }

    @Test
    void randomAndMutatedBytesNeverThrow() {
        Random rnd = new Random(1035);
        byte[][] samples = {QUERY, RESPONSE, CNAME, SOA, MDNS_QUERY, MDNS_RESPONSE};
        for (int i = 0; i < 20_000; i++) {
            byte[] m;
            if (i % 2 == 0) {
                m = new byte[rnd.nextInt(300)];
                rnd.nextBytes(m);
            } else {
                m = samples[rnd.nextInt(samples.length)].clone();
                for (int k = rnd.nextInt(4); k >= 0; k--) {
                    m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
                }
            }
            assertNotNull(decode(i % 3 == 0 ? MDNS : DNS, m));
            assertNotNull(DnsDecoder.decodeTcp(m, 0, 0, m.length, "llmnr"));
        }
    }
}
