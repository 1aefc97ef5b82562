package netlab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.junit.jupiter.api.Test;

/** The link-type table and the decoder agree: every decoded row decodes, every other value is refused. */
class LinkTypeTest {

    @Test
    void tableAndDecoderAgree() {
        PacketView v = new PacketView();
        byte[] bytes = new byte[64];
        for (int value = 0; value < 300; value++) {
            LinkType lt = new LinkType(value);
            Decoder.decode(Frame.of(bytes, 0, lt), v);
            boolean refused = v.failure() != null && v.failure().protocol().equals("frame");
            assertEquals(!lt.supported(), refused, lt + " " + v.failure());
        }
    }

    @Test
    void namesAreLibpcaps() {
        assertEquals("EN10MB (Ethernet)", LinkType.ETHERNET.toString());
        assertEquals("NULL", new LinkType(0).name());
        assertEquals("LOOP", new LinkType(108).name());
        assertEquals("RAW", new LinkType(12).name());
        assertEquals("RAW", new LinkType(14).name());
        assertEquals("IEEE802_11_RADIO", new LinkType(127).name());
        assertEquals("NFLOG", new LinkType(239).name());
        assertEquals("LINKTYPE_147 (unknown)", new LinkType(147).toString());
        assertTrue(new LinkType(229).supported());
        assertFalse(new LinkType(242).supported());
        assertEquals("IPOIB", new LinkType(242).name());
        assertEquals("0, 1, 9, 12, 14, 50, 51, 101, 104, 105, 108, 113, 127, 228, 229, 239, 276", LinkType.supportedList());
        assertEquals("253 (NETLINK, Linux netlink)", new LinkType(253).label());
        assertEquals("147", new LinkType(147).label());
        assertNotEquals(new LinkType(12), new LinkType(101));
    }
}
