package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bindings restored from an earlier run: no new station again, and the next claim judged against them. */
class BindingsSeedTest {
    private static final long S = 1_000_000_000L;
    private static final int IP = 0x0a4d0402;
    private static final long A = 0x0200_0000_000aL;
    private static final long B = 0x0200_0000_000bL;
    private static final long C = 0x0200_0000_000cL;

    private static Bindings seeded() {
        Bindings b = new Bindings(16, 4, 60 * S);
        // Claims in first-seen order as ArpBinding lists them; B is the most recent.
        b.seed(new ArpBinding(0, IP, 1 * S, 5 * S, List.of(new ArpBinding.Claim(A, 1 * S, 2 * S),
                new ArpBinding.Claim(B, 3 * S, 5 * S))));
        return b;
    }

    @Test
    void theCurrentMacAgainIsNoEventAndItIsTheMostRecentClaim() {
        Bindings b = seeded();
        assertEquals(B, b.current(0, IP));
        assertNull(b.claim(0, IP, B, 100 * S));
        assertEquals(1, b.size());
    }

    @Test
    void thePreviousMacIsAFlipFlop() {
        assertInstanceOf(ArpEvent.FlipFlop.class, seeded().claim(0, IP, A, 100 * S));
    }

    @Test
    void anotherMacIsAConflictWithinTheWindowAndAChangeAfterIt() {
        assertEquals(new ArpEvent.IpConflict(30 * S, 0, IP, C, B, 5 * S), seeded().claim(0, IP, C, 30 * S));
        assertEquals(new ArpEvent.ChangedMac(100 * S, 0, IP, C, B, 5 * S), seeded().claim(0, IP, C, 100 * S));
    }

    @Test
    void theSnapshotGivesBackWhatWasSeededAndASecondSeedIsIgnored() {
        Bindings b = seeded();
        b.seed(new ArpBinding(0, IP, 9 * S, 9 * S, List.of(new ArpBinding.Claim(C, 9 * S, 9 * S))));
        assertEquals(List.of(new ArpBinding(0, IP, 1 * S, 5 * S, List.of(new ArpBinding.Claim(A, 1 * S, 2 * S),
                new ArpBinding.Claim(B, 3 * S, 5 * S)))), b.snapshot());
    }
}
