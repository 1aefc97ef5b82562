package netlab.analyzers.event;

/**
 * Something an analyzer noticed at a capture time: each analyzer declares its own sealed sub-interface of
 * record cases (e.g. {@code ArpEvent.IpConflict}). Events are plain values; renderers (netlab-report) turn
 * them into text lines and JSON objects.
 */
public interface Event {

    /** The stable snake_case name of the event's kind, e.g. {@code ip_conflict}: one per record class. */
    String type();

    /** Capture time of the frame that raised it, epoch nanoseconds. */
    long timeNanos();

    /** One human line saying what happened and why it matters. */
    String reason();
}
