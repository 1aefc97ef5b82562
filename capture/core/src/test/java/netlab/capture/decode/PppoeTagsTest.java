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

    // (tcpdump 4.99.3 -e on bytes made for this test)
    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype PPPoE D (0x8863), length 49: PPPoE PADO [Vendor-Specific 0x00000DE96162] [TAG-0x999 "xy"] [EOL]
    static final String VENDOR_UNKNOWN_EOL = "ffffffffffff020000000001" + "8863" + "11070000001d"
            + "0105000600000de96162" + "099900027879" + "00000000" + "010100056166746572";

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype PPPoE D (0x8863), length 29: PPPoE PADI [Service-Name "abc.."]
    static final String MOSTLY_TEXT = "ffffffffffff020000000001" + "8863" + "110900000009" + "01010005616263" + "0102";

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype PPPoE D (0x8863), length 28: PPPoE PADI [Service-Name 0x61620102]
    static final String HALF_TEXT = "ffffffffffff020000000001" + "8863" + "110900000008" + "0101000461620102";

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype PPPoE D (0x8863), length 25: PPPoE PADI [len 200 > 5!] [Service-Name "x"]
    static final String LONG_LENGTH = "ffffffffffff020000000001" + "8863" + "1109000000c8" + "0101000178";

    /** The one-line summary of the frame {@code hex} captured up to {@code captured} bytes. */
    private static String summary(String hex, int captured) {
        byte[] b = HexFormat.of().parseHex(hex);
        Frame f = new Frame(b, 0, captured, b.length, 0, LinkType.ETHERNET, 0);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        return FrameSummary.line(f, v).strip();
    }

    /** The summary from "PPPoE" on. */
    private static String tail(String line) {
        return line.substring(line.indexOf("PPPoE P"));
    }

    /** tcpdump print-pppoe.c: each tag by name, its value quoted when mostly printable, else in hex. */
    @Test
    void summaryListsTheTagsAsTcpdumpDoes() {
        assertEquals("02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype PPPoE D (0x8863), length 67: PPPoE PADO "
                + "[AC-Name \"netlab-ac\"] [Service-Name \"netlab\"] "
                + "[AC-Cookie 0x6FCD23FDDFCD228E762A4A9B2D2A30C4B5790000]",
                summary(PADO, 67));
        assertEquals("PPPoE PADO [Vendor-Specific 0x00000DE96162] [TAG-0x999 \"xy\"] [EOL]",
                tail(summary(VENDOR_UNKNOWN_EOL, 49)));
        assertEquals("PPPoE PADI [Service-Name \"abc..\"]", tail(summary(MOSTLY_TEXT, 29)));
        assertEquals("PPPoE PADI [Service-Name 0x61620102]", tail(summary(HALF_TEXT, 28)));
        assertEquals("PPPoE PADI [len 200 > 5!] [Service-Name \"x\"]", tail(summary(LONG_LENGTH, 25)));
    }

    /** tcpdump: a tag cut by the snapshot length ends the list with "[|pppoe]". */
    @Test
    void aTagCutByTheSnapshotEndsTheList() {
        // 02:00:00:00:00:01 > 02:00:00:00:00:02, ... length 54: PPPoE PADR [Service-Name "netlab"] [|pppoe]
        String padr = "020000000002020000000001" + "8863" + "111900000022" + "010100066e65746c6162"
                + "010400146fcd23fddfcd228e762a4a9b2d2a30c4b5790000";
        assertEquals("PPPoE PADR [Service-Name \"netlab\"] [|pppoe]", tail(summary(padr, 40)));
        assertEquals("PPPoE PADR [Service-Name \"netlab\"] [|pppoe]", tail(summary(padr, 33)));
    }

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
