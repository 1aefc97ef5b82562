package netlab.analyzers.mac;

import static netlab.analyzers.mac.TestFrames.BROADCAST;
import static netlab.analyzers.mac.TestFrames.SEC;
import static netlab.analyzers.mac.TestFrames.T0;
import static netlab.analyzers.mac.TestFrames.arp;
import static netlab.analyzers.mac.TestFrames.eth;
import static netlab.analyzers.mac.TestFrames.feed;
import static netlab.analyzers.mac.TestFrames.ipv4;
import static netlab.analyzers.mac.TestFrames.ndp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.event.Event;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.net.Ipv6Address;
import org.junit.jupiter.api.Test;

class MacTableTest {
    static final long A = 0x0200_0000_0001L;
    static final long B = 0x0200_0000_0002L;
    static final long CISCO = 0x0000_0c00_0001L;
    final List<Event> events = new ArrayList<>();

    static byte[] v6(String text) {
        Ipv6Address a = Ipv6Address.parse(text);
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (a.high() >>> (56 - 8 * i));
            b[8 + i] = (byte) (a.low() >>> (56 - 8 * i));
        }
        return b;
    }

    MacTable table(long agingSeconds, int cap) {
        return new MacTable(new MacTable.Config(agingSeconds * SEC, cap, 100, SEC, SEC), OuiTable::bundled, events::add);
    }

    @Test
    void learnsSourcesAndJudgesUnicastForwardedOrFlooded() {
        MacTable t = table(300, 16);
        feed(eth(BROADCAST, A, 0x0806, arp(1, A, 0x0a000001, 0, 0x0a000002)), T0, t); // learn A
        feed(eth(A, B, 0x0806, arp(2, B, 0x0a000002, A, 0x0a000001)), T0 + 1, t);     // A known: forwarded
        feed(eth(CISCO, A, 0x0800, ipv4(0x0a000001, 0x08080808)), T0 + 2, t);        // CISCO unknown: flooded
        t.finish();
        assertEquals(1, t.forwardedUnicast());
        assertEquals(1, t.floodedUnicast());
        assertEquals(0.5, t.floodRatio());
        List<Station> s = t.stations();
        assertEquals(2, s.size());
        Station a = s.get(0);
        assertEquals(A, a.mac());
        assertEquals(2, a.frames());
        assertEquals(42 + 42, a.bytes());
        assertEquals(1, a.broadcastFrames());
        assertEquals(1, a.arpRequests());
        assertEquals(List.of("10.0.0.1"), a.ips());
        assertTrue(a.locallyAdministered());
        assertEquals(1, s.get(1).arpReplies());
        assertEquals(List.of("10.0.0.2"), s.get(1).ips());
        t.countUnanswered(A, 0);
        t.countUnanswered(A, 7);
        assertEquals(1, t.stations().get(0).arpUnanswered());
        assertEquals(List.of(), events);
    }

    @Test
    void vlanIsPartOfTheKey() {
        MacTable t = table(300, 16);
        feed(eth(BROADCAST, A, 0x0806, arp(1, A, 1, 0, 2), 10), T0, t);
        feed(eth(BROADCAST, A, 0x0806, arp(1, A, 1, 0, 2), 20, 30), T0 + 1, t);
        feed(eth(A, B, 0x0806, arp(2, B, 2, A, 1), 20), T0 + 2, t);   // A known on VLAN 20: forwarded
        feed(eth(A, B, 0x0806, arp(2, B, 2, A, 1), 40), T0 + 3, t);   // not on VLAN 40: flooded
        List<Station> s = t.stations();
        assertEquals(4, s.size());
        assertEquals(10, s.get(0).vlan());
        assertEquals(20, s.get(1).vlan());
        assertEquals(List.of(20, 30), s.get(1).vlans());
        assertEquals(1, t.forwardedUnicast());
        assertEquals(1, t.floodedUnicast());
    }

    @Test
    void agingRemovesIdleEntriesWhenTimeAdvances() {
        MacTable t = table(300, 16);
        feed(eth(B, A, 0x0800, ipv4(1, 2)), T0, t);
        feed(eth(A, B, 0x0800, ipv4(2, 1)), T0 + 100 * SEC, t);
        feed(eth(A, B, 0x0800, ipv4(2, 1)), T0 + 300 * SEC, t);         // A idle exactly 300 s: kept
        assertEquals(2, t.forwardedUnicast());
        feed(eth(A, B, 0x0800, ipv4(2, 1)), T0 + 300 * SEC + 1, t);     // idle 300 s + 1 ns: aged, flooded
        assertEquals(1, t.agedOut());
        assertEquals(2, t.floodedUnicast());
        assertEquals(List.of(B), t.stations().stream().map(Station::mac).toList());
        MacTable never = table(0, 16);
        feed(eth(B, A, 0x0800, ipv4(1, 2)), T0, never);
        feed(eth(A, B, 0x0800, ipv4(2, 1)), T0 + 100_000 * SEC, never);
        assertEquals(1, never.forwardedUnicast());
    }

    @Test
    void capEvictsTheLeastRecentlySeenAndRaisesOneFlood() {
        MacTable t = table(300, 3);
        for (int i = 1; i <= 5; i++) {
            feed(eth(BROADCAST, 0x0200_0000_0000L + i, 0x0800, ipv4(i, -1)), T0 + i, t);
        }
        t.finish();
        assertEquals(3, t.size());
        assertEquals(2, t.evicted());
        assertEquals(List.of(3L, 4L, 5L), t.stations().stream().map(s -> s.mac() & 0xff).toList());
        assertEquals(List.of(3L, 4L), t.stations(2).stream().map(s -> s.mac() & 0xff).toList());
        assertEquals(1, events.size());
        var e = (MacTableEvent.MacFlood) events.get(0);
        assertEquals("mac_flood", e.type());
        assertEquals("cap", e.trigger());
        assertEquals(T0 + 4, e.timeNanos());
        assertEquals(3, e.windowNewMacs());
        assertEquals(2, e.tableSize());
    }

    @Test
    void learningRateOverTheThresholdIsAFloodOncePerEpisode() {
        MacTable t = table(300, 100_000);
        for (int sec = 0; sec < 3; sec++) {
            for (int i = 0; i < 150; i++) {
                feed(eth(B, 0x0200_0000_0000L + sec * 1000 + i, 0x0800, ipv4(1, 2), 5), T0 + sec * SEC + i, t);
            }
        }
        feed(eth(B, A, 0x0800, ipv4(1, 2)), T0 + 3 * SEC, t);            // a quiet second ends the episode
        for (int i = 0; i < 101; i++) {
            feed(eth(B, 0x0200_0001_0000L + i, 0x0800, ipv4(1, 2)), T0 + 4 * SEC + i, t);
        }
        t.finish();
        assertEquals(2, events.size());
        var e = (MacTableEvent.MacFlood) events.get(0);
        assertEquals("rate", e.trigger());
        assertEquals(T0 + SEC, e.timeNanos());
        assertEquals(150.0, e.newMacsPerSec());
        assertEquals(5, e.topVlan());
        assertEquals(150, e.topNewMacs());
        assertEquals(T0 + 4 * SEC + 100, events.get(1).timeNanos());
        assertEquals(2, t.floodEpisodes());
    }

    @Test
    void addressesComeFromArpIpAndNeighbourDiscovery() {
        MacTable t = table(300, 16);
        byte[] ll = v6("fe80::1");
        byte[] global = v6("2001:db8::1");
        byte[] other = v6("2001:db8::99");
        byte[] unspecified = new byte[16];
        byte[] allNodes = v6("ff02::1");
        feed(eth(BROADCAST, A, 0x0806, arp(1, A, 0, 0, 0x0a000001)), T0, t);              // probe: no address
        feed(eth(BROADCAST, A, 0x0806, arp(1, B, 0x0a000009, 0, 0x0a000001)), T0 + 1, t); // sender != source
        feed(eth(B, A, 0x86dd, ndp(135, unspecified, allNodes, global)), T0 + 2, t);       // DAD: target is A's
        feed(eth(B, A, 0x86dd, ndp(135, ll, allNodes, other)), T0 + 3, t);                 // NS: target is not A's
        feed(eth(B, A, 0x86dd, ndp(136, ll, allNodes, global)), T0 + 4, t);                // NA: target is A's
        feed(eth(B, A, 0x0800, ipv4(0, -1)), T0 + 5, t);                                   // 0.0.0.0: skipped
        for (int i = 0; i < 20; i++) {
            feed(eth(B, A, 0x0800, ipv4(0x0a000100 + i, 1)), T0 + 6 + i, t);
        }
        Station a = t.stations().get(0);
        assertEquals(List.of("2001:db8::1", "fe80::1", "10.0.1.0", "10.0.1.1"), a.ips().subList(0, 4));
        assertEquals(MacTable.MAX_IPS_PER_STATION, a.ips().size());
        assertEquals(6, a.ipsMoreFrames());
    }

    @Test
    void groupBitSourceIsFlagged() throws Exception {
        MacTable t = table(300, 16);
        feed(eth(B, 0x0100_5e00_0001L, 0x0800, ipv4(1, 2)), T0, t);
        feed(eth(B, CISCO, 0x0800, ipv4(3, 4)), T0 + 1, t);
        t.finish();
        assertTrue(t.stations().get(1).groupSource());
    }
}
