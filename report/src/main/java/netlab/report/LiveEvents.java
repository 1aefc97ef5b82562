package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.capture.Timestamps;

/** Prints analyzer events as they happen: one line each ({@code TIME  TYPE  REASON}) or JSON Lines. */
public final class LiveEvents implements EventListener {
    private final PrintWriter out;
    private final JsonGenerator json;
    private final boolean flushEach;

    /** Events flushed one by one (for {@code analyze --events}, whose reader may stop at any line). */
    public LiveEvents(PrintWriter out, boolean json) {
        this(out, json, true);
    }

    /**
     * @param flushEach false to leave flushing to the caller's timer (live commands): under a flood a write per
     *                  event would cost the capture thread a system call per frame
     */
    public LiveEvents(PrintWriter out, boolean json, boolean flushEach) {
        this.out = out;
        this.flushEach = flushEach;
        try {
            this.json = json ? Json.compact(out) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text form of an event: capture time, type, reason. */
    public static String line(Event e) {
        // As "%s  %-17s %s", without a Formatter: a report lists up to 10,000 events.
        StringBuilder sb = new StringBuilder(96).append(Timestamps.rfc3339(e.timeNanos())).append("  ")
                .append(e.type());
        for (int pad = 17 - e.type().length(); pad > 0; pad--) {
            sb.append(' ');
        }
        return sb.append(' ').append(e.reason()).toString();
    }

    @Override
    public void onEvent(Event e) {
        synchronized (out) {
            if (json != null) {
                try {
                    EventJson.write(json, e);
                    json.flush();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                out.println();
            } else {
                out.println(line(e));
            }
            if (flushEach) {
                out.flush();
            }
        }
    }

    /** Writes what is buffered (the live commands' timer calls this). */
    public void flush() {
        synchronized (out) {
            out.flush();
        }
    }
}
