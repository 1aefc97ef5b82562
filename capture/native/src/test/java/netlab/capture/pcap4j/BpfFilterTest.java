package netlab.capture.pcap4j;

import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.file.CaptureFiles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * libpcap filters applied to frames from public captures; expectations are what
 * {@code tcpdump -r FILE EXPR | wc -l} gives with tcpdump 4.99 / libpcap 1.10.
 */
class BpfFilterTest {

    private static Path capture(String relative) {
        return Path.of(System.getProperty("netlab.root", ".")).toAbsolutePath()
                .resolve("sample-pcaps/public").resolve(relative).normalize();
    }

    private static List<Frame> frames(String relative) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (FrameSource s = CaptureFiles.open(capture(relative))) {
            for (Frame f = s.next(); f != null; f = s.next()) {
                out.add(f.copy());
            }
        }
        return out;
    }

    private static boolean matches(String expression, Frame frame) throws Exception {
        try (BpfFilter filter = BpfFilter.compile(expression, frame.linkType(), 262144)) {
            return filter.matches(frame);
        }
    }

    @Test
    void arpMatchesArpAndNotIpv4() throws Exception {
        Frame arp = frames("pcapplusplus/ArpRequestPacket.pcap").get(0);
        Frame ipv4 = frames("tcpdump/dns_udp.pcap").get(0);
        assertTrue(matches("arp", arp));
        assertFalse(matches("arp", ipv4));
        assertTrue(matches("ip and udp port 53", ipv4));
        assertFalse(matches("ip", arp));
    }

    @Test
    void stackedVlanTagsNeedOneVlanKeywordEach() throws Exception {
        // Two 802.1Q tags (VID 666 then 200) before the ARP EtherType. As in tcpdump, "vlan" moves past
        // one tag only, so "vlan and arp" sees the inner tag's TPID and does not match.
        Frame frame = frames("pcapplusplus/ArpRequestWithVlan.pcap").get(0);
        assertTrue(matches("vlan", frame));
        assertFalse(matches("arp", frame));
        assertFalse(matches("vlan and arp", frame));
        assertTrue(matches("vlan and vlan and arp", frame));
        assertTrue(matches("vlan 666 and vlan 200 and arp", frame));
        assertFalse(matches("vlan 200 and vlan 666 and arp", frame));
    }

    @Test
    void framesThatAreViewsIntoABufferAreFiltered() throws Exception {
        Frame arp = frames("pcapplusplus/ArpRequestPacket.pcap").get(0);
        byte[] padded = new byte[arp.capturedLength() + 10];
        System.arraycopy(arp.data(), arp.offset(), padded, 7, arp.capturedLength());
        Frame view = new Frame(padded, 7, arp.capturedLength(), arp.originalLength(), 0, LinkType.ETHERNET, 0);
        assertTrue(matches("arp", view));
    }

    @Test
    void countsOverAWholeFileMatchTcpdump() throws Exception {
        List<Frame> all = frames("tcpdump/eapon1.pcap");
        try (BpfFilter arp = BpfFilter.compile("arp", LinkType.ETHERNET, 65535);
             BpfFilter udp = BpfFilter.compile("udp", LinkType.ETHERNET, 65535)) {
            assertEquals(5, all.stream().filter(arp::matches).count());
            assertEquals(66, all.stream().filter(udp::matches).count());
        }
        try (BpfFilter broadcast = BpfFilter.compile("ip broadcast", LinkType.ETHERNET, 65535)) {
            assertEquals(0, frames("tcpdump/dns_udp.pcap").stream().filter(broadcast::matches).count());
        }
    }

    @Test
    void badExpressionGivesLibpcapsMessage() {
        BpfFilter.FilterException e = assertThrows(BpfFilter.FilterException.class,
                () -> BpfFilter.compile("arp and", LinkType.ETHERNET, 262144));
        assertEquals("can't parse filter expression: syntax error", e.getMessage());
        BpfFilter.FilterException port = assertThrows(BpfFilter.FilterException.class,
                () -> BpfFilter.compile("port 99999", LinkType.ETHERNET, 262144));
        assertEquals("illegal port number 99999 > 65535", port.getMessage());
    }

    @Test
    void closedFilterMatchesNothing() throws Exception {
        Frame arp = frames("pcapplusplus/ArpRequestPacket.pcap").get(0);
        BpfFilter filter = BpfFilter.compile("arp", LinkType.ETHERNET, 0);
        assertTrue(filter.matches(arp));
        filter.close();
        assertFalse(filter.matches(arp));
        assertEquals("arp", filter.expression());
    }
}
