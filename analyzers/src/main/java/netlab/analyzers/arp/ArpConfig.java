package netlab.analyzers.arp;

/**
 * Thresholds and table caps of the {@link ArpTracker}; {@link #defaults()} documents each default.
 *
 * @param timeoutNanos          a request with no reply this long after it is unanswered; a reply later than
 *                              this matches nothing (default 1 s, arping's interval)
 * @param conflictWindowNanos   a second MAC claiming an IP whose current MAC was seen this recently is an
 *                              IP conflict; older than this it is a changed MAC (default 60 s, RFC 5227's
 *                              RATE_LIMIT_INTERVAL, and longer than any ARP retransmission sequence)
 * @param stormRequests         segment-wide storm: more than this many requests ... (default 30, Wireshark's)
 * @param stormWindowNanos      ... within less than this time (default 100 ms, Wireshark's)
 * @param sourceStormRequests   per-source storm: more than this many requests from one source MAC within
 *                              {@code stormWindowNanos} (default 20: 200 requests/s, far above RFC 1122's
 *                              1 per second per destination, yet below any arp-scan sweep)
 * @param pendingCap            requests awaiting a reply; the oldest is evicted (counted unanswered)
 * @param bindingCap            (VLAN, IP) bindings; the least recently seen is evicted
 * @param historyCap            MACs remembered per IP, most recent first; the oldest is dropped
 * @param stormSourceCap        source MACs with a request-rate window; the least recently active is evicted
 * @param listCap               pairs and unanswered requests each kept for the report (all are counted)
 * @param rttSampleCap          RTTs kept exactly for percentiles; beyond it a deterministic reservoir
 * @param groupCap              (VLAN, sender IP, target IP) groups of unanswered requests counted
 */
public record ArpConfig(long timeoutNanos, long conflictWindowNanos, int stormRequests, long stormWindowNanos,
                        int sourceStormRequests, int pendingCap, int bindingCap, int historyCap,
                        int stormSourceCap, int listCap, int rttSampleCap, int groupCap) {

    /** Default request timeout: 1 s, like arping's one request per second. */
    public static final long DEFAULT_TIMEOUT_NANOS = 1_000_000_000L;
    /** Default conflict window: 60 s. */
    public static final long DEFAULT_CONFLICT_WINDOW_NANOS = 60_000_000_000L;
    /** Default segment-wide storm threshold: more than 30 requests (Wireshark's arp.detect_storm_number_of_packets). */
    public static final int DEFAULT_STORM_REQUESTS = 30;
    /** Default storm window: 100 ms (Wireshark's arp.detect_storm_period). */
    public static final long DEFAULT_STORM_WINDOW_NANOS = 100_000_000L;
    /** Default per-source storm threshold: more than 20 requests from one MAC in the storm window. */
    public static final int DEFAULT_SOURCE_STORM_REQUESTS = 20;
    /** Default cap on pending requests: 65536, arpwatch's hash size. */
    public static final int PENDING_CAP = 65_536;
    /** Default cap on IP bindings: 65536 (a /16 of hosts). */
    public static final int BINDING_CAP = 65_536;
    /** Default MACs remembered per IP: 8. */
    public static final int HISTORY_CAP = 8;
    /** Default cap on source MACs tracked for the per-source storm window: 4096. */
    public static final int STORM_SOURCE_CAP = 4_096;
    /** Default number of pairs and of unanswered requests listed in the report: 1000 each. */
    public static final int LIST_CAP = 1_000;
    /** Default number of RTTs kept for exact percentiles: 65536. */
    public static final int RTT_SAMPLE_CAP = 65_536;
    /** Default number of (VLAN, sender IP, target IP) groups of unanswered requests: 4096. */
    public static final int GROUP_CAP = 4_096;

    public ArpConfig {
        if (timeoutNanos <= 0 || conflictWindowNanos < 0 || stormRequests < 1 || stormWindowNanos <= 0
                || sourceStormRequests < 1 || pendingCap < 1 || bindingCap < 1 || historyCap < 2
                || stormSourceCap < 1 || listCap < 0 || rttSampleCap < 1 || groupCap < 1) {
            throw new IllegalArgumentException("invalid ARP tracker configuration");
        }
    }

    /** The documented defaults. */
    public static ArpConfig defaults() {
        return new ArpConfig(DEFAULT_TIMEOUT_NANOS, DEFAULT_CONFLICT_WINDOW_NANOS, DEFAULT_STORM_REQUESTS,
                DEFAULT_STORM_WINDOW_NANOS, DEFAULT_SOURCE_STORM_REQUESTS, PENDING_CAP, BINDING_CAP, HISTORY_CAP,
                STORM_SOURCE_CAP, LIST_CAP, RTT_SAMPLE_CAP, GROUP_CAP);
    }

    /** A copy with another request timeout (for {@code --arp-timeout}). */
    public ArpConfig withTimeoutNanos(long nanos) {
        return new ArpConfig(nanos, conflictWindowNanos, stormRequests, stormWindowNanos, sourceStormRequests,
                pendingCap, bindingCap, historyCap, stormSourceCap, listCap, rttSampleCap, groupCap);
    }

    /** A copy with another conflict window. */
    public ArpConfig withConflictWindowNanos(long nanos) {
        return new ArpConfig(timeoutNanos, nanos, stormRequests, stormWindowNanos, sourceStormRequests,
                pendingCap, bindingCap, historyCap, stormSourceCap, listCap, rttSampleCap, groupCap);
    }

    /** A copy with other storm thresholds. */
    public ArpConfig withStorm(int segmentRequests, int sourceRequests, long windowNanos) {
        return new ArpConfig(timeoutNanos, conflictWindowNanos, segmentRequests, windowNanos, sourceRequests,
                pendingCap, bindingCap, historyCap, stormSourceCap, listCap, rttSampleCap, groupCap);
    }

    /** A copy with other table caps (tests use small ones). */
    public ArpConfig withCaps(int pending, int bindings, int history, int stormSources, int list, int rttSamples,
                              int groups) {
        return new ArpConfig(timeoutNanos, conflictWindowNanos, stormRequests, stormWindowNanos,
                sourceStormRequests, pending, bindings, history, stormSources, list, rttSamples, groups);
    }
}
