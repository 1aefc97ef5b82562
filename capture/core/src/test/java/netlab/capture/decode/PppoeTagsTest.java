package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

/**
 * PPPoE discovery tags (RFC 2516 appendix A) on frames of {@code sample-pcaps/pppoe-discovery.pcap}, made by rp-pppoe's
 * client and server: each tag netlab shows has tshark's {@code pppoed.tags} name and value.
 */
class PppoeTagsTest {
    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype PPPoE D (0x8863), length 67: PPPoE PADO [AC-Name "netlab-ac"] [Service-Name "netlab"] [AC-Cookie 0x6FCD23FDDFCD228E762A4A9B2D2A30C4B5790000]
    static final String PADO = "020000000001020000000002" + "8863" + "11070000002f" + "010200096e65746c61622d6163"
            + "010100066e65746c6162" + "010400146fcd23fddfcd228e762a4a9b2d2a30c4b5790000";

    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype PPPoE D (0x8863), length 63: PPPoE PADT [ses 0x1] [Generic-Error "RP-PPPoE: Child pppd process terminated"]
    static final String PADT = "020000000001020000000002" + "8863" + "11a70001002b"
            + "0203002752502d5050506f453a204368696c6420707070642070726f63657373207465726d696e61746564";

    private static Layer pppoed(String hex) {
        Frame f = Frame.of(HexFormat.of().parseHex(hex), 0, LinkType.ETHERNET);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        assertNull(v.failure());
        return FrameDetails.layers(f, v).stream().filter(l -> l.protocol().equals("pppoed")).findFirst().orElseThrow();
    }

    /** tshark: pppoe.code 0x07, pppoed.tags.ac_name, service_name and ac_cookie. */
    @Test
    void offerNamesTheConcentratorServiceAndCookie() {
        Layer l = pppoed(PADO);
        assertEquals(7, l.get("code"));
        assertEquals("netlab-ac", l.get("ac_name"));
        assertEquals("netlab", l.get("service_name"));
        assertEquals("6fcd23fddfcd228e762a4a9b2d2a30c4b5790000", l.get("ac_cookie"));
    }

    /** tshark: pppoe.code 0xa7, pppoe.session_id 0x0001, pppoed.tags.generic_error. */
    @Test
    void terminateCarriesTheGenericError() {
        Layer l = pppoed(PADT);
        assertEquals(0xa7, l.get("code"));
        assertEquals(1, l.get("session_id"));
        assertEquals("RP-PPPoE: Child pppd process terminated", l.get("generic_error"));
        assertNull(l.get("ac_cookie"));
    }
}
