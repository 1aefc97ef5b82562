package netlab.analyzers.arp;

import static netlab.analyzers.arp.ArpFrames.BCAST;
import static netlab.analyzers.arp.ArpFrames.arp;
import static netlab.analyzers.arp.ArpFrames.m;
import static netlab.analyzers.arp.ArpFrames.reply;
import static netlab.analyzers.arp.ArpFrames.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import netlab.analyzers.event.Event;
import org.junit.jupiter.api.Test;

/**
 * ARP poisoning (arp_poisoning) on hand-built frames: the two-victim man in the middle is named with attacker
 * and victims; proxy ARP, a VRRP virtual MAC moving between routers and a failover announcement are not.
 * Hosts: A 10.0.0.1 at m(1), B 10.0.0.2 at m(2), attacker M at m(9), gateway G 10.0.0.254 at m(0xfe).
 */
class ArpPoisoningTest {
    private static final long MS = 1_000_000L;

    private static List<String> poisonings(ArpFrames.Run r) {
        return r.events.stream().filter(e -> e.type().equals("arp_poisoning")).map(Event::reason).toList();
    }

    /**
     * The classic pattern: M sends unsolicited unicast replies every second telling A that B is at M and B that
     * A is at M; the replies' target fields name A and B with their real MACs, which is all the evidence needed.
     * (tcpdump: 02:00:00:00:00:09 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 60: Reply 10.0.0.2 is-at
     * 02:00:00:00:00:09, length 46)
     */
    @Test
    void manInTheMiddleNamesAttackerAndBothVictims() {
        ArpFrames.Run r = new ArpFrames.Run();
        for (int i = 0; i < 5; i++) {
            r.feed(reply(m(9), "10.0.0.2", m(1), "10.0.0.1"), (2 * i) * 1000 * MS);
            r.feed(reply(m(9), "10.0.0.1", m(2), "10.0.0.2"), (2 * i + 1) * 1000 * MS);
        }
        assertEquals(List.of(
                "ARP poisoning: 02:00:00:00:00:09 told 10.0.0.2 (02:00:00:00:00:02) that 10.0.0.1 is at it, but"
                        + " 10.0.0.1 is 02:00:00:00:00:01 (reply target)",
                "ARP poisoning: 02:00:00:00:00:09 told 10.0.0.1 (02:00:00:00:00:01) that 10.0.0.2 is at it, but"
                        + " 10.0.0.2 is 02:00:00:00:00:02 (reply target)"), poisonings(r));
        assertEquals(2, r.tracker.poisonings());
    }

    /** A's own resolved ARP is the stronger evidence: the first forged reply is already poisoning. */
    @Test
    void ownArpIsEvidenceFromTheFirstForgedReply() {
        ArpFrames.Run r = new ArpFrames.Run();
        r.feed(request(m(1), "10.0.0.1", "10.0.0.2"), 0);
        r.feed(reply(m(2), "10.0.0.2", m(1), "10.0.0.1"), MS);
        r.feed(reply(m(9), "10.0.0.2", m(1), "10.0.0.1"), 2000 * MS);
        assertEquals(List.of("ARP poisoning: 02:00:00:00:00:09 told 10.0.0.1 (02:00:00:00:00:01) that 10.0.0.2 is at"
                + " it, but 10.0.0.2 is 02:00:00:00:00:02 (own arp)"), poisonings(r));
    }

    /** On-link IPv4 traffic is weak evidence: alone it never makes a claim poisoning, nor outweighs ARP. */
    @Test
    void ipv4TrafficAloneIsNotEnough() {
        ArpFrames.Run r = new ArpFrames.Run();
        r.feed(request(m(1), "10.0.0.1", "10.0.0.3"), 0);
        r.feed(reply(m(9), "10.0.0.3", m(1), "10.0.0.1"), 100 * MS);
        assertEquals(List.of(), poisonings(r));
    }

