package netlab.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

class ArpFramesTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
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
}
