package netlab.cli.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import netlab.capture.Timestamps;

/**
 * tcpdump's -t family of timestamp formats. Times of day are in the local zone as tcpdump prints them (the JVM's
 * default zone, which follows {@code TZ}); {@code --utc} gives UTC so a replay prints the same everywhere.
 */
public final class TimeFormat {
    private static final long NANOS = 1_000_000_000L;
    private final int style;
    private final boolean nano;
    private final ZoneRules zone;
    private long previous = Long.MIN_VALUE;
    private long first = Long.MIN_VALUE;
    /** The zone offset (seconds) holds for epoch seconds in [offsetFrom, offsetTo): one lookup per transition. */
    private long offsetFrom = 1;
    private long offsetTo = 0;
    private int offsetSeconds;

    /**
     * @param style how many -t were given (0 = time of day)
     * @param zone  the zone of times of day and dates
     */
    public TimeFormat(int style, boolean nano, ZoneId zone) {
        this.style = style;
        this.nano = nano;
        this.zone = zone.getRules();
    }

    /** The zone a command prints in: UTC with {@code --utc}, else the local one. */
    public static ZoneId zone(boolean utc) {
        return utc ? ZoneOffset.UTC : ZoneId.systemDefault();
    }

    /** The prefix for one frame, ending in a space (empty for -t). */
    public String format(long ns) {
        if (first == Long.MIN_VALUE) {
            first = ns;
        }
        long prev = previous == Long.MIN_VALUE ? ns : previous;
        previous = ns;
        int digits = nano ? 9 : 6;
        return switch (style) {
            case 0 -> clock(local(ns), false) + " ";
            case 1 -> "";
            case 2 -> Timestamps.seconds(ns, digits) + " ";
            case 3 -> delta(ns - prev) + " ";
            case 4 -> clock(local(ns), true) + " ";
            default -> delta(ns - first) + " ";
        };
    }

    /** tcpdump's -ttt and -ttttt: a sign column (space or '-'), then hours:minutes:seconds.fraction. */
    private String delta(long ns) {
        long abs = Math.abs(ns);
        long sec = abs / NANOS;
        StringBuilder sb = new StringBuilder(24).append(ns < 0 ? '-' : ' ');
        pad(sb, sec / 3600, 2).append(':');
        pad(sb, sec / 60 % 60, 2).append(':');
        pad(sb, sec % 60, 2).append('.');
        long frac = abs % NANOS;
        return (nano ? pad(sb, frac, 9) : pad(sb, frac / 1000, 6)).toString();
    }

    /** Epoch nanoseconds shifted by the zone's offset at that instant. */
    private long local(long ns) {
        long sec = Math.floorDiv(ns, NANOS);
        if (sec < offsetFrom || sec >= offsetTo) {
            Instant at = Instant.ofEpochSecond(sec);
            offsetSeconds = zone.getOffset(at).getTotalSeconds();
            ZoneOffsetTransition next = zone.nextTransition(at);
            ZoneOffsetTransition last = zone.previousTransition(at.plusSeconds(1));
            offsetFrom = last == null ? Long.MIN_VALUE : last.toEpochSecond();
            offsetTo = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return ns + offsetSeconds * NANOS;
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
    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        long p = 1;
        for (int i = 1; i < width; i++) {
            p *= 10;
        }
        for (; p > 1 && v < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
