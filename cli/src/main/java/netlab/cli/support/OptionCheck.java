package netlab.cli.support;

/**
 * Range checks of one command's option values, each failing with one line that names the option, the value
 * given and the range allowed: {@code netlab: arp-scan: --retry 0: must be 1..100 (see 'netlab arp-scan --help')}.
 */
public final class OptionCheck {
    private final String command;

    public OptionCheck(String command) {
        this.command = command;
    }

    /** A usage error about {@code option} given {@code value}. */
    public NetlabException bad(String option, Object value, String why) {
        return usage(option + " " + value + ": " + why);
    }

    /** A usage error not about one value (options that exclude each other, a missing one). */
    public NetlabException usage(String why) {
        return new NetlabException(ExitCode.USAGE, command, why, "see 'netlab " + command + " --help'");
    }

    /** An integer option within {@code min..max}; null (not given) passes. */
    public void range(String option, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max)) {
            throw bad(option, value, max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? "must be at least " + min
                    : "must be " + min + ".." + max);
        }
    }

    /** A count of things, as tcpdump checks -c: at least 1. */
    public void count(String option, Number value) {
        range(option, value, 1, Long.MAX_VALUE);
    }

    /** A real-valued option within {@code min..max}; null passes. */
    public void realRange(String option, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max)) {
            throw bad(option, plain(value), max == Double.MAX_VALUE ? "must be at least " + plain(min)
                    : "must be " + plain(min) + ".." + plain(max));
        }
    }

    /** A positive real-valued option; null passes. */
    public void positive(String option, Double value) {
        if (value != null && !(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw bad(option, plain(value), "must be positive");
        }
    }

    /** A duration option (nanoseconds) within {@code min..max}; null passes. */
    public void duration(String option, Long nanos, long min, long max) {
        if (nanos != null && (nanos < min || nanos > max)) {
            String range = max == Long.MAX_VALUE ? "must be at least " + Durations.format(min)
                    : "must be " + Durations.format(min) + ".." + Durations.format(max);
            throw bad(option, Durations.format(nanos), range);
        }
    }

    /** 2 rather than 2.0, 1.5 as 1.5. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
