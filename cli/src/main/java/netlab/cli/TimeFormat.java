package netlab.cli;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import netlab.capture.Timestamps;

/** tcpdump's -t family of timestamp formats, in UTC so a replay prints the same everywhere. */
final class TimeFormat {
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

    private String clock(long ns, boolean date) {
        LocalDateTime t = LocalDateTime.ofInstant(Timestamps.instant(ns), ZoneOffset.UTC);
        String frac = nano ? String.format("%09d", t.getNano()) : String.format("%06d", t.getNano() / 1000);
        String tod = String.format("%02d:%02d:%02d.%s", t.getHour(), t.getMinute(), t.getSecond(), frac);
        return date ? String.format("%04d-%02d-%02d %s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), tod) : tod;
    }
}
