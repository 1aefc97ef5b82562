package netlab.analyzers.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the first {@code cap} events for the report and counts all of them by kind (record class), so a flood
 * of events cannot exhaust memory; forwards every event to a downstream listener.
 */
public final class EventLog implements EventListener {
    /** Default number of events kept for the report. */
    public static final int DEFAULT_CAP = 10_000;

    /** Events of one kind, with the kind's {@link Event#type()} name. */
    private static final class Count {
        final String type;
        long n;

        Count(String type) {
            this.type = type;
        }
    }

    private final int cap;
    private final EventListener downstream;
    private final List<Event> kept = new ArrayList<>();
    /** By record class, in order of each kind's first event (the order the report lists counts in). */
    private final Map<Class<?>, Count> counts = new LinkedHashMap<>();
    private long dropped;

    public EventLog(int cap, EventListener downstream) {
        this.cap = cap;
        this.downstream = downstream;
    }

    @Override
    public void onEvent(Event e) {
        counts.computeIfAbsent(e.getClass(), k -> new Count(e.type())).n++;
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

    /** Events per {@link Event#type()} name, including those not kept, in order of each kind's first event. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.values().forEach(c -> out.put(c.type, c.n));
        return Collections.unmodifiableMap(out);
    }

    /** Events of one kind (an event record class, e.g. {@code ArpEvent.IpConflict.class}), including those not kept. */
    public long count(Class<? extends Event> kind) {
        Count c = counts.get(kind);
        return c == null ? 0 : c.n;
    }

    /** Events counted but not kept because the cap was reached. */
    public long dropped() {
        return dropped;
    }
}
