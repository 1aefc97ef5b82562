package netlab.analyzers.arp;

import static netlab.analyzers.arp.ArpClassifier.ANNOUNCEMENT;
import static netlab.analyzers.arp.ArpClassifier.GRATUITOUS;
import static netlab.analyzers.arp.ArpClassifier.MALFORMED;
import static netlab.analyzers.arp.ArpClassifier.OTHER_OPCODE;
import static netlab.analyzers.arp.ArpClassifier.PROBE;
import static netlab.analyzers.arp.ArpClassifier.REPLY;
import static netlab.analyzers.arp.ArpClassifier.REPLY_TO_BROADCAST;
import static netlab.analyzers.arp.ArpClassifier.REQUEST;
import static netlab.analyzers.arp.ArpClassifier.SENDER_MISMATCH;
import static netlab.analyzers.arp.ArpClassifier.UNICAST_REQUEST;
import static netlab.analyzers.arp.ArpFrames.BCAST;
import static netlab.analyzers.arp.ArpFrames.arp;
import static netlab.analyzers.arp.ArpFrames.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HexFormat;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.junit.jupiter.api.Test;

/** One test per classification rule, on hand-built frames. */
class ArpClassifierTest {
    private final PacketView view = new PacketView();

    private int classify(byte[] frame) {
        Decoder.decode(Frame.of(frame, 0, LinkType.ETHERNET), view);
        return ArpClassifier.classify(view);
    }

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 60:
    //   Request who-has 10.77.0.2 tell 10.77.0.1, length 46
    private static final String REQUEST_HEX = "ffffffffffff020000000001080600010800060400010200000000010a4d0001"
            + "0000000000000a4d0002000000000000000000000000000000000000";

    @Test
    void broadcastRequestIsARequestOnly() {
        byte[] hex = HexFormat.of().parseHex(REQUEST_HEX);
        assertEquals(REQUEST, classify(hex));
        assertEquals(REQUEST, classify(ArpFrames.request(m(1), "10.77.0.1", "10.77.0.2")));
    }

    @Test
    void replyIsAReplyOnly() {
        assertEquals(REPLY, classify(ArpFrames.reply(m(2), "10.77.0.2", m(1), "10.77.0.1")));
    }

    @Test
    void gratuitousRequestWithBroadcastTargetMacIsNotAnAnnouncement() {
        // arping -U: THA ff:ff:ff:ff:ff:ff, so tshark sets arp.isgratuitous but not arp.isannouncement
        assertEquals(REQUEST | GRATUITOUS, classify(arp(BCAST, m(1), 0, 1, m(1), "10.0.0.1", BCAST, "10.0.0.1")));
    }

    @Test
    void gratuitousRequestWithZeroTargetMacIsAnAnnouncement() {
        assertEquals(REQUEST | GRATUITOUS | ANNOUNCEMENT,
                classify(arp(BCAST, m(1), 0, 1, m(1), "10.0.0.1", 0, "10.0.0.1")));
    }

    @Test
    void gratuitousReplyToBroadcast() {
        assertEquals(REPLY | GRATUITOUS | REPLY_TO_BROADCAST,
                classify(arp(BCAST, m(1), 0, 2, m(1), "10.0.0.1", BCAST, "10.0.0.1")));
    }

    @Test
    void probeHasZeroSenderIpAndZeroTargetMac() {
        assertEquals(REQUEST | PROBE, classify(arp(BCAST, m(1), 0, 1, m(1), "0.0.0.0", 0, "10.0.0.5")));
        // a non-zero THA makes it an ordinary request (Wireshark requires THA all-zero)
        assertEquals(REQUEST, classify(arp(BCAST, m(1), 0, 1, m(1), "0.0.0.0", BCAST, "10.0.0.5")));
        // 0.0.0.0 asking for 0.0.0.0 is gratuitous (and an announcement), never a probe
        assertEquals(REQUEST | GRATUITOUS | ANNOUNCEMENT,
                classify(arp(BCAST, m(1), 0, 1, m(1), "0.0.0.0", 0, "0.0.0.0")));
    }

