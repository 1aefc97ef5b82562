package netlab.analyzers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyedCountersTest {

    /** Keys from a small space, so most adds hit an existing key, and past the cap, so "other" fills too. */
    @Test
    void matchesAMapUpToTheCapAndCountsTheRestAsOther() {
        int cap = 5_000;
        KeyedCounters counters = new KeyedCounters(cap);
        Map<List<Long>, long[]> model = new HashMap<>();
        long otherFrames = 0;
        long otherBytes = 0;
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long high = r.nextInt(3);
            long low = r.nextInt(8_000) * 0x9E3779B97F4A7C15L;
            int length = 60 + r.nextInt(1455);
            counters.add(high, low, length);
            List<Long> key = List.of(high, low);
            long[] c = model.get(key);
            if (c == null && model.size() >= cap) {
                otherFrames++;
                otherBytes += length;
                continue;
            }
            c = model.computeIfAbsent(key, k -> new long[2]);
            c[0]++;
            c[1] += length;
        }
        assertEquals(cap, counters.size());
        assertEquals(otherFrames, counters.otherFrames());
        assertEquals(otherBytes, counters.otherBytes());
        List<KeyedCounters.Entry> all = counters.top(cap);
        assertEquals(cap, all.size());
        for (KeyedCounters.Entry e : all) {
            long[] c = model.get(List.of(e.keyHigh(), e.keyLow()));
            assertEquals(c[0], e.frames(), "frames of " + e);
            assertEquals(c[1], e.bytes(), "bytes of " + e);
        }
    }

    /** Keys that differ only in their high long share probe sequences and tags more often than random ones. */
    @Test
    void keysDifferingOnlyInOneHalfStayApart() {
        KeyedCounters counters = new KeyedCounters(1 << 16);
        for (int round = 1; round <= 3; round++) {
            for (long k = 0; k < 20_000; k++) {
                counters.add(k, 0, round);
                counters.add(0, k, round);
            }
        }
        assertEquals(39_999, counters.size());
        List<KeyedCounters.Entry> top = counters.top(3);
        assertEquals(new KeyedCounters.Entry(0, 0, 6, 12), top.get(0));
        assertEquals(new KeyedCounters.Entry(0, 1, 3, 6), top.get(1));
        assertEquals(new KeyedCounters.Entry(0, 2, 3, 6), top.get(2));
        List<KeyedCounters.Entry> all = new ArrayList<>(counters.top(40_000));
        all.sort(Comparator.comparingLong(KeyedCounters.Entry::frames));
        assertEquals(3, all.get(0).frames());
    }
}
