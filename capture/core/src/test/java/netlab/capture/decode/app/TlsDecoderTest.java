package netlab.capture.decode.app;

import static netlab.capture.decode.app.AppTestSupport.assertTruncations;
import static netlab.capture.decode.app.AppTestSupport.decode;
import static netlab.capture.decode.app.AppTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import netlab.capture.decode.Layer;

class TlsDecoderTest {
    private static final AppTestSupport.Decoder TLS = TlsDecoder::decode;

    // No public capture holds TLS; this is frame 4 of a loopback capture of
    // `openssl s_client -connect 127.0.0.1:44330 -servername www.example.org -tls1_2`, TCP payload (offset 66).
    // tshark: TLSv1 Record Layer: Handshake Protocol: Client Hello, Version TLS 1.0, Length 207,
    //   Handshake Length 203, Version TLS 1.2, Session ID Length 0, Cipher Suites Length 56 (28 suites),
    //   Compression Methods Length 1, Extensions Length 106, server_name www.example.org (7 extensions)
    static final byte[] CLIENT_HELLO = hex(
            "16030100cf010000cb0303d797e3c849f234ded87c47e8e1b775cebb290e3482",
            "ece6efe57412f8ad48a839000038c02cc030009fcca9cca8ccaac02bc02f009e",
            "c024c028006bc023c0270067c00ac0140039c009c0130033009d009c003d003c",
            "0035002f00ff0100006a00000014001200000f7777772e6578616d706c652e6f",
            "7267000b000403000102000a000c000a001d0017001e00190018002300000016",
            "000000170000000d002a0028040305030603080708080809080a080b08040805",
            "0806040105010601030303010302040205020602");
    static final int[] CLIENT_HELLO_FIELDS = {0, 1, 3, 5, 6, 9, 11, 43, 44, 46, 102, 103, 104, 106, 108, 110, 130,
        132, 134, 138, 140, 142, 154, 156, 158, 160, 162, 164, 166, 168, 170};

    // Frame 6 of the same capture, first record only: TLSv1.2 Record Layer: Handshake Protocol: Server Hello,
    //   Length 65, Version TLS 1.2, Cipher Suite TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (0xc030)
    static final byte[] SERVER_HELLO = hex(
            "16030300410200003d0303176f39b0fee8e8ceaa2733c08c0086f9b304c6c6fa",
            "8f71ba444f574e4752440100c030000015ff01000100000b0004030001020023",
            "000000170000");

    @Test
    void clientHello() {
        Layer l = decode(TLS, CLIENT_HELLO);
        assertNull(l.failure());
        assertEquals(6, l.osiLayer());
        assertEquals("tls", l.protocol());
        assertEquals(4, l.offset());
        assertEquals(212, l.length());
        assertEquals("handshake", l.get("content_type"));
        assertEquals("TLS 1.0", l.get("version"));
        assertEquals(207, l.get("length"));
        assertEquals("client_hello", l.get("handshake_type"));
        assertEquals(203, l.get("handshake_length"));
        assertEquals("TLS 1.2", l.get("client_version"));
        assertEquals(0, l.get("session_id_length"));
        assertEquals(28, l.get("cipher_suite_count"));
        assertEquals(7, l.get("extension_count"));
        assertEquals("www.example.org", l.get("server_name"));
    }

    @Test
    void serverHello() {
        Layer l = decode(TLS, SERVER_HELLO);
        assertNull(l.failure());
        assertEquals("TLS 1.2", l.get("version"));
        assertEquals(List.of("server_hello"), l.get("handshake_types"));
        assertEquals("0xc030", l.get("cipher_suite"));
        assertEquals(4, l.get("extension_count"));
        assertNull(l.get("server_name"));
    }

    @Test
    void everyTruncationFailsAtTheFieldThatDidNotFit() {
        assertTruncations(TLS, CLIENT_HELLO, CLIENT_HELLO_FIELDS, CLIENT_HELLO.length);
    }

    @Test
    void opaqueRecordsAndAlerts() {
        Layer app = decode(TLS, hex("1703030020", "00".repeat(10)));
        assertNull(app.failure());
        assertEquals("application_data", app.get("content_type"));
        assertEquals(10, app.get("fragment_captured"));
        Layer alert = decode(TLS, hex("15030300020246"));
        assertEquals("fatal", alert.get("alert_level"));
        assertEquals("protocol_version", alert.get("alert_description"));
        Layer finished = decode(TLS, hex("1603030028", "3f".repeat(40)));
        assertNull(finished.failure());
        assertEquals(true, finished.get("encrypted_handshake"));
    }

    @Test
    void looksLikeTls() {
        assertTrue(TlsDecoder.looksLikeTls(CLIENT_HELLO, 0, CLIENT_HELLO.length));
        assertFalse(TlsDecoder.looksLikeTls(CLIENT_HELLO, 0, 4));
        assertFalse(TlsDecoder.looksLikeTls(hex("1903030010"), 0, 5));
        assertFalse(TlsDecoder.looksLikeTls(hex("1602030010"), 0, 5));
        assertFalse(TlsDecoder.looksLikeTls(hex("1603050010"), 0, 5));
        assertFalse(TlsDecoder.looksLikeTls(hex("1603034801"), 0, 5));
        assertTrue(TlsDecoder.looksLikeTls(hex("1803034800"), 0, 5));
    }

    /** On ports not registered to TLS a record header alone is not enough: a handshake that fits, or whole records. */
    @Test
    void looksLikeTlsAnyPortWantsAHelloOrWholeRecords() {
        assertTrue(TlsDecoder.looksLikeTlsAnyPort(CLIENT_HELLO, 0, CLIENT_HELLO.length));
        assertFalse(TlsDecoder.looksLikeTlsAnyPort(hex("1703030005"), 0, 5));
        assertFalse(TlsDecoder.looksLikeTlsAnyPort(hex("170301002a0102030405"), 0, 10));
        assertTrue(TlsDecoder.looksLikeTlsAnyPort(hex("1703030002abcd"), 0, 7));
        assertTrue(TlsDecoder.looksLikeTlsAnyPort(hex("1703030002abcd1703030010"), 0, 12));
        assertFalse(TlsDecoder.looksLikeTlsAnyPort(hex("1703030002abcd4142434445"), 0, 12));
        assertTrue(TlsDecoder.looksLikeTlsAnyPort(hex("16030100070b000003000000"), 0, 12));
        assertFalse(TlsDecoder.looksLikeTlsAnyPort(hex("16030100200b0000ff"), 0, 9));
        assertFalse(TlsDecoder.looksLikeTlsAnyPort(hex("1603010008630000ff"), 0, 9));
    }

    @Test
    void randomAndMutatedBytesNeverThrow() {
        Random rnd = new Random(8446);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = (i % 2 == 0 ? CLIENT_HELLO : SERVER_HELLO).clone();
            for (int k = rnd.nextInt(4); k >= 0; k--) {
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            assertNotNull(decode(TLS, m));
            byte[] r = new byte[rnd.nextInt(100)];
            rnd.nextBytes(r);
            assertNotNull(decode(TLS, r));
        }
    }
}
