package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-IP MAC history: most recent first, capped, kept per slot across eviction and table growth. */
class BindingsHistoryTest {
    private static final long S = 1_000_000_000L;
    private static final int IP = 0x0a000001;
    private static final long A = 0x0200_0000_000aL;
    private static final long B = 0x0200_0000_000bL;
    private static final long C = 0x0200_0000_000cL;
    private static final long D = 0x0200_0000_000dL;

    private static ArpBinding.Claim claim(long mac, long first, long last) {
        return new ArpBinding.Claim(mac, first * S, last * S);
    }

    @Test
    void aFullHistoryDropsItsOldestMacSoItIsNoLongerAFlipFlop() {
        Bindings b = new Bindings(16, 3, 60 * S);
        assertEquals(new ArpEvent.NewStation(1 * S, 0, IP, A), b.claim(0, IP, A, 1 * S));
        b.claim(0, IP, B, 2 * S);
        b.claim(0, IP, C, 3 * S);
        assertEquals(new ArpEvent.IpConflict(4 * S, 0, IP, D, C, 3 * S), b.claim(0, IP, D, 4 * S));
        assertEquals(List.of(new ArpBinding(0, IP, 1 * S, 4 * S,
                List.of(claim(B, 2, 2), claim(C, 3, 3), claim(D, 4, 4)))), b.snapshot());
        // A was dropped: back after the window it is a changed MAC, first seen anew.
        assertEquals(new ArpEvent.ChangedMac(100 * S, 0, IP, A, D, 4 * S), b.claim(0, IP, A, 100 * S));
        assertEquals(List.of(new ArpBinding(0, IP, 1 * S, 100 * S,
                List.of(claim(C, 3, 3), claim(D, 4, 4), claim(A, 100, 100)))), b.snapshot());
    }

    @Test
    void anOlderMacMovesToTheFrontKeepingItsFirstSeen() {
        Bindings b = new Bindings(16, 4, 60 * S);
        b.claim(0, IP, A, 1 * S);
        b.claim(0, IP, B, 2 * S);
        b.claim(0, IP, C, 3 * S);
        assertEquals(new ArpEvent.IpConflict(4 * S, 0, IP, A, C, 3 * S), b.claim(0, IP, A, 4 * S));
        assertEquals(new ArpEvent.FlipFlop(5 * S, 0, IP, C, A), b.claim(0, IP, C, 5 * S));
        assertNull(b.claim(0, IP, C, 6 * S));
        assertEquals(C, b.current(0, IP));
        assertEquals(List.of(new ArpBinding(0, IP, 1 * S, 6 * S,
                List.of(claim(A, 1, 4), claim(B, 2, 2), claim(C, 3, 6)))), b.snapshot());
    }

    @Test
    void anEvictedBindingsHistoryDoesNotLeakIntoTheIpThatTakesItsSlot() {
        Bindings b = new Bindings(1, 4, 60 * S);
        b.claim(0, IP, A, 1 * S);
        b.claim(0, IP, B, 2 * S);
        assertEquals(new ArpEvent.NewStation(3 * S, 5, IP + 1, C), b.claim(5, IP + 1, C, 3 * S));
        assertEquals(1, b.evicted());
        assertEquals(-1, b.current(0, IP));
        // B was the previous MAC of the evicted IP; here it is simply another MAC.
        assertEquals(new ArpEvent.IpConflict(4 * S, 5, IP + 1, B, C, 3 * S), b.claim(5, IP + 1, B, 4 * S));
        assertEquals(List.of(new ArpBinding(5, IP + 1, 3 * S, 4 * S, List.of(claim(C, 3, 3), claim(B, 4, 4)))),
                b.snapshot());
    }

    @Test
    void historiesSurviveTheTableGrowingPastItsFirstAllocation() {
        Bindings b = new Bindings(1000, 2, 60 * S);
        List<ArpBinding> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            b.claim(0, IP + i, A, i * S);
            b.claim(0, IP + i, B + i, (i + 1) * S);
            expected.add(new ArpBinding(0, IP + i, i * S, (i + 1) * S,
                    List.of(claim(A, i, i), claim(B + i, i + 1, i + 1))));
        }
        assertEquals(300, b.size());
        assertEquals(0, b.evicted());
        assertEquals(expected, b.snapshot());
    }

    /** Histories start one claim deep and deepen as needed: every other binding survives each re-layout. */
    @Test
    void deepeningTheHistoryKeepsEveryOtherBinding() {
        Bindings b = new Bindings(1000, 8, 60 * S);
        for (int i = 0; i < 100; i++) {
            b.claim(0, IP + i, A + i, 1 * S);
        }
        long[] macs = {B, C, D, 0x0200_0000_000eL, 0x0200_0000_000fL};
        List<ArpBinding.Claim> expected = new ArrayList<>(List.of(claim(A + 50, 1, 1)));
        for (int k = 0; k < macs.length; k++) {
            b.claim(0, IP + 50, macs[k], (2 + k) * S);
            expected.add(claim(macs[k], 2 + k, 2 + k));
        }
        b.seed(new ArpBinding(7, IP, 1 * S, 2 * S, List.of(claim(A, 1, 1), claim(B, 2, 2), claim(C, 1, 2))));
        List<ArpBinding> all = b.snapshot();
        assertEquals(101, all.size());
        assertEquals(new ArpBinding(7, IP, 1 * S, 2 * S, List.of(claim(A, 1, 1), claim(C, 1, 2), claim(B, 2, 2))),
                all.get(100));
        for (int i = 0; i < 100; i++) {
            ArpBinding x = all.get(i);
            assertEquals(IP + i, x.ip());
            assertEquals(i == 50 ? expected : List.of(claim(A + i, 1, 1)), x.claims(), "binding " + i);
        }
        // Most recent first: F, E, D, ... so E (second) flip-flops and D (third) is a conflict.
        assertEquals(new ArpEvent.FlipFlop(9 * S, 0, IP + 50, 0x0200_0000_000eL, 0x0200_0000_000fL),
                b.claim(0, IP + 50, 0x0200_0000_000eL, 9 * S));
        assertEquals(new ArpEvent.IpConflict(10 * S, 0, IP + 50, D, 0x0200_0000_000eL, 9 * S),
                b.claim(0, IP + 50, D, 10 * S));
    }

    /** Order is VLAN, then IP as unsigned (192.168.x.x after 10.x.x.x), and a limit returns the first ones. */
    @Test
    void snapshotOrdersByVlanThenUnsignedIpAndStopsAtTheLimit() {
        Bindings b = new Bindings(16, 3, 60 * S);
        int high = 0xc0a8_0001;
        b.claim(5, IP, A, 1 * S);
        b.claim(0, high, B, 2 * S);
        b.claim(0, IP, C, 3 * S);
        b.claim(4095, 1, D, 4 * S);
        List<Integer> order = new ArrayList<>();
        for (ArpBinding x : b.snapshot()) {
            order.add(x.vlan());
            order.add(x.ip());
        }
        assertEquals(List.of(0, IP, 0, high, 5, IP, 4095, 1), order);
        assertEquals(List.of(new ArpBinding(0, IP, 3 * S, 3 * S, List.of(claim(C, 3, 3))),
                new ArpBinding(0, high, 2 * S, 2 * S, List.of(claim(B, 2, 2)))), b.snapshot(2));
        assertEquals(List.of(), b.snapshot(0));
    }
}
