package netlab.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.Timestamps;
import org.junit.jupiter.api.Test;

/**
 * pcapng's {@code if_tsoffset} at the edges of a 64-bit count: -2^63 s saturates at the earliest instant (the exact
 * sum, clamped) instead of wrapping to an offset of 0, and such an instant prints as a plain negative number of seconds.
 */
class TsOffsetTest {
    @Test
    void theMostNegativeOffsetSaturatesInsteadOfWrapping() throws Exception {
        assertEquals(Long.MIN_VALUE, new TsClock(6, Long.MIN_VALUE).toNanos(1));
        assertEquals(Long.MIN_VALUE, new TsClock(6, Long.MIN_VALUE).toNanos(1_700_000_000_000_000L));
        assertEquals(Long.MIN_VALUE, new TsClock(6, -(Long.MAX_VALUE / 1_000_000_000L) - 1).toNanos(0));
        // Just beyond the range, a later timestamp brings the exact sum back into it.
        assertEquals(-9_223_372_035_000_000_000L, new TsClock(6, -9_223_372_037L).toNanos(2_000_000));
        assertEquals(Long.MAX_VALUE, new TsClock(6, Long.MAX_VALUE).toNanos(1));
        assertEquals(-100_000_000_000L + 1_000, new TsClock(6, -100).toNanos(1));
        Path file = Path.of("src/test/resources/hostile/ng-tsoffset-min.pcapng");
        try (FrameSource src = CaptureFiles.open(file)) {
            Frame f = src.next();
            assertEquals(Long.MIN_VALUE, f.timestampNanos(), "1.7e9 s plus -2^63 s is long before 1677");
        }
    }

    @Test
    void theEarliestInstantPrintsAsPlainSeconds() {
        assertEquals("-9223372036.854775808", Timestamps.seconds(Long.MIN_VALUE, 9));
        assertEquals("-9223372036.854775", Timestamps.seconds(Long.MIN_VALUE, 6));
        assertEquals("9223372036.854775807", Timestamps.seconds(Long.MAX_VALUE, 9));
        assertEquals("-0.000001", Timestamps.seconds(-1_000, 6));
    }
}
