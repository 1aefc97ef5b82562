package netlab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import netlab.analyzers.Json;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.event.EventLog;
import netlab.capture.Timestamps;

/** Prints analyzer events as they happen: one line each ({@code TIME  TYPE  REASON}) or JSON Lines. */
final class LiveEvents implements EventListener {
    private final PrintWriter out;
    private final JsonGenerator json;

    LiveEvents(PrintWriter out, boolean json) {
        this.out = out;
        try {
            this.json = json ? Json.compact(out) : null;
            if (this.json != null) {
                this.json.setRootValueSeparator(null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onEvent(Event e) {
        synchronized (out) {
            if (json != null) {
                try {
                    EventLog.write(json, e);
                    json.flush();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                out.println();
            } else {
                out.printf("%s  %-17s %s%n", Timestamps.rfc3339(e.timeNanos()), e.type(), e.reason());
            }
            out.flush();
        }
    }
}
