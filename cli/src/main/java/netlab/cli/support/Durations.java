package netlab.cli.support;

import picocli.CommandLine;

/**
 * The one duration converter: {@code 200ms}, {@code 1.5s}, {@code 2m}, {@code 1h}, {@code 500us} (or {@code µs}),
 * {@code 10ns}, or a bare number in the unit of the peer tool whose flag netlab mirrors: seconds by default
 * (tcpdump -G, arping -w), milliseconds for arp-scan's -t and -i ({@link Millis}).
 */
public class Durations implements CommandLine.ITypeConverter<Long> {
    private static final long NS_PER_SECOND = 1_000_000_000L;
    private static final String[] SUFFIXES = {"ms", "us", "µs", "ns", "s", "m", "h"};
    private static final long[] NANOS = {1_000_000L, 1_000L, 1_000L, 1L, NS_PER_SECOND, 60 * NS_PER_SECOND,
        3600 * NS_PER_SECOND};

    /** A bare number is milliseconds, as in arp-scan's --timeout and --interval. */
    public static final class Millis extends Durations {
        public Millis() {
            super(1_000_000L);
        }
    }

    private final long bareUnit;

    /** A bare number is seconds. */
    public Durations() {
        this(NS_PER_SECOND);
    }

    private Durations(long bareUnit) {
        this.bareUnit = bareUnit;
    }

    /** Nanoseconds of a duration text, a bare number in seconds. */
    public static long parse(String text) {
        return parse(text, NS_PER_SECOND);
    }

    /** Nanoseconds of a duration text, a bare number counted in {@code bareUnit} nanoseconds. */
    static long parse(String text, long bareUnit) {
        String t = text.trim().toLowerCase();
        long unit = bareUnit;
        String number = t;
        for (int i = 0; i < SUFFIXES.length; i++) {
            if (t.endsWith(SUFFIXES[i])) {
                number = t.substring(0, t.length() - SUFFIXES[i].length()).trim();
                unit = NANOS[i];
                break;
            }
        }
        double value;
        try {
            value = number.isEmpty() || !Character.isDigit(number.charAt(number.length() - 1))
                    && number.charAt(number.length() - 1) != '.' ? Double.NaN : Double.parseDouble(number);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (Double.isNaN(value) || value < 0 || value * unit >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 200ms, 1.5s, 2m, or a bare number "
                    + (bareUnit == NS_PER_SECOND ? "of seconds" : "of milliseconds") + ")");
        }
        return Math.round(value * unit);
    }

    /** The shortest exact text of a duration in the largest unit that keeps it whole: 1500ms, 2m, 0s. */
    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        long[] units = {3600 * NS_PER_SECOND, 60 * NS_PER_SECOND, NS_PER_SECOND, 1_000_000L, 1_000L, 1L};
        String[] names = {"h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    @Override
    public Long convert(String value) {
        try {
            return parse(value, bareUnit);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
