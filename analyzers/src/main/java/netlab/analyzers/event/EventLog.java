package netlab.analyzers.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.capture.Timestamps;

/**
 * Keeps the first {@code cap} events for the report and counts all of them by type, so a flood of events
 * cannot exhaust memory; forwards every event to a downstream listener.
 */
public final class EventLog implements EventListener {
    /** Default number of events kept for the report. */
    public static final int DEFAULT_CAP = 10_000;

    private final int cap;
    private final EventListener downstream;
    private final List<Event> kept = new ArrayList<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long dropped;

    public EventLog(int cap, EventListener downstream) {
        this.cap = cap;
        this.downstream = downstream;
    }

    @Override
    public void onEvent(Event e) {
        counts.merge(e.type(), 1L, Long::sum);
        if (kept.size() < cap) {
            kept.add(e);
        } else {
            dropped++;
        }
        downstream.onEvent(e);
    }

    public List<Event> events() {
        return Collections.unmodifiableList(kept);
    }

    /** Events per type, including those not kept. */
    public Map<String, Long> counts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Events counted but not kept because the cap was reached. */
    public long dropped() {
        return dropped;
    }

    /** Writes one event as a JSON object: type, time, reason, then its details. */
    public static void write(JsonGenerator g, Event e) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", e.type());
        g.writeStringField("time", Timestamps.rfc3339(e.timeNanos()));
        g.writeStringField("reason", e.reason());
        e.writeDetails(g);
        g.writeEndObject();
    }
}
