package netlab.capture.decode.app;

import static netlab.capture.decode.app.AppTestSupport.decode;
import static netlab.capture.decode.app.AppTestSupport.embed;
import static netlab.capture.decode.app.AppTestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import netlab.capture.decode.Layer;

class HttpDecoderTest {
    private static final AppTestSupport.Decoder HTTP = HttpDecoder::decode;

    // tcpdump/print-flags.pcap frame 4, TCP payload (frame offset 66):
    // 127.0.0.1.55920 > 127.0.0.1.80: Flags [P.], seq 1:203, length 202: HTTP: GET / HTTP/1.1
    static final byte[] GET = hex(
            "474554202f20485454502f312e310d0a486f73743a206c6f63616c686f73740d",
            "0a557365722d4167656e743a20454c696e6b732f302e31302e342d372d646562",
            "69616e2028746578746d6f64653b204c696e757820322e362e31312d312d3638",
            "362d736d7020693638363b203133327835362d32290d0a4163636570743a202a",
            "2f2a0d0a4163636570742d456e636f64696e673a20677a69700d0a4163636570",
            "742d4c616e67756167653a20656e0d0a436f6e6e656374696f6e3a204b656570",
            "2d416c6976650d0a0d0a");

    // tcpdump/print-flags.pcap frame 6, first 317 of its 5559 TCP payload bytes:
    // 127.0.0.1.80 > 127.0.0.1.55920: Flags [P.], seq 1:5560, length 5559: HTTP: HTTP/1.1 200 OK
    static final byte[] OK = hex(
            "485454502f312e3120323030204f4b0d0a446174653a205765642c203036204a",
            "756c20323030352030333a35373a333520474d540d0a5365727665723a204170",
            "616368652f312e332e33330d0a4c6173742d4d6f6469666965643a2053756e2c",
            "2031352041756720323030342030303a34333a343120474d540d0a455461673a",
            "20223665383066302d313438612d3431316562316264220d0a4163636570742d",
            "52616e6765733a2062797465730d0a436f6e74656e742d4c656e6774683a2035",
            "3235380d0a4b6565702d416c6976653a2074696d656f75743d31352c206d6178",
            "3d3130300d0a436f6e6e656374696f6e3a204b6565702d416c6976650d0a436f",
            "6e74656e742d547970653a20746578742f68746d6c3b20636861727365743d69",
            "736f2d383835392d310d0a0d0a3c21444f43545950452048544d4c2050");

    @Test
    void request() {
        assertTrue(HttpDecoder.looksLikeHttp(embed(GET), AppTestSupport.OFF, AppTestSupport.OFF + GET.length));
        Layer l = decode(HTTP, GET);
        assertNull(l.failure());
        assertEquals("http", l.protocol());
        assertEquals(202, l.length());
        assertEquals("request", l.get("type"));
        assertEquals("GET", l.get("method"));
        assertEquals("/", l.get("target"));
        assertEquals("HTTP/1.1", l.get("version"));
        assertEquals("localhost", l.get("host"));
        assertEquals("ELinks/0.10.4-7-debian (textmode; Linux 2.6.11-1-686-smp i686; 132x56-2)", l.get("user_agent"));
        List<?> h = (List<?>) l.get("headers");
        assertEquals(6, h.size());
        assertEquals(List.of("Accept-Encoding", "gzip"), h.get(3));
        assertEquals(true, l.get("headers_complete"));
        assertEquals(0, l.get("body_captured"));
    }

    @Test
    void response() {
        Layer l = decode(HTTP, OK);
        assertNull(l.failure());
        assertEquals(301, l.length());
        assertEquals("response", l.get("type"));
        assertEquals("HTTP/1.1", l.get("version"));
        assertEquals(200, l.get("status_code"));
        assertEquals("OK", l.get("reason"));
        assertEquals("Apache/1.3.33", l.get("server"));
        assertEquals(5258L, l.get("content_length"));
        assertEquals("text/html; charset=iso-8859-1", l.get("content_type"));
        assertEquals(9, ((List<?>) l.get("headers")).size());
        assertEquals(16, l.get("body_captured"));
    }

    @Test
    void truncationIsIncompleteHeadersNotAFailure() {
        for (byte[] sample : List.of(GET, OK)) {
            int headerEnd = sample == GET ? 202 : 301;
            byte[] d = embed(sample);
            int headers = 0;
            for (int len = 0; len < headerEnd; len++) {
                Layer l = HTTP.decode(d, AppTestSupport.BASE, AppTestSupport.OFF, AppTestSupport.OFF + len);
                assertNull(l.failure(), "length " + len);
                assertEquals(false, l.get("headers_complete"), "length " + len);
                int n = ((List<?>) l.get("headers")).size();
                assertTrue(n >= headers, "headers only grow");
                headers = n;
            }
        }
    }

    @Test
    void looksLikeHttp() {
        for (String s : List.of("GET / HTTP/1.0", "POST /x", "OPTIONS * HTTP/1.1", "HTTP/1.0 404 Not Found")) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertTrue(HttpDecoder.looksLikeHttp(b, 0, b.length), s);
        }
        for (String s : List.of("GETX / HTTP/1.1", "get / HTTP/1.1", "HTTP/2 200", "GET", "")) {
            byte[] b = s.getBytes(StandardCharsets.US_ASCII);
            assertFalse(HttpDecoder.looksLikeHttp(b, 0, b.length), s);
        }
    }

    @Test
    void malformedLinesFailAtTheLine() {
        byte[] b = "GET / HTTP/1.1\r\nHost: a\r\nno colon here\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        Layer l = HTTP.decode(b, 0, 0, b.length);
        assertEquals(25, l.failure().offset());
        assertEquals(List.of(List.of("Host", "a")), l.get("headers"));
        byte[] s = "HTTP/1.1 2x0 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(9, HTTP.decode(s, 0, 0, s.length).failure().offset());
    }

    @Test
    void nonAsciiIsEscaped() {
        byte[] b = "GET / HTTP/1.1\r\nX: a\u00e9\u0001\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Layer l = HTTP.decode(b, 0, 0, b.length);
        assertEquals(List.of(List.of("X", "a\\xe9\\x01")), l.get("headers"));
    }

    @Test
    void workIsBoundedAndRandomBytesNeverThrow() {
        byte[] big = new byte[100_000];
        System.arraycopy(GET, 0, big, 0, 16);
        java.util.Arrays.fill(big, 16, big.length, (byte) 'a');
        Layer l = HTTP.decode(big, 0, 0, big.length);
        assertEquals(16, l.length(), "only complete lines count, and the scan stops after LIMIT bytes");
        assertEquals(false, l.get("headers_complete"));
        Random rnd = new Random(9112);
        for (int i = 0; i < 10_000; i++) {
            byte[] m = (i % 2 == 0 ? GET : OK).clone();
            for (int k = rnd.nextInt(6); k >= 0; k--) {
                m[rnd.nextInt(m.length)] = (byte) rnd.nextInt(256);
            }
            assertNotNull(decode(HTTP, m));
        }
    }
}
