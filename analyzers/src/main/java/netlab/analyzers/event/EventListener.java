package netlab.analyzers.event;

/** Receives events as analyzers raise them, in capture order (e.g. to stream JSON Lines). */
@FunctionalInterface
public interface EventListener {

    void onEvent(Event event);

    /** A listener that drops everything. */
    static EventListener none() {
        return e -> {
        };
    }
}
