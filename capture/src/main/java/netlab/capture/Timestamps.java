package netlab.capture;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Formats capture timestamps (epoch nanoseconds) without consulting the clock. */
public final class Timestamps {
    private static final long NANOS = 1_000_000_000L;

    private Timestamps() {
    }

    /** RFC 3339 in UTC with nine fractional digits, e.g. {@code 2026-11-25T18:40:01.123456789Z}. */
    public static String rfc3339(long epochNanos) {
        LocalDateTime t = LocalDateTime.ofInstant(instant(epochNanos), ZoneId.of("UTC"));
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%09dZ", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    public static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }

    /** Seconds with a fraction of {@code digits} (6 or 9) digits, e.g. {@code 1.000002} for a duration. */
    public static String seconds(long nanos, int digits) {
        String sign = nanos < 0 ? "-" : "";
        long abs = Math.abs(nanos);
        long frac = abs % NANOS;
        if (digits == 6) {
            return sign + abs / NANOS + "." + String.format("%06d", frac / 1000);
        }
        return sign + abs / NANOS + "." + String.format("%09d", frac);
    }
}
