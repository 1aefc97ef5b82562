package netlab.cli;

import java.time.LocalDate;
import netlab.capture.Timestamps;

/** tcpdump's -t family of timestamp formats, in UTC so a replay prints the same everywhere. */
final class TimeFormat {
    private static final long NANOS = 1_000_000_000L;
    private final int style;
    private final boolean nano;
    private long previous = Long.MIN_VALUE;
    private long first = Long.MIN_VALUE;

    /** @param style how many -t were given (0 = time of day) */
    TimeFormat(int style, boolean nano) {
        this.style = style;
        this.nano = nano;
    }

    /** The prefix for one frame, ending in a space (empty for -t). */
    String format(long ns) {
        if (first == Long.MIN_VALUE) {
            first = ns;
        }
        long prev = previous == Long.MIN_VALUE ? ns : previous;
        previous = ns;
        int digits = nano ? 9 : 6;
        return switch (style) {
            case 0 -> clock(ns, false) + " ";
            case 1 -> "";
            case 2 -> Timestamps.seconds(ns, digits) + " ";
            case 3 -> Timestamps.seconds(ns - prev, digits) + " ";
            case 4 -> clock(ns, true) + " ";
            default -> Timestamps.seconds(ns - first, digits) + " ";
        };
    }

    /** Arithmetic rather than String.format, which took half of {@code read}'s time at one call per frame. */
    private String clock(long ns, boolean date) {
        long sec = Math.floorDiv(ns, NANOS);
        int sod = (int) Math.floorMod(sec, 86_400L);
        int frac = (int) Math.floorMod(ns, NANOS);
        StringBuilder sb = new StringBuilder(32);
        if (date) {
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(sec, 86_400L));
            pad(sb, d.getYear(), 4).append('-');
            pad(sb, d.getMonthValue(), 2).append('-');
            pad(sb, d.getDayOfMonth(), 2).append(' ');
        }
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2).append('.');
        return (nano ? pad(sb, frac, 9) : pad(sb, frac / 1000, 6)).toString();
    }

    /** {@code %0<width>d} for a non-negative value. */
    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        int p = 1;
        for (int i = 1; i < width; i++) {
            p *= 10;
        }
        for (; p > 1 && v < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
