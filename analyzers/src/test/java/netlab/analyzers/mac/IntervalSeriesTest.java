package netlab.analyzers.mac;

import static netlab.analyzers.mac.TestFrames.SEC;
import static netlab.analyzers.mac.TestFrames.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalSeriesTest {

    private static void hit(IntervalSeries s, long ts) {
        s.advance(ts);
        s.add(0, 1);
    }

    @Test
    void intervalsAlignToTheFloorOfTheFirstTimestampAndGapsAreZeros() {
        IntervalSeries s = new IntervalSeries(SEC, 1);
        hit(s, T0 + 700_000_000L);
        assertEquals(T0, s.currentStart());
        hit(s, T0 + 999_999_999L);
        assertFalse(s.closes(T0 + 999_999_999L));
        assertTrue(s.closes(T0 + SEC));
        assertEquals(2, s.advance(T0 + 3 * SEC + 5));
        s.add(0, 1);
        hit(s, T0 + SEC / 2); // out of order: counted in the current interval
        s.finish();
        assertEquals(4, s.size());
        long[] want = {2, 0, 0, 2};
        for (int i = 0; i < 4; i++) {
            assertEquals(T0 + i * SEC, s.start(i));
            assertEquals(want[i], s.value(i, 0));
        }
    }

    @Test
    void aLongGapIsOneZeroEntry() {
        IntervalSeries s = new IntervalSeries(SEC, 1);
        hit(s, T0);
        assertEquals(IntervalSeries.MAX_EMPTY_RUN + 10, s.advance(T0 + (IntervalSeries.MAX_EMPTY_RUN + 11) * SEC));
        s.add(0, 1);
        s.finish();
        assertEquals(3, s.size());
        assertEquals(T0 + SEC, s.start(1));
        assertEquals(0, s.value(1, 0));
        assertEquals(T0 + (IntervalSeries.MAX_EMPTY_RUN + 11) * SEC, s.start(2));
    }

    @Test
    void fullSeriesMergesPairsAndKeepsTotals() {
        IntervalSeries s = new IntervalSeries(SEC, 2, 8);
        for (int i = 0; i < 21; i++) {
            s.advance(T0 + i * SEC);
            s.add(0, i);
            s.add(1, 1);
        }
        s.finish();
        // 8 entries merge into 4 of 2 s, then again into 4 of 4 s: [0-3] [4-7] [8-11] [12-15] [16-19] [20].
        assertEquals(4 * SEC, s.entryNanos());
        long sum = 0;
        long count = 0;
        for (int i = 0; i < s.size(); i++) {
            sum += s.value(i, 0);
            count += s.value(i, 1);
        }
        assertEquals(210, sum);
        assertEquals(21, count);
        assertEquals(6, s.size());
        assertEquals(T0, s.start(0));
        assertEquals(T0 + 4 * SEC, s.start(1));
        assertEquals(0 + 1 + 2 + 3, s.value(0, 0));
        assertEquals(T0 + 20 * SEC, s.start(5));
        assertEquals(1, s.value(5, 1));
    }
}
