package netlab.analyzers.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Something an analyzer noticed at a capture time: each analyzer declares its own sealed sub-interface of
 * record cases (e.g. {@code ArpEvent.IpConflict}).
 */
public interface Event {

    /** The JSON {@code type}, snake_case and stable, e.g. {@code ip_conflict}. */
    String type();

    /** Capture time of the frame that raised it, epoch nanoseconds. */
    long timeNanos();

    /** One human line saying what happened and why it matters. */
    String reason();

    /** Writes the event-specific fields (not type, time or reason) into the current JSON object. */
    void writeDetails(JsonGenerator g) throws IOException;
}
