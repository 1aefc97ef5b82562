package netlab.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The -c / -w / --interval rules of arp-resolve, as its help states them. */
class ArpScheduleTest {
    private static final long S = 1_000_000_000L;

    private static long sent(ArpSchedule p) {
        long k = 0;
        while (k < 1000 && p.sends(k)) {
            k++;
        }
        return k;
    }

    @Test
    void neitherCountNorDeadline() {
        ArpSchedule p = ArpSchedule.of(null, null, 1.0, false);
        assertEquals(new ArpSchedule(3, 3 * S, S, true, false), p);
        assertEquals(3, sent(p));
    }

    @Test
    void countAlone() {
        ArpSchedule p = ArpSchedule.of(5L, null, 1.0, false);
        assertEquals(new ArpSchedule(5, 5 * S, S, false, false), p);
        assertEquals(5, sent(p));
    }

    @Test
    void deadlineAlone() {
        ArpSchedule p = ArpSchedule.of(null, 2.5, 1.0, false);
        assertEquals(new ArpSchedule(Long.MAX_VALUE, 2_500_000_000L, S, true, false), p);
        assertEquals(3, sent(p));
    }

    @Test
    void bothTheEarlierEndWins() {
        assertEquals(2, sent(ArpSchedule.of(10L, 1.5, 1.0, false)));
        ArpSchedule p = ArpSchedule.of(2L, 10.0, 1.0, false);
        assertEquals(new ArpSchedule(2, 2 * S, S, false, false), p);
        assertEquals(2, sent(p));
    }

    @Test
    void noRequestAtTheVeryEnd() {
        ArpSchedule p = ArpSchedule.of(5L, 2.0, 1.0, false);
        assertTrue(p.sends(1));
        assertFalse(p.sends(2));
    }

    @Test
    void announcementsDefaultToTwoAndEndAtTheLast() {
        ArpSchedule p = ArpSchedule.of(null, null, 1.0, true);
        assertEquals(new ArpSchedule(2, S, S, false, true), p);
        assertEquals(2, sent(p));
        assertEquals(4, sent(ArpSchedule.of(4L, null, 0.5, true)));
    }
}