    /** A gateway answering requests for off-link addresses with its own MAC answers requests: no poisoning. */
    @Test
    void proxyArpByTheGatewayIsNotPoisoning() {
        ArpFrames.Run r = new ArpFrames.Run();
        for (int i = 0; i < 20; i++) {
            String far = "10.0.1." + (i + 1);
            r.feed(request(m(1), "10.0.0.1", far), i * 10 * MS);
            r.feed(reply(m(0xfe), far, m(1), "10.0.0.1"), i * 10 * MS + MS);
        }
        r.feed(request(m(2), "10.0.0.2", "10.0.1.1"), 500 * MS);
        r.feed(reply(m(0xfe), "10.0.1.1", m(2), "10.0.0.2"), 501 * MS);
        assertEquals(List.of(), poisonings(r));
        assertEquals(21, r.tracker.counts().pairs());
    }

    /**
     * VRRP (RFC 5798 section 7.3): the virtual IP stays at the virtual MAC 00:00:5e:00:01:01 while the master
     * changes, so the MAC moves between router ports and the binding never changes; backups keep their own IPs.
     */
    @Test
    void vrrpVirtualMacMovingIsNotPoisoning() {
        long virtual = 0x0000_5e00_0101L;
        ArpFrames.Run r = new ArpFrames.Run();
        r.feed(arp(BCAST, virtual, 0, 1, virtual, "10.0.0.254", 0, "10.0.0.254"), 0);
        r.feed(request(m(1), "10.0.0.1", "10.0.0.254"), 100 * MS);
        r.feed(reply(virtual, "10.0.0.254", m(1), "10.0.0.1"), 101 * MS);
        // The backup becomes master and announces the same virtual MAC (now from another port).
        r.feed(arp(BCAST, virtual, 0, 1, virtual, "10.0.0.254", 0, "10.0.0.254"), 3000 * MS);
        r.feed(arp(BCAST, virtual, 0, 2, virtual, "10.0.0.254", BCAST, "10.0.0.254"), 3001 * MS);
        r.feed(request(m(1), "10.0.0.1", "10.0.0.254"), 4000 * MS);
        r.feed(reply(virtual, "10.0.0.254", m(1), "10.0.0.1"), 4001 * MS);
        assertEquals(List.of(), poisonings(r));
        assertFalse(r.types().contains("ip_conflict"));
    }

    /**
     * A failover that moves an IP to the standby's MAC announces it in broadcast gratuitous ARP and then answers
     * requests from it: a move (changed_mac), never poisoning, even when clients are told in unicast afterwards.
     */
    @Test
    void failoverAnnouncementIsAMoveNotPoisoning() {
        ArpFrames.Run r = new ArpFrames.Run();
        r.feed(request(m(1), "10.0.0.1", "10.0.0.10"), 0);
        r.feed(reply(m(0x10), "10.0.0.10", m(1), "10.0.0.1"), MS);
        r.feed(arp(BCAST, m(0x11), 0, 1, m(0x11), "10.0.0.10", 0, "10.0.0.10"), 60_000 * MS);
        r.feed(arp(BCAST, m(0x11), 0, 2, m(0x11), "10.0.0.10", BCAST, "10.0.0.10"), 60_001 * MS);
        r.feed(reply(m(0x11), "10.0.0.10", m(1), "10.0.0.1"), 60_002 * MS);
        r.feed(request(m(1), "10.0.0.1", "10.0.0.10"), 61_000 * MS);
        r.feed(reply(m(0x11), "10.0.0.10", m(1), "10.0.0.1"), 61_001 * MS);
        assertEquals(List.of(), poisonings(r));
        assertEquals(m(0x11), r.tracker.bindings().stream().filter(b -> b.ip() == 0x0a00000a).findFirst()
                .orElseThrow().claims().get(1).mac());
    }

    /** A gratuitous claim sent in unicast to one host is a targeted claim too. */
    @Test
    void unicastGratuitousClaimIsPoisoning() {
        ArpFrames.Run r = new ArpFrames.Run();
        r.feed(request(m(2), "10.0.0.2", "10.0.0.1"), 0);
        r.feed(arp(m(1), m(9), 0, 2, m(9), "10.0.0.2", m(1), "10.0.0.2"), 1000 * MS);
        assertEquals(1, poisonings(r).size());
        assertEquals("ARP poisoning: 02:00:00:00:00:09 told 02:00:00:00:00:01 that 10.0.0.2 is at it, but"
                + " 10.0.0.2 is 02:00:00:00:00:02 (own arp)", poisonings(r).get(0));
    }
}
