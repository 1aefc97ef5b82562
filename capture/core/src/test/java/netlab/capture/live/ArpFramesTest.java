package netlab.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HexFormat;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

class ArpFramesTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");
    private static final Ipv4Address IP_A = Ipv4Address.parse("10.77.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.parse("10.77.0.2");
    private static final String PAD = "000000000000000000000000000000000000";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
    //   Request who-has 10.77.0.2 tell 10.77.0.1, length 46
    @Test
    void requestIsBroadcastWithZeroTargetMacAndPadding() {
        assertArrayEquals(hex("ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 0a4d0001"
                + " 000000000000 0a4d0002" + PAD), ArpFrames.request(A, IP_A, IP_B));
    }

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
    //   Request who-has 10.77.0.2 tell 0.0.0.0, length 46   (RFC 5227 probe)
    @Test
    void probeHasSenderAddressZero() {
        assertArrayEquals(hex("ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 00000000"
                + " 000000000000 0a4d0002" + PAD), ArpFrames.probe(A, IP_B));
    }

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
    //   Request who-has 10.77.0.1 tell 10.77.0.1, length 46   (gratuitous, -U)
    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
    //   Reply 10.77.0.1 is-at 02:00:00:00:00:01, length 46    (gratuitous, -A)
    @Test
    void announcementsCarryTheAddressAsSenderAndTarget() {
        assertArrayEquals(hex("ffffffffffff 020000000001 0806 0001 0800 06 04 0001 020000000001 0a4d0001"
                + " 000000000000 0a4d0001" + PAD), ArpFrames.announce(A, IP_A, false));
        assertArrayEquals(hex("ffffffffffff 020000000001 0806 0001 0800 06 04 0002 020000000001 0a4d0001"
                + " 020000000001 0a4d0001" + PAD), ArpFrames.announce(A, IP_A, true));
    }

    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42:
    //   Reply 10.77.0.2 is-at 02:00:00:00:00:02, length 28
    private static final String REPLY = "020000000001 020000000002 0806 0001 0800 06 04 0002 020000000002 0a4d0002"
            + " 020000000001 0a4d0001";

    @Test
    void parsesAReply() {
        ArpFrames.Packet p = ArpFrames.parse(new Frame(hex(REPLY), 0, 42, 42, 7L, LinkType.ETHERNET, 0));
        assertEquals(new ArpFrames.Packet(ArpFrames.REPLY, B, IP_B, A, IP_A, B, 7L), p);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] b = hex(REPLY);
        for (int len = 0; len < 42; len++) {
            assertNull(ArpFrames.parse(new Frame(Arrays.copyOf(b, len), 0, len, 42, 0, LinkType.ETHERNET, 0)), "length " + len);
        }
    }

    @Test
    void otherHardwareOrProtocolSizesAreNotArpForIpv4OverEthernet() {
        for (int at : new int[] {12, 15, 16, 18, 19}) {
            byte[] b = hex(REPLY);
            b[at] ^= 0x01;
            assertNull(ArpFrames.parse(Frame.of(b, 0, LinkType.ETHERNET)), "byte " + at);
        }
    }
}
