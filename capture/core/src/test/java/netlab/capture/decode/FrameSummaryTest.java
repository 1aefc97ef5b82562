package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import netlab.capture.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact comparison with {@code tcpdump -n -e -S -r FILE} (text after the timestamp) on public captures. */
class FrameSummaryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        tcpdump/802.1ad_QinQ.pcap|1|00:20:d2:5a:fb:3f > ff:ff:ff:ff:ff:ff, ethertype 802.1Q-QinQ (0x88a8), length 64: vlan 200, p 0, ethertype 802.1Q (0x8100), vlan 2001, p 0, ethertype ARP (0x0806), Request who-has 172.21.79.100 tell 172.21.79.97, length 42
        tcpdump/802.1ad_QinQ.pcap|2|00:80:ea:81:88:63 > 00:20:d2:5a:fb:3f, ethertype 802.1Q-QinQ (0x88a8), length 64: vlan 200, p 0, ethertype 802.1Q (0x8100), vlan 2001, p 0, ethertype ARP (0x0806), Reply 172.21.79.100 is-at 00:80:ea:81:88:63, length 42
        pcapplusplus/ArpRequestWithVlan.pcap|1|ca:03:0d:b4:00:1c > ff:ff:ff:ff:ff:ff, ethertype 802.1Q (0x8100), length 50: vlan 666, p 5, DEI, ethertype 802.1Q (0x8100), vlan 200, p 2, ethertype ARP (0x0806), Request who-has 192.168.2.254 tell 192.168.2.200, length 28
        pcapplusplus/ArpResponsePacket.pcap|1|30:46:9a:23:fb:fa > 6c:f0:49:b2:de:6e, ethertype ARP (0x0806), length 60: Reply 10.0.0.138 is-at 30:46:9a:23:fb:fa, length 46
        pcapplusplus/VlanPackets.pcap|1|00:13:c3:df:ae:18 > 00:1b:d4:1b:a4:d8, ethertype 802.1Q (0x8100), length 122: vlan 118, p 0, ethertype 802.1Q (0x8100), vlan 10, p 0, ethertype IPv4 (0x0800), 10.118.10.1 > 10.118.10.2: ICMP echo request, id 3, seq 0, length 80
        pcapplusplus/IcmpV6_NeighAdvSoli.pcap|1|c2:00:54:f5:00:00 > 33:33:ff:f5:00:00, ethertype IPv6 (0x86dd), length 78: :: > ff02::1:fff5:0: ICMP6, neighbor solicitation, who has fe80::c000:54ff:fef5:0, length 24
        pcapplusplus/IcmpV6_NeighAdvSoli.pcap|2|c2:00:54:f5:00:00 > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 86: fe80::c000:54ff:fef5:0 > ff02::1: ICMP6, neighbor advertisement, tgt is fe80::c000:54ff:fef5:0, length 32
        tcpdump/icmpv6.pcap|1|b0:99:28:c8:d6:6c > 33:33:00:00:00:01, ethertype IPv6 (0x86dd), length 230: fe80::b299:28ff:fec8:d66c > ff02::1: ICMP6, router advertisement, length 176
        tcpdump/print-flags.pcap|1|00:00:00:00:00:00 > 00:00:00:00:00:00, ethertype IPv4 (0x0800), length 74: 127.0.0.1.55920 > 127.0.0.1.80: Flags [S], seq 928549246, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 0,nop,wscale 2], length 0
        tcpdump/print-flags.pcap|2|00:00:00:00:00:00 > 00:00:00:00:00:00, ethertype IPv4 (0x0800), length 74: 127.0.0.1.80 > 127.0.0.1.55920: Flags [S.], seq 930778609, ack 928549247, win 32767, options [mss 16396,sackOK,TS val 1306300950 ecr 1306300950,nop,wscale 2], length 0
        tcpdump/print-flags.pcap|3|00:00:00:00:00:00 > 00:00:00:00:00:00, ethertype IPv4 (0x0800), length 66: 127.0.0.1.55920 > 127.0.0.1.80: Flags [.], ack 930778610, win 8192, options [nop,nop,TS val 1306300950 ecr 1306300950], length 0
        tcpdump/tcp-handshake-nano.pcap|1|Out ethertype IPv4 (0x0800), length 76: 131.155.215.69.46656 > 137.116.81.94.80: Flags [S], seq 797190859, win 27200, options [mss 1360,sackOK,TS val 1131021154 ecr 0,nop,wscale 7], length 0
        tcpdump/dhcp-rfc4388.pcap|2|a6:82:4b:c9:a1:a7 > 74:83:ef:07:d0:a9, ethertype IPv4 (0x0800), length 62: 10.40.2.3 > 10.30.4.4: ICMP echo request, id 16420, seq 0, length 28
        """)
    void matchesTcpdump(String file, int number, String expected) throws IOException {
        List<Frame> frames = TestCaptures.read(TestCaptures.publicDir().resolve(file));
        Frame f = frames.get(number - 1);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        assertEquals(expected, FrameSummary.line(f, v));
    }

    /** netlab's own wording where tcpdump differs: STP flags omitted, failure reasons instead of tcpdump's. */
    @ParameterizedTest
    @CsvSource(delimiter = '~', textBlock = """
        pcapplusplus/EthDot3.pcap~1~00:13:f7:11:5e:db > 01:80:c2:00:00:00, 802.3, length 38: LLC, dsap STP (0x42) Individual, ssap STP (0x42) Command, ctrl 0x03: STP 802.1d, Config, bridge-id 8000.00:13:f7:11:5e:c0.801b, length 35
        pcapplusplus/tcp-malformed.pcap~1~6c:27:79:36:30:1c > 00:00:5e:00:01:02, ethertype IPv4 (0x0800), length 60: 172.19.42.74.49671 > 87.240.131.240.25014: [|tcp] header length 28 > 20 bytes of IP payload
        pcapplusplus/ipv4-malformed.pcap~1~00:80:48:49:11:64 > 44:6d:57:4b:ed:0b, ethertype IPv4 (0x0800), length 217: 192.168.1.4 > 192.168.1.3: [|ip] total length 11 < header length 20
        """)
    void subsetOfTcpdump(String file, int number, String expected) throws IOException {
        List<Frame> frames = TestCaptures.read(TestCaptures.publicDir().resolve(file));
        Frame f = frames.get(number - 1);
        PacketView v = new PacketView();
        Decoder.decode(f, v);
        assertEquals(expected, FrameSummary.line(f, v));
    }
}
