package netlab.capture.decode.app;

import static netlab.capture.decode.app.AppTestSupport.assertTruncations;
import static netlab.capture.decode.app.AppTestSupport.decode;
import static netlab.capture.decode.app.AppTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import netlab.capture.decode.Layer;

class DhcpDecoderTest {
    private static final AppTestSupport.Decoder DHCP = DhcpDecoder::decode;

    // pcapplusplus/Dhcp1.pcap frame 1, UDP payload (frame offset 42):
    // 172.22.178.234.67 > 10.10.8.240.67: BOOTP/DHCP, Reply, length 376, hops 1, xid 0x7771cf85, secs 10, Flags [none]
    //   Your-IP 10.10.8.235 Server-IP 172.22.178.234 Gateway-IP 10.10.8.240 Client-Ethernet-Address 00:0e:86:11:c0:75
    //   DHCP-Message (53): Offer, Subnet-Mask (1): 255.255.255.0, Server-ID (54): 172.22.178.234,
    //   Lease-Time (51): 43200, Default-Gateway (3): 10.10.8.254, Domain-Name-Server (6): 143.209.4.1,143.209.5.1,
    //   TFTP (66): "172.22.178.234", Unknown (120), Client-ID (61): "nathan1clientid", AUTH (90), Agent-Information (82)
    static final byte[] OFFER = hex(
            "020106017771cf85000a0000000000000a0a08ebac16b2ea0a0a08f0000e8611",
            "c075" + "00".repeat(202),
            "638253633501020104ffffff003604ac16b2ea33",
            "040000a8c003040a0a08fe06088fd104018fd10501420e3137322e32322e3137",
            "382e323334780501ac16b2ea3d10006e617468616e31636c69656e7469645a1f",
            "010100c878c45256402081313233348fe0cce2ee8596abb25817c480b2fd3052",
            "16011420504f4e20312f312f30372f30313a312e302e31ff");
    static final int[] OFFER_FIELDS = {0, 1, 2, 3, 4, 8, 10, 12, 16, 20, 24, 28, 44, 108, 236, 240, 241, 242, 243,
        244, 245, 249, 250, 251, 255, 256, 257, 261, 262, 263, 267, 268, 269, 277, 278, 279, 293, 294, 295, 300,
        301, 302, 318, 319, 320, 351, 352, 353, 375};

    // chrissanders-packets/dhcp_nolease_initialization.pcapng frame 3:
    // 0.0.0.0.68 > 255.255.255.255.67: BOOTP/DHCP, Request from 00:0c:29:59:fd:21, length 300, xid 0x696ddc66
    //   DHCP-Message (53): Request, Server-ID (54): 192.168.1.5, Requested-IP (50): 192.168.1.10,
    //   Hostname (12): "ubuntu2", Parameter-Request (55), length 13; then End and 24 pad bytes
    static final byte[] REQUEST = hex(
            "01010600696ddc660000000000000000000000000000000000000000000c2959",
            "fd21" + "00".repeat(202),
            "638253633501033604c0a801053204c0a8010a0c",
            "077562756e747532370d011c02030f06770c2c2f1a792aff0000000000000000",
            "000000000000000000000000");
    static final int[] REQUEST_FIELDS = {0, 1, 2, 3, 4, 8, 10, 12, 16, 20, 24, 28, 44, 108, 236, 240, 241, 242, 243,
        244, 245, 249, 250, 251, 255, 256, 257, 264, 265, 266, 279};

    @Test
    void offer() {
        Layer l = decode(DHCP, OFFER);
        assertNull(l.failure());
        assertEquals("dhcp", l.protocol());
        assertEquals(4, l.offset());
        assertEquals(376, l.length());
        assertEquals("OFFER (2)", l.get("message_type").toString());
        assertEquals("00:0e:86:11:c0:75", l.get("client_mac"));
        assertNull(l.get("requested_ip"));
        assertEquals("BOOTREPLY", l.get("op"));
        assertEquals(1, l.get("htype"));
        assertEquals(6, l.get("hlen"));
        assertEquals(1, l.get("hops"));
        assertEquals("0x7771cf85", l.get("xid"));
        assertEquals(10, l.get("secs"));
        assertEquals(false, l.get("broadcast"));
        assertEquals("0.0.0.0", l.get("ciaddr"));
        assertEquals("10.10.8.235", l.get("yiaddr"));
        assertEquals("172.22.178.234", l.get("siaddr"));
        assertEquals("10.10.8.240", l.get("giaddr"));
        assertNull(l.get("sname"));
        List<?> opts = (List<?>) l.get("options");
        assertEquals(11, opts.size());
        assertEquals(Map.of("code", 1, "name", "subnet_mask", "length", 4, "value", "255.255.255.0"), opts.get(1));
        assertEquals("172.22.178.234", ((Map<?, ?>) opts.get(2)).get("value"));
        assertEquals(43200L, ((Map<?, ?>) opts.get(3)).get("value"));
        assertEquals(List.of("143.209.4.1", "143.209.5.1"), ((Map<?, ?>) opts.get(5)).get("value"));
        assertEquals("172.22.178.234", ((Map<?, ?>) opts.get(6)).get("value"));
        assertEquals("006e617468616e31636c69656e746964", ((Map<?, ?>) opts.get(8)).get("value"));
        assertEquals(Map.of("code", 120, "name", "option_120", "length", 5, "value", "01ac16b2ea"), opts.get(7));
    }

    @Test
    void request() {
        Layer l = decode(DHCP, REQUEST);
        assertNull(l.failure());
        assertEquals(280, l.length());
        assertEquals("REQUEST (3)", l.get("message_type").toString());
        assertEquals("192.168.1.10", l.get("requested_ip"));
        assertEquals("00:0c:29:59:fd:21", l.get("client_mac"));
        List<?> opts = (List<?>) l.get("options");
        assertEquals("ubuntu2", ((Map<?, ?>) opts.get(3)).get("value"));
        assertEquals(List.of(1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42), ((Map<?, ?>) opts.get(4)).get("value"));
    }

    @Test
    void everyTruncationFailsAtTheFieldThatDidNotFit() {
        assertTruncations(DHCP, OFFER, OFFER_FIELDS, 376);
        // The pad bytes after the end option are not needed.
        assertTruncations(DHCP, REQUEST, REQUEST_FIELDS, 280);
    }

    @Test
    void withoutMagicCookieItIsBootp() {
        byte[] m = REQUEST.clone();
        m[236] = 0;
        Layer l = decode(DHCP, m);
        assertNull(l.failure());
        assertEquals("bootp", l.protocol());
        assertNull(l.get("options"));
    }

    @Test
    void optionLengthPastTheDataFails() {
        byte[] m = hex("0101060000000001" + "00".repeat(20) + "000c2959fd21" + "00".repeat(202), "63825363",
                "0c20", "6162");
        Layer l = decode(DHCP, m);
        assertEquals(4 + 242, l.failure().offset());
        assertEquals("truncated option 12 value", l.failure().reason());
    }

    @Test
    void randomAndMutatedBytesNeverThrow() {
        Random rnd = new Random(2131);
        for (int i = 0; i < 10_000; i++) {
            byte[] m = (i % 2 == 0 ? OFFER : REQUEST).clone();
            for (int k = rnd.nextInt(6); k >= 0; k--) {
                m[236 + rnd.nextInt(m.length - 236)] = (byte) rnd.nextInt(256);
            }
            assertNotNull(decode(DHCP, m));
            byte[] r = new byte[rnd.nextInt(400)];
            rnd.nextBytes(r);
            assertNotNull(decode(DHCP, r));
        }
    }
}
