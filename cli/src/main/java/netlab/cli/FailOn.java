package netlab.cli;

import java.util.Map;

/**
 * The conditions {@code --fail-on} can gate on, each defined by the event types or counts that trigger it.
 * Any that held makes the command exit with {@link ExitCode#FINDING}.
 */
enum FailOn {
    /** One IP claimed by two MACs: ip_conflict, flip_flop or changed_mac events. */
    CONFLICT,
    /** Possible spoofing: an unsolicited reply that changed a binding, or Ethernet source ≠ ARP sender. */
    SPOOF,
    /** arp_storm or broadcast_storm events. */
    STORM,
    /** mac_flood events. */
    FLOOD,
    /** At least one ARP request went unanswered. */
    UNANSWERED,
    /** At least one malformed ARP frame. */
    MALFORMED;

    /** Whether this condition held, given event counts by type and the run's summary numbers. */
    boolean held(Map<String, Long> events, long spoofingReplies, long unanswered, long malformedArp) {
        return switch (this) {
            case CONFLICT -> count(events, "ip_conflict") + count(events, "flip_flop") + count(events, "changed_mac") > 0;
            case SPOOF -> spoofingReplies + count(events, "sender_mismatch") > 0;
            case STORM -> count(events, "arp_storm") + count(events, "broadcast_storm") > 0;
            case FLOOD -> count(events, "mac_flood") > 0;
            case UNANSWERED -> unanswered > 0;
            case MALFORMED -> malformedArp > 0;
        };
    }

    private static long count(Map<String, Long> events, String type) {
        return events.getOrDefault(type, 0L);
    }
}
