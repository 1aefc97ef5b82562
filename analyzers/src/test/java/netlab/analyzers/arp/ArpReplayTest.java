package netlab.analyzers.arp;

import static netlab.analyzers.arp.ArpFrames.samples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import netlab.analyzers.event.Event;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import org.junit.jupiter.api.Test;

/**
 * Replays the scenario captures and one real LAN capture. Request/reply counts were cross-checked with
 * {@code tshark -r F -Y 'arp.opcode==N && arp.hw.type==1 && arp.proto.type==0x0800 && arp.hw.size==6 &&
 * arp.proto.size==4 && arp.dst.proto_ipv4'} (tshark 4.0); the numbers are stored here.
 */
class ArpReplayTest {

    private static ArpTracker.Counts counts(long req, long rep, long grat, long probes, long ann, long unicast,
                                            long replBcast, long pairs, long unans, long unsol, long malformed,
                                            long other, long mismatch, long storms) {
        return new ArpTracker.Counts(req, rep, grat, probes, ann, unicast, replBcast, pairs, unans, unsol,
                malformed, other, mismatch, storms);
    }

    private static List<String> describe(List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            out.add(e.type() + " " + e.reason());
        }
        return out;
    }

    private static List<Long> rttsUs(ArpTracker t) {
        List<Long> out = new ArrayList<>();
        for (ArpTracker.Pair p : t.pairList()) {
            out.add(p.rttNanos() / 1000);
        }
        return out;
    }

    @Test
    void arpIcmpPairsThreeRequestsAndNamesTwoNewStations() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(samples("arp-icmp.pcap"));
        // tshark: 3 x opcode 1, 3 x opcode 2 (frames 1/2, 9/10, 11/12: RTT 22, 17, 17 us)
        assertEquals(counts(3, 3, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0), r.tracker.counts());
        assertEquals(List.of(22L, 17L, 17L), rttsUs(r.tracker));
        assertEquals(new RttSummary(3, 17_000, 17_000, 22_000, 22_000, true), r.tracker.rtt());
        assertEquals(List.of("new_station new station 10.77.0.1 at 02:00:00:00:00:01",
                "new_station new station 10.77.0.2 at 02:00:00:00:00:02"), describe(r.events));
        ArpTracker.Pair p = r.tracker.pairList().get(0);
        assertEquals(new ArpTracker.Pair(p.requestNanos(), 0, ArpFrames.m(1), ip("10.77.0.1"), ip("10.77.0.2"),
                ArpFrames.m(2), 22_000), p);
    }

    @Test
    void arpAbsentLeavesThreeUnansweredRequestsAndOneNewStation() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run();
        List<String> hooked = new ArrayList<>();
        r.tracker.setUnansweredHook((mac, vlan, t) -> hooked.add(new MacAddress(mac) + "/" + vlan));
        r.replay(samples("arp-absent.pcap"));
        assertEquals(counts(3, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0), r.tracker.counts());
        assertEquals(List.of("new_station new station 10.77.0.1 at 02:00:00:00:00:01"), describe(r.events));
        assertEquals(List.of(new ArpTracker.UnansweredGroup(0, ip("10.77.0.1"), ip("10.77.0.99"), 3)),
                r.tracker.unansweredGroups(10));
        assertEquals(List.of("02:00:00:00:00:01/0", "02:00:00:00:00:01/0", "02:00:00:00:00:01/0"), hooked);
        assertEquals(null, r.tracker.rtt());
    }

    @Test
    void arpGratuitousCountsGratuitousAndProbesWithoutPairingOrAlerts() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(samples("arp-gratuitous.pcap"));
        // tshark: arp.isgratuitous 4 (2 requests with THA ff:.., 2 replies), arp.isprobe 2, announcements 0
        assertEquals(counts(4, 2, 4, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0), r.tracker.counts());
        assertEquals(List.of("new_station new station 10.77.0.1 at 02:00:00:00:00:01"), describe(r.events));
    }

    @Test
    void arpSpoofNamesTheRebindingTheConflictAndTheFlipFlop() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(samples("arp-spoof.pcap"));
        assertEquals(counts(2, 7, 0, 0, 0, 0, 0, 2, 0, 5, 0, 0, 0, 0), r.tracker.counts());
        String forged = "unsolicited_reply unsolicited reply 10.77.0.2 is at 02:00:00:00:00:03 to 10.77.0.1"
                + " (02:00:00:00:00:01)";
        assertEquals(List.of("new_station new station 10.77.0.1 at 02:00:00:00:00:01",
                "new_station new station 10.77.0.2 at 02:00:00:00:00:02",
                forged + ", rebinding it from 02:00:00:00:00:02: possible spoofing",
                "arp_poisoning ARP poisoning: 02:00:00:00:00:03 told 10.77.0.1 (02:00:00:00:00:01) that 10.77.0.2 is"
                        + " at it, but 10.77.0.2 is 02:00:00:00:00:02 (own arp)",
                "ip_conflict 10.77.0.2 claimed by 02:00:00:00:00:03 while 02:00:00:00:00:02 had it 0.355359 s"
                        + " earlier",
                forged, forged, forged, forged,
                "flip_flop 10.77.0.2 flipped back from 02:00:00:00:00:03 to 02:00:00:00:00:02"), describe(r.events));
        assertEquals(List.of(89L, 29L), rttsUs(r.tracker));
        ArpBinding b = r.tracker.bindings().get(1);
        assertEquals(List.of(ArpFrames.m(2), ArpFrames.m(3)), b.claims().stream().map(ArpBinding.Claim::mac)
                .toList());
    }

    @Test
    void arpBurstRaisesOnePerSourceAndOneSegmentStorm() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(samples("arp-burst.pcap"));
        assertEquals(counts(200, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0, 0, 0, 2), r.tracker.counts());
        assertEquals(List.of("new_station new station 10.77.0.1 at 02:00:00:00:00:01",
                "arp_storm 21 ARP requests from 02:00:00:00:00:01 within 0.005025 s (threshold: more than 20 in"
                        + " 100 ms)",
                "arp_storm 31 ARP requests on the segment within 0.007480 s (threshold: more than 30 in 100 ms)"),
                describe(r.events));
        assertEquals(1000, ArpConfig.LIST_CAP);
        assertEquals(200, r.tracker.unansweredList().size());
    }

    @Test
    void vlanCaptureKeysPairsAndBindingsByOutermostVlan() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(samples("vlan.pcap"));
        assertEquals(counts(3, 2, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0), r.tracker.counts());
        assertEquals(List.of(50_006L, 22L), rttsUs(r.tracker));
        assertEquals(List.of(10, 0), r.tracker.pairList().stream().map(ArpTracker.Pair::vlan).toList());
        assertEquals(List.of("new_station", "new_station", "new_station", "new_station", "new_station"), r.types());
        assertEquals(100, r.tracker.unansweredList().get(0).vlan());
    }

    @Test
    void realLanCaptureAgreesWithTshark() throws IOException {
        ArpFrames.Run r = new ArpFrames.Run().replay(ArpFrames.publicCapture("tcpdump/arp-oobr.pcap"));
        // tshark: arp.opcode == 1: 2152, == 2: 28 (all frames, malformed included; frame 1166 is ATM ARP, which
        // tshark decodes apart). Well-formed filter: isgratuitous 23, isannouncement 6,
        // isprobe 0, requests to a non-broadcast eth.dst 204, replies to broadcast 0, eth.src != arp.src.hw_mac
        // 411, other opcodes 74; ARP frames that fail the filter: 258, plus one frame tshark stops at
        // Ethernet (its ARP header is cut short) = 259 malformed.
        assertEquals(counts(2152, 28, 23, 0, 6, 204, 0, 10, 1892, 14, 259, 74, 411, 0), r.tracker.counts());
        Map<String, Long> byType = new TreeMap<>();
        for (Event e : r.events) {
            byType.merge(e.type(), 1L, Long::sum);
        }
        // arp_poisoning: two fuzzed unicast gratuitous replies claim 170.170.170.170, which its own ARP bound
        // to 00:1f:29:da:2d:79.
        assertEquals(Map.of("arp_poisoning", 2L, "changed_mac", 32L, "flip_flop", 147L, "ip_conflict", 176L,
                "malformed_arp", 259L, "new_station", 115L, "sender_mismatch", 411L, "unsolicited_reply", 14L), byType);
        Map<String, Set<String>> expected = tsharkBindings();
        assertEquals(115, expected.size());
        List<ArpBinding> bindings = r.tracker.bindings();
        assertEquals(expected.size(), bindings.size());
        for (ArpBinding b : bindings) {
            Set<String> macs = new TreeSet<>();
            b.claims().forEach(c -> macs.add(new MacAddress(c.mac()).toString()));
            Set<String> want = expected.get(Ipv4Address.format(b.ip()));
            if (want.size() <= ArpConfig.HISTORY_CAP) {
                assertEquals(want, macs, Ipv4Address.format(b.ip()));
            } else {
                assertEquals(ArpConfig.HISTORY_CAP, macs.size());
                assertTrue(want.containsAll(macs));
            }
        }
        RttSummary rtt = r.tracker.rtt();
        assertEquals(10, rtt.count());
        assertEquals(307, rtt.min() / 1000);
        assertEquals(459, rtt.max() / 1000);
    }

    private static Map<String, Set<String>> tsharkBindings() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (InputStream in = ArpReplayTest.class.getResourceAsStream("arp-oobr-bindings.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.split("\t");
                    out.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1]);
                }
            }
        }
        return out;
    }

    private static int ip(String s) {
        return Ipv4Address.parse(s).bits();
    }
}
