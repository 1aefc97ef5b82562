package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readers over the 46 public captures in {@code sample-pcaps/public/}: frame counts as in
 * {@code ATTRIBUTION.md}, and every frame's timestamp,
 * length and captured length identical to tshark 4.0 ({@code tshark -r F -T fields -e frame.time_epoch
 * -e frame.len -e frame.cap_len}, one line per frame, CRC-32 of the whole output hard-coded here).
 */
class PublicCapturesTest {

    @ParameterizedTest(name = "{0} has {1} frames")
    @CsvSource({
        "tcpdump/arp-oobr.pcap, 2282",
        "tcpdump/arp-too-long-tha.pcap, 1",
        "tcpdump/getname_2_read4_asan.pcap, 1",
        "tcpdump/aarp-heapoverflow-1.pcap, 1",
        "tcpdump/802.1ad_QinQ.pcap, 2",
        "tcpdump/rpvstp-trunk-native-vid5.pcap, 22",
        "tcpdump/802.1D_spanning_tree.pcap, 14",
        "tcpdump/802.1w_rapid_STP.pcap, 30",
        "tcpdump/MSTP_Intra-Region_BPDUs.pcap, 10",
        "tcpdump/tcp-handshake-nano.pcap, 3",
        "tcpdump/timestamp_invalid_nano.pcap, 3",
        "tcpdump/timestamp_invalid_micro.pcap, 3",
        "tcpdump/time_2038_overflow.pcap, 1",
        "tcpdump/time_2106_overflow.pcapng, 1",
        "tcpdump/empty.pcapng, 0",
        "tcpdump/icmpv6.pcap, 5",
        "tcpdump/icmpv6-ns-nonce.pcap, 1",
        "tcpdump/dhcp-rfc4388.pcap, 54",
        "tcpdump/eapon1.pcap, 114",
        "tcpdump/dns_udp.pcap, 2",
        "tcpdump/print-flags.pcap, 10",
        "tcpdump/tcp_rst_data-trunc.pcap, 1",
        "tcpdump/stp-heapoverflow-1.pcap, 14",
        "tcpdump/hoobr_juniper3.pcap, 1",
        "tcpdump/isakmp4500.pcap, 35",
        "pcapplusplus/ArpRequestPacket.pcap, 1",
        "pcapplusplus/ArpResponsePacket.pcap, 1",
        "pcapplusplus/ArpRequestWithVlan.pcap, 1",
        "pcapplusplus/packet_trailer.pcap, 4",
        "pcapplusplus/VlanPackets.pcap, 26",
        "pcapplusplus/QinQ_802.1_AD.pcapng, 1",
        "pcapplusplus/llc_vlan.pcap, 1",
        "pcapplusplus/Stp.pcap, 5",
        "pcapplusplus/EthDot3.pcap, 1",
        "pcapplusplus/IcmpV6_NeighAdvSoli.pcap, 2",
        "pcapplusplus/Dhcp1.pcap, 1",
        "pcapplusplus/DnsPackets.pcap, 464",
        "pcapplusplus/many_interfaces-1.pcapng, 64",
        "pcapplusplus/pcapng-example.pcapng, 159",
        "pcapplusplus/too_many_interfaces.pcapng, 1",
        "pcapplusplus/nanosecs.pcap, 2",
        "pcapplusplus/nanosecs_big_endian.pcap, 10",
        "pcapplusplus/microsecs_big_endian.pcap, 13",
        "pcapplusplus/ipv4-malformed.pcap, 2",
        "pcapplusplus/tcp-malformed.pcap, 2",
        "pcapplusplus/sll.pcap, 518",
    })
    void frameCountsMatchManifest(String file, int frames) throws IOException {
        assertEquals(frames, Captures.readAll(Captures.file(file)).size());
    }

