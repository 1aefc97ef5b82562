package netlab.cli.probe;

/**
 * When {@code arp-resolve} sends and when it stops, from -c, -w and --interval (all times from the first
 * request, which goes out at 0; the others at I, 2I, ... where I is the interval).
 *
 * <ul>
 * <li>neither -c nor -w: up to {@link #DEFAULT_REQUESTS} requests, stop at the first reply, end at 3·I;
 * <li>-c N: N requests, every reply reported (no early stop), end at N·I;
 * <li>-w S: a request every I until the first reply, end at S;
 * <li>-c N -w S: N requests, no early stop, end at min(N·I, S): the deadline can cut requests short.
 * </ul>
 * Announcements (-U/-A) expect no reply: N defaults to 2 (RFC 5227 §2.3 ANNOUNCE_NUM) and the run ends
 * right after the last one is sent, or at the deadline.
 *
 * @param requests     requests to send at most, or {@link Long#MAX_VALUE} for "until the deadline"
 * @param endNanos     when to stop, from the first request
 * @param intervalNanos time between requests
 * @param stopAtFirst  stop as soon as one reply (or conflict) is seen
 * @param announce     -U/-A: the last announcement is sent even at the end time, then the run ends
 */
public record ArpSchedule(long requests, long endNanos, long intervalNanos, boolean stopAtFirst, boolean announce) {
    /** Requests sent without -c or -w; also RFC 5227's PROBE_NUM for -D. */
    static final int DEFAULT_REQUESTS = 3;
    /** Announcements sent without -c (RFC 5227 §2.3 ANNOUNCE_NUM). */
    static final int DEFAULT_ANNOUNCEMENTS = 2;

    /** Largest -c accepted, so that N·I stays far inside a long of nanoseconds. */
    public static final long MAX_COUNT = 1_000_000;
    /** Largest --interval accepted, in seconds. */
    public static final double MAX_INTERVAL = 3600;

    /** The schedule for the options; -c at most {@link #MAX_COUNT}, interval at most {@link #MAX_INTERVAL}. */
    public static ArpSchedule of(Long count, Double deadlineSeconds, double intervalSeconds, boolean announce) {
        long interval = Math.round(intervalSeconds * 1e9);
        Long deadline = deadlineSeconds == null ? null : Math.round(deadlineSeconds * 1e9);
        long n = count != null ? count
                : deadline != null ? Long.MAX_VALUE
                : announce ? DEFAULT_ANNOUNCEMENTS : DEFAULT_REQUESTS;
        long natural = n == Long.MAX_VALUE ? Long.MAX_VALUE : announce ? (n - 1) * interval : n * interval;
        long end = deadline == null ? natural : Math.min(natural, deadline);
        return new ArpSchedule(n, end, interval, count == null && !announce, announce);
    }

    /**
     * True when request number {@code k} (0-based) is to be sent: within the budget and before the end
     * (an announcement may go out exactly at the end).
     */
    boolean sends(long k) {
        if (k >= requests) {
            return false;
        }
        double at = k * (double) intervalNanos;
        return announce ? at <= endNanos : at < endNanos;
    }
}
