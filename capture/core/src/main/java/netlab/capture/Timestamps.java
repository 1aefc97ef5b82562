package netlab.capture;

import java.time.Instant;
import java.time.LocalDate;

/** Formats capture timestamps (epoch nanoseconds) without consulting the clock. */
public final class Timestamps {
    private static final long NANOS = 1_000_000_000L;

    private Timestamps() {
    }

    /** RFC 3339 in UTC with nine fractional digits, e.g. {@code 2026-11-25T18:40:01.123456789Z}. */
    public static String rfc3339(long epochNanos) {
        // Arithmetic rather than String.format: read --json prints one per frame (format was most of its time).
        long sec = Math.floorDiv(epochNanos, NANOS);
        long day = Math.floorDiv(sec, 86_400L);
        int sod = (int) Math.floorMod(sec, 86_400L);
        LocalDate d = LocalDate.ofEpochDay(day);
        StringBuilder sb = new StringBuilder(30);
        zeroPad(sb, d.getYear(), 4).append('-');
        zeroPad(sb, d.getMonthValue(), 2).append('-');
        zeroPad(sb, d.getDayOfMonth(), 2).append('T');
        zeroPad(sb, sod / 3600, 2).append(':');
        zeroPad(sb, sod / 60 % 60, 2).append(':');
        zeroPad(sb, sod % 60, 2).append('.');
        return zeroPad(sb, Math.floorMod(epochNanos, NANOS), 9).append('Z').toString();
    }

    /** Appends non-negative {@code v} with leading zeros to at least {@code width} digits, as {@code %0<width>d}. */
    private static StringBuilder zeroPad(StringBuilder sb, long v, int width) {
        long p = 1;
        for (int i = 1; i < width; i++) {
            p *= 10;
        }
        for (; p > 1 && v < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    public static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS), Math.floorMod(epochNanos, NANOS));
    }

    /** Seconds with a fraction of {@code digits} (6 or 9) digits, e.g. {@code 1.000002} for a duration. */
    public static String seconds(long nanos, int digits) {
        String sign = nanos < 0 ? "-" : "";
        // The magnitude as an unsigned value: Math.abs(-2^63) stays negative and printed "--9223372036.-854775".
        long abs = nanos < 0 ? -nanos : nanos;
        long frac = Long.remainderUnsigned(abs, NANOS);
        StringBuilder sb = new StringBuilder(24).append(sign).append(Long.toUnsignedString(Long.divideUnsigned(abs, NANOS)))
                .append('.');
        return digits == 6 ? zeroPad(sb, frac / 1000, 6).toString() : zeroPad(sb, frac, 9).toString();
    }
}