    @ParameterizedTest(name = "{0} matches tshark")
    @CsvSource({
        "pcapplusplus/ArpRequestPacket.pcap, 1, f1d64699",
        "pcapplusplus/ArpRequestWithVlan.pcap, 1, 15101c78",
        "pcapplusplus/ArpResponsePacket.pcap, 1, 989e120f",
        "pcapplusplus/Dhcp1.pcap, 1, 06b9325f",
        "pcapplusplus/DnsPackets.pcap, 464, dab41601",
        "pcapplusplus/EthDot3.pcap, 1, 37c675d2",
        "pcapplusplus/IcmpV6_NeighAdvSoli.pcap, 2, 8e8f220e",
        "pcapplusplus/QinQ_802.1_AD.pcapng, 1, 6831be6a",
        "pcapplusplus/Stp.pcap, 5, 4c70a283",
        "pcapplusplus/VlanPackets.pcap, 26, 5a1e1831",
        "pcapplusplus/ipv4-malformed.pcap, 2, d178f587",
        "pcapplusplus/llc_vlan.pcap, 1, de645285",
        "pcapplusplus/many_interfaces-1.pcapng, 64, 7de812c7",
        "pcapplusplus/microsecs_big_endian.pcap, 13, 6f73ca29",
        "pcapplusplus/nanosecs.pcap, 2, 4ba7e813",
        "pcapplusplus/nanosecs_big_endian.pcap, 10, 7ccc9f9a",
        "pcapplusplus/packet_trailer.pcap, 4, 77e57c61",
        "pcapplusplus/sll.pcap, 518, 152c0013",
        "pcapplusplus/tcp-malformed.pcap, 2, ccce5598",
        "pcapplusplus/too_many_interfaces.pcapng, 1, 2f7c00c8",
        "tcpdump/802.1D_spanning_tree.pcap, 14, 4e6f38e5",
        "tcpdump/802.1ad_QinQ.pcap, 2, bbd4c3c8",
        "tcpdump/802.1w_rapid_STP.pcap, 30, 4cddda81",
        "tcpdump/MSTP_Intra-Region_BPDUs.pcap, 10, 9b3dbbad",
        "tcpdump/aarp-heapoverflow-1.pcap, 1, dacfa1e9",
        "tcpdump/arp-oobr.pcap, 2282, e2b83df7",
        "tcpdump/arp-too-long-tha.pcap, 1, 28bdf249",
        "tcpdump/dhcp-rfc4388.pcap, 54, 1a29eb29",
        "tcpdump/dns_udp.pcap, 2, 6fb56596",
        "tcpdump/eapon1.pcap, 114, f62ffb22",
        "tcpdump/empty.pcapng, 0, 00000000",
        "tcpdump/getname_2_read4_asan.pcap, 1, c00ce63e",
        "tcpdump/icmpv6-ns-nonce.pcap, 1, c84c1136",
        "tcpdump/icmpv6.pcap, 5, 376582ea",
        "tcpdump/isakmp4500.pcap, 35, 4414fe11",
        "tcpdump/print-flags.pcap, 10, b56aa749",
        "tcpdump/rpvstp-trunk-native-vid5.pcap, 22, 4be96255",
        "tcpdump/stp-heapoverflow-1.pcap, 14, 1a6c55dd",
        "tcpdump/tcp-handshake-nano.pcap, 3, 27f575fd",
        "tcpdump/tcp_rst_data-trunc.pcap, 1, 925445e8",
        "tcpdump/time_2038_overflow.pcap, 1, 390a8213",
        "tcpdump/time_2106_overflow.pcapng, 1, 7f11cbf3"
    })
    void timestampsAndLengthsMatchTshark(String file, int frames, String crc) throws IOException {
        List<Frame> all = Captures.readAll(Captures.file(file));
        StringBuilder text = new StringBuilder();
        for (Frame f : all) {
            text.append(epoch(f.timestampNanos())).append('\t').append(f.originalLength())
                    .append('\t').append(f.capturedLength()).append('\n');
        }
        CRC32 crc32 = new CRC32();
        crc32.update(text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(frames, all.size());
        assertEquals(crc, String.format("%08x", crc32.getValue()), text.toString());
    }

    /** tshark's frame.time_epoch rendering. */
    static String epoch(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L) + "." + String.format("%09d", Math.floorMod(nanos, 1_000_000_000L));
    }

