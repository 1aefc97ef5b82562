package netlab.analyzers.arp;

import static netlab.analyzers.arp.ArpFrames.BCAST;
import static netlab.analyzers.arp.ArpFrames.arp;
import static netlab.analyzers.arp.ArpFrames.m;
import static netlab.analyzers.arp.ArpFrames.reply;
import static netlab.analyzers.arp.ArpFrames.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import org.junit.jupiter.api.Test;

/** Pairing rules and one test per event type, on hand-built frames (times in ms). */
class ArpTrackerTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;

    private static int ip(String s) {
        return Ipv4Address.parse(s).bits();
    }

    @Test
    void replyAnswersTheMostRecentRetransmissionAndTheEarlierOneIsUnanswered() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.2"), 0)
                .feed(request(m(1), "10.0.0.1", "10.0.0.2"), 500 * MS)
                .feed(reply(m(2), "10.0.0.2", m(1), "10.0.0.1"), 500 * MS + 120_000);
        r.tracker.finish();
        assertEquals(1, r.tracker.counts().pairs());
        assertEquals(120_000, r.tracker.pairList().get(0).rttNanos());
        assertEquals(500 * MS, r.tracker.pairList().get(0).requestNanos());
        assertEquals(List.of(new ArpTracker.Unanswered(0, 0, m(1), ip("10.0.0.1"), ip("10.0.0.2"))),
                r.tracker.unansweredList());
    }

    @Test
    void replyExactlyAtTheTimeoutPairsAndOneLaterIsUnsolicited() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.2"), 0)
                .feed(reply(m(2), "10.0.0.2", m(1), "10.0.0.1"), S)
                .feed(request(m(1), "10.0.0.1", "10.0.0.3"), 2 * S)
                .feed(reply(m(3), "10.0.0.3", m(1), "10.0.0.1"), 3 * S + 1);
        assertEquals(1, r.tracker.counts().pairs());
        assertEquals(1, r.tracker.counts().unanswered());
        assertEquals(1, r.tracker.counts().unsolicitedReplies());
        assertEquals(List.of("new_station", "new_station", "unsolicited_reply", "new_station"), r.types());
    }

    @Test
    void unansweredIsDecidedByLaterCaptureTimeOrFinishAndReachesTheHook() {
        List<Long> hooked = new ArrayList<>();
        ArpFrames.Run r = new ArpFrames.Run();
        r.tracker.setUnansweredHook((mac, vlan, t) -> hooked.add(t));
        r.feed(request(m(1), "10.0.0.1", "10.0.0.9"), 0);
        r.feed(request(m(1), "10.0.0.1", "10.0.0.8"), S);
        assertEquals(List.of(), hooked);
        r.feed(request(m(1), "10.0.0.1", "10.0.0.7"), S + 1);
        assertEquals(List.of(0L), hooked);
        r.tracker.finish();
        assertEquals(List.of(0L, S, S + 1), hooked);
    }

    @Test
    void pairingRequiresTheSameVlanAndTheRequestersMac() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(arp(BCAST, m(1), 10, 1, m(1), "10.0.0.1", 0, "10.0.0.2"), 0)
                .feed(arp(m(1), m(2), 20, 2, m(2), "10.0.0.2", m(1), "10.0.0.1"), MS)
                .feed(arp(m(5), m(2), 10, 2, m(2), "10.0.0.2", m(5), "10.0.0.1"), MS)
                .feed(arp(m(1), m(2), 10, 2, m(2), "10.0.0.2", m(1), "10.0.0.1"), 2 * MS);
        assertEquals(1, r.tracker.counts().pairs());
        assertEquals(2, r.tracker.counts().unsolicitedReplies());
        assertEquals(10, r.tracker.pairList().get(0).vlan());
    }

    @Test
    void gratuitousAndProbesAreNeverPairedOrUnanswered() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(arp(BCAST, m(1), 0, 1, m(1), "10.0.0.1", 0, "10.0.0.1"), 0)
                .feed(arp(BCAST, m(1), 0, 1, m(1), "0.0.0.0", 0, "10.0.0.5"), MS)
                .feed(arp(BCAST, m(1), 0, 2, m(1), "10.0.0.1", BCAST, "10.0.0.1"), 2 * MS);
        r.tracker.finish();
        ArpTracker.Counts c = r.tracker.counts();
        assertEquals(0, c.pairs() + c.unanswered() + c.unsolicitedReplies());
        assertEquals(List.of("new_station"), r.types());
    }

    @Test
    void newStationFromGratuitousArpIsNotAConflict() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.2"), 0)
                .feed(arp(BCAST, m(7), 0, 1, m(7), "10.0.0.7", 0, "10.0.0.7"), MS);
        assertEquals(List.of(new ArpEvent.NewStation(0, 0, ip("10.0.0.1"), m(1)),
                new ArpEvent.NewStation(MS, 0, ip("10.0.0.7"), m(7))), r.events);
    }

    @Test
    void linuxUnicastRevalidationRaisesNothing() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.2"), 0)
                .feed(reply(m(2), "10.0.0.2", m(1), "10.0.0.1"), MS);
        r.events.clear();
        r.feed(arp(m(2), m(1), 0, 1, m(1), "10.0.0.1", m(2), "10.0.0.2"), 30 * S)
                .feed(reply(m(2), "10.0.0.2", m(1), "10.0.0.1"), 30 * S + MS);
        assertEquals(List.of(), r.events);
        assertEquals(1, r.tracker.counts().unicastRequests());
        assertEquals(2, r.tracker.counts().pairs());
    }

    @Test
    void secondMacWithinTheWindowIsAConflictThenGoingBackIsAFlipFlop() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.9"), 0)
                .feed(request(m(2), "10.0.0.1", "10.0.0.9"), 10 * S)
                .feed(request(m(1), "10.0.0.1", "10.0.0.9"), 20 * S);
        assertEquals(new ArpEvent.IpConflict(10 * S, 0, ip("10.0.0.1"), m(2), m(1), 0), r.events.get(1));
        assertEquals(new ArpEvent.FlipFlop(20 * S, 0, ip("10.0.0.1"), m(1), m(2)), r.events.get(2));
        assertEquals(3, r.events.size());
    }

    @Test
    void newMacAfterTheWindowIsAChangedMac() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(1), "10.0.0.1", "10.0.0.9"), 0)
                .feed(request(m(2), "10.0.0.1", "10.0.0.9"), 61 * S);
        assertEquals(new ArpEvent.ChangedMac(61 * S, 0, ip("10.0.0.1"), m(2), m(1), 0), r.events.get(1));
        assertEquals(List.of(m(1), m(2)), r.tracker.bindings().get(0).claims().stream()
                .map(ArpBinding.Claim::mac).toList());
    }

    @Test
    void probesZeroAndGroupSenderMacsAreNotLearned() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(arp(BCAST, m(1), 0, 1, m(1), "0.0.0.0", 0, "10.0.0.5"), 0)
                .feed(arp(BCAST, m(1), 0, 1, 0, "10.0.0.6", 0, "10.0.0.9"), MS)
                .feed(arp(BCAST, m(1), 0, 1, 0x0100_5e00_0001L, "10.0.0.7", 0, "10.0.0.9"), 2 * MS);
        assertEquals(List.of(), r.tracker.bindings());
        assertEquals(List.of("sender_mismatch", "sender_mismatch"), r.types());
    }

    @Test
    void senderMismatchEvent() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(arp(BCAST, m(9), 0, 1, m(1), "10.0.0.1", 0, "10.0.0.2"), 0);
        assertEquals(new ArpEvent.SenderMismatch(0, 0, ip("10.0.0.1"), m(9), m(1), 1), r.events.get(0));
        assertEquals("new_station", r.events.get(1).type());
    }

    @Test
    void unsolicitedReplyThatRebindsIsPossibleSpoofing() {
        ArpFrames.Run r = new ArpFrames.Run()
                .feed(request(m(2), "10.0.0.2", "10.0.0.1"), 0)
                .feed(reply(m(3), "10.0.0.2", m(1), "10.0.0.1"), S);
        ArpEvent.UnsolicitedReply u = (ArpEvent.UnsolicitedReply) r.events.get(1);
        assertEquals(new ArpEvent.UnsolicitedReply(S, 0, ip("10.0.0.2"), m(3), ip("10.0.0.1"), m(1), true, m(2)),
                u);
        assertTrue(u.reason().endsWith("possible spoofing"));
        assertEquals("arp_poisoning", r.events.get(2).type());
        assertEquals("ip_conflict", r.events.get(3).type());
        assertEquals(4, r.events.size());
    }

    @Test
    void stormsFireOncePerBurstAndReArmAfterAQuietWindow() {
        ArpFrames.Run r = new ArpFrames.Run();
        for (int burst = 0; burst < 2; burst++) {
            for (int i = 0; i < 40; i++) {
                r.feed(request(m(1 + i % 2), "10.0.0." + (1 + i % 2), "10.0.1." + i), burst * S + i * MS);
            }
        }
        List<ArpEvent.ArpStorm> storms = r.events.stream().filter(e -> e instanceof ArpEvent.ArpStorm)
                .map(e -> (ArpEvent.ArpStorm) e).toList();
        assertEquals(2, storms.size());
        assertEquals(new ArpEvent.ArpStorm(30 * MS, 0, "segment", -1, 31, 100, 30 * MS), storms.get(0));
        assertEquals(S + 30 * MS, storms.get(1).timeNanos());
    }

    @Test
    void perSourceStormNamesTheSource() {
        ArpFrames.Run r = new ArpFrames.Run(ArpConfig.defaults().withStorm(1000, 5, 100 * MS));
        for (int i = 0; i < 6; i++) {
            r.feed(arp(BCAST, m(4), 7, 1, m(4), "10.0.0.4", 0, "10.0.0." + (10 + i)), i * 10 * MS);
        }
        assertEquals(new ArpEvent.ArpStorm(50 * MS, 7, "source", m(4), 6, 100, 50 * MS), r.events.get(1));
        assertEquals(2, r.events.size());
    }

    @Test
    void malformedEvent() {
        byte[] f = request(m(1), "10.0.0.1", "10.0.0.2");
        f[18] = 14;
        ArpFrames.Run r = new ArpFrames.Run().feed(f, 0);
        assertEquals(new ArpEvent.Malformed(0, 0, m(1), "address lengths 14/4, not 6/4"), r.events.get(0));
        assertEquals(1, r.tracker.counts().malformed());
    }
}
