package netlab.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HexFormat;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.PacketView;
import netlab.capture.live.ArpFrames;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

/** What the probes read from a captured frame, through the decoder's {@link PacketView}. */
class ArpPacketTest {
    private static final MacAddress A = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress B = MacAddress.parse("02:00:00:00:00:02");
    private static final Ipv4Address IP_A = Ipv4Address.parse("10.77.0.1");
    private static final Ipv4Address IP_B = Ipv4Address.parse("10.77.0.2");

    // 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42:
    //   Reply 10.77.0.2 is-at 02:00:00:00:00:02, length 28
    private static final String REPLY = "020000000001 020000000002 0806 0001 0800 06 04 0002 020000000002 0a4d0002"
            + " 020000000001 0a4d0001";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void readsAReply() {
        ArpPacket p = ArpPacket.read(new Frame(hex(REPLY), 0, 42, 42, 7L, LinkType.ETHERNET, 0), new PacketView());
        assertEquals(new ArpPacket(ArpFrames.REPLY, B, IP_B, A, IP_A, B, 7L), p);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] b = hex(REPLY);
        PacketView v = new PacketView();
        for (int len = 0; len < 42; len++) {
            assertNull(ArpPacket.read(new Frame(Arrays.copyOf(b, len), 0, len, 42, 0, LinkType.ETHERNET, 0), v),
                    "length " + len);
        }
    }

    @Test
    void otherHardwareOrProtocolSizesAreNotArpForIpv4OverEthernet() {
        PacketView v = new PacketView();
        for (int at : new int[] {12, 15, 16, 18, 19}) {
            byte[] b = hex(REPLY);
            b[at] ^= 0x01;
            assertNull(ArpPacket.read(Frame.of(b, 0, LinkType.ETHERNET), v), "byte " + at);
        }
    }
}