    @Test
    void nanosecondLittleEndian() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("tcpdump/tcp-handshake-nano.pcap"))) {
            PcapReader r = assertInstanceOf(PcapReader.class, s);
            assertEquals(Precision.NANO, r.precision());
            assertEquals(false, r.bigEndian());
            assertEquals(new LinkType(113), r.linkType());
            Frame f = r.next();
            assertEquals(1418145369_924505488L, f.timestampNanos());
            assertEquals(76, f.capturedLength());
            assertEquals(24, r.lastRecordOffset());
            assertEquals(24 + 16 + 76, r.position());
        }
    }

    @Test
    void nanosecondBigEndian() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("pcapplusplus/nanosecs_big_endian.pcap"))) {
            PcapReader r = assertInstanceOf(PcapReader.class, s);
            assertEquals(Precision.NANO, r.precision());
            assertTrue(r.bigEndian());
            assertEquals(1766361926_167647291L, r.next().timestampNanos());
            Frame second = r.next();
            assertEquals(1766361926_167658091L, second.timestampNanos());
            assertEquals(74, second.originalLength());
        }
    }

    @Test
    void microsecondBigEndianNetlink() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("pcapplusplus/microsecs_big_endian.pcap"))) {
            PcapReader r = assertInstanceOf(PcapReader.class, s);
            assertEquals(Precision.MICRO, r.precision());
            assertTrue(r.bigEndian());
            assertEquals(new LinkType(253), r.linkType());
            assertEquals(65535, r.snapLength());
            Frame f = r.next();
            assertEquals(1474059824_864984000L, f.timestampNanos());
            assertEquals(1196, f.capturedLength());
        }
    }

    @Test
    void nanosecondsOutOfOrderKeptAsStored() throws IOException {
        List<Frame> frames = Captures.readAll(Captures.file("pcapplusplus/nanosecs.pcap"));
        assertEquals(1_000_002_000L, frames.get(0).timestampNanos());
        assertEquals(1_000_001_234L, frames.get(1).timestampNanos());
    }

    @Test
    void fractionsAtOrAboveOneSecondAreFoldedIn() throws IOException {
        List<Frame> nano = Captures.readAll(Captures.file("tcpdump/timestamp_invalid_nano.pcap"));
        assertEquals(1418145369_999999999L, nano.get(0).timestampNanos());
        assertEquals(1418145371_000000000L, nano.get(1).timestampNanos());
        // fraction 0x80000000 ns: tshark prints "-1418145370.2147483648"
        assertEquals(1418145370_000000000L + 0x80000000L, nano.get(2).timestampNanos());
        List<Frame> micro = Captures.readAll(Captures.file("tcpdump/timestamp_invalid_micro.pcap"));
        assertEquals(1418145369_999999000L, micro.get(0).timestampNanos());
        assertEquals(1418145371_000000000L, micro.get(1).timestampNanos());
    }

    @Test
    void secondsAreUnsigned() throws IOException {
        assertEquals(2147483648_000000000L,
                Captures.readAll(Captures.file("tcpdump/time_2038_overflow.pcap")).get(0).timestampNanos());
        assertEquals(4294967296_000000000L,
                Captures.readAll(Captures.file("tcpdump/time_2106_overflow.pcapng")).get(0).timestampNanos());
    }

    @Test
    void caplenBelowOriginalLength() throws IOException {
        Frame f = Captures.readAll(Captures.file("tcpdump/arp-too-long-tha.pcap")).get(0);
        assertEquals(64, f.capturedLength());
        assertEquals(262144, f.originalLength());
        assertTrue(f.truncated());
    }

    @Test
    void linkTypeFieldKeepsLow16Bits() throws IOException {
        // 0x30000084: FCS-present flag bits over LINKTYPE 132; snaplen 6, one 6-byte record "MGC000"
        try (FrameSource s = CaptureFiles.open(Captures.file("tcpdump/hoobr_juniper3.pcap"))) {
            PcapReader r = assertInstanceOf(PcapReader.class, s);
            assertEquals(new LinkType(0x84), r.linkType());
            assertEquals(0x30000084, r.rawLinkTypeField());
            assertEquals(6, r.snapLength());
            Frame f = r.next();
            assertEquals("MGC000", new String(f.bytes(), java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(0x40000, f.originalLength());
            assertEquals(0x30303030L * 1_000_000_000L + 999_999_000L, f.timestampNanos());
            assertNull(r.next());
        }
    }

    @Test
    void pcapngExampleTwoInterfacesTwoResolutions() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("pcapplusplus/pcapng-example.pcapng"))) {
            PcapngReader r = assertInstanceOf(PcapngReader.class, s);
            assertEquals(LinkType.ETHERNET, r.linkType());
            List<Frame> frames = Captures.readAll(r);
            assertEquals(159, frames.size());
            assertEquals(List.of(
                    new InterfaceInfo(0, LinkType.ETHERNET, 262144, "lo", "10^-9 s"),
                    new InterfaceInfo(1, LinkType.LINUX_SLL, 0, "", "10^-6 s")), r.interfaces());
            assertEquals(1422527998_578402281L, frames.get(0).timestampNanos());
            assertEquals(2894531997_938836488L, frames.get(1).timestampNanos());
            assertEquals(1422528033_092194163L, frames.get(58).timestampNanos());
            assertEquals(0, frames.get(58).interfaceIndex());
            // Interface 1 stores 0xffffffffe1dfd279 µs (tshark: 18446744073204.126329): saturated.
            Frame sixty = frames.get(59);
            assertEquals(1, sixty.interfaceIndex());
            assertEquals(LinkType.LINUX_SLL, sixty.linkType());
            assertEquals(Long.MAX_VALUE, sixty.timestampNanos());
            assertEquals(128, frames.get(60).capturedLength());
            assertEquals(1444, frames.get(60).originalLength());
            assertEquals(26016, r.lastRecordOffset());
        }
    }

    @Test
    void manyInterfaces() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("pcapplusplus/many_interfaces-1.pcapng"))) {
            PcapngReader r = assertInstanceOf(PcapngReader.class, s);
            List<Frame> frames = Captures.readAll(r);
            assertEquals(64, frames.size());
            List<InterfaceInfo> ifs = r.interfaces();
            assertEquals(11, ifs.size());
            assertEquals(new InterfaceInfo(0, LinkType.ETHERNET, 262144, "en0", "10^-6 s"), ifs.get(0));
            assertEquals(new InterfaceInfo(4, LinkType.NULL, 262144, "utun0", "10^-6 s"), ifs.get(4));
            assertEquals(new InterfaceInfo(10, LinkType.NULL, 262144, "lo0", "10^-6 s"), ifs.get(10));
            assertEquals(new LinkType(12), ifs.get(8).linkType()); // DLT_RAW as macOS stores it
            assertEquals(62, frames.stream().filter(f -> f.interfaceIndex() == 0).count());
            assertEquals(2, frames.stream().filter(f -> f.interfaceIndex() == 10).count());
            assertTrue(frames.stream().filter(f -> f.interfaceIndex() == 10).allMatch(f -> f.linkType().equals(LinkType.NULL)));
            assertEquals(1439753725_701607000L, frames.get(0).timestampNanos());
            assertEquals(1439753728_292345000L, frames.get(63).timestampNanos());
        }
    }

    @Test
    void emptyPcapngHasNoFramesAndNoError() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("tcpdump/empty.pcapng"))) {
            PcapngReader r = assertInstanceOf(PcapngReader.class, s);
            assertEquals(LinkType.ETHERNET, r.linkType());
            assertEquals(262144, r.snapLength());
            assertNull(r.next());
            assertNull(r.next());
            assertEquals(1, r.interfaces().size());
        }
    }

    @Test
    void pcapExtensionButPcapngInside() throws IOException {
        try (FrameSource s = CaptureFiles.open(Captures.file("pcapplusplus/ipv4-malformed.pcap"))) {
            PcapngReader r = assertInstanceOf(PcapngReader.class, s);
            List<Frame> frames = Captures.readAll(r);
            assertEquals(2, frames.size());
            assertEquals(0, frames.get(0).interfaceIndex());
            assertEquals(1, frames.get(1).interfaceIndex());
            assertEquals(1350802591_754299000L, frames.get(0).timestampNanos());
            assertEquals(1571915896_647494000L, frames.get(1).timestampNanos());
        }
    }
}