    @Test
    void unicastRequestIsFlagged() {
        assertEquals(REQUEST | UNICAST_REQUEST, classify(arp(m(2), m(1), 0, 1, m(1), "10.0.0.1", m(2), "10.0.0.2")));
    }

    @Test
    void senderMismatchComparesEthernetSourceWithSenderMac() {
        assertEquals(REPLY | SENDER_MISMATCH, classify(arp(m(1), m(9), 0, 2, m(2), "10.0.0.2", m(1), "10.0.0.1")));
    }

    @Test
    void taggedRequestIsClassifiedThroughTheTag() {
        assertEquals(REQUEST, classify(arp(BCAST, m(1), 10, 1, m(1), "10.0.0.1", 0, "10.0.0.2")));
        assertEquals(10, view.vlanId(0));
    }

    /**
     * Cisco "arp snap": 802.3 + LLC/SNAP (RFC 1042) carrying ARP with hardware type 6 (IEEE 802). tcpdump -n -e:
     * 00:00:0c:12:34:56 > ff:ff:ff:ff:ff:ff, 802.3, length 36: LLC, dsap SNAP (0xaa) Individual, ssap SNAP (0xaa)
     * Command, ctrl 0x03: oui Ethernet (0x000000), ethertype ARP (0x0806), length 28: Request who-has 10.0.0.2
     * tell 10.0.0.1, length 28
     */
    @Test
    void ieee802HardwareTypeOverSnapIsAWellFormedRequest() {
        byte[] f = java.util.HexFormat.of().parseHex("ffffffffffff00000c1234560024aaaa030000000806"
                + "000608000604000100000c1234560a0000010000000000000a00000200000000000000000000");
        assertEquals(REQUEST, classify(f));
        assertEquals(null, ArpClassifier.malformedReason(view));
    }

    @Test
    void wrongHardwareTypeProtocolTypeOrLengthsAreMalformed() {
        byte[] f = ArpFrames.request(m(1), "10.0.0.1", "10.0.0.2");
        byte[] hw = f.clone();
        hw[15] = 7;
        assertEquals(MALFORMED, classify(hw));
        assertEquals("hardware type 7, not Ethernet (1) or IEEE 802 (6)", ArpClassifier.malformedReason(view));
        byte[] pt = f.clone();
        pt[16] = (byte) 0x86;
        pt[17] = (byte) 0xdd;
        assertEquals(MALFORMED, classify(pt));
        assertEquals("protocol type 0x86dd, not IPv4", ArpClassifier.malformedReason(view));
        byte[] len = f.clone();
        len[18] = 8;
        assertEquals(MALFORMED, classify(len));
        assertEquals("address lengths 8/4, not 6/4", ArpClassifier.malformedReason(view));
    }

    @Test
    void everyTruncationOfTheArpPacketIsMalformed() {
        byte[] f = ArpFrames.request(m(1), "10.0.0.1", "10.0.0.2");
        for (int cut = 14; cut < 14 + 28; cut++) {
            assertEquals(MALFORMED, classify(Arrays.copyOf(f, cut)), "cut at " + cut);
            String want = cut < 22 ? "truncated header" : "truncated addresses";
            assertEquals(want, ArpClassifier.malformedReason(view), "cut at " + cut);
        }
        assertEquals(REQUEST, classify(Arrays.copyOf(f, 42)));
        assertNull(ArpClassifier.malformedReason(view));
    }

    @Test
    void rarpAndOtherOpcodesAreCountedApart() {
        assertEquals(OTHER_OPCODE, classify(arp(BCAST, m(1), 0, 3, m(1), "0.0.0.0", m(1), "0.0.0.0")));
        byte[] rarp = ArpFrames.request(m(1), "10.0.0.1", "10.0.0.2");
        rarp[12] = (byte) 0x80;
        rarp[13] = 0x35;
        assertEquals(OTHER_OPCODE, classify(rarp));
    }

    @Test
    void nonArpFramesAreNone() {
        byte[] ip = ArpFrames.request(m(1), "10.0.0.1", "10.0.0.2");
        ip[12] = 0x08;
        ip[13] = 0x00;
        assertEquals(ArpClassifier.NONE, classify(ip));
    }
}
