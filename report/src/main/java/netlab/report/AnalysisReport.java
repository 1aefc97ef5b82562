package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventLog;

/** The report of {@code netlab analyze} over a {@link StandardAnalyzers} set: text, or JSON fields. */
public final class AnalysisReport {
    private AnalysisReport() {
    }

    /** Writes every analyzer's sections, then the events, into the current JSON object. */
    public static void writeJson(StandardAnalyzers set, JsonGenerator g, int top) throws IOException {
        SummarySection.writeJson(set.summary(), g, top);
        HierarchySection.writeJson(set.hierarchy(), g);
        ArpSection.writeJson(set.arp(), g);
        BroadcastSection.writeJson(set.broadcast(), g);
        MacTableSection.writeJson(set.macTable(), g);
        EventLog events = set.events();
        g.writeObjectFieldStart("event_counts");
        for (Map.Entry<String, Long> e : events.counts().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("events_not_listed", events.dropped());
        g.writeArrayFieldStart("events");
        for (Event e : events.events()) {
            EventJson.write(g, e);
        }
        g.writeEndArray();
    }

    /** Prints every analyzer's text sections, then the events; {@code top} rows per talker table. */
    public static void printText(StandardAnalyzers set, PrintWriter out, int top) {
        out.println("== Summary");
        SummarySection.printTotals(set.summary(), out);
        out.println();
        out.println("== Protocol hierarchy (frames per protocol path, like tshark -z io,phs)");
        HierarchySection.printText(set.hierarchy(), out);
        out.println();
        SummarySection.printTalkers(set.summary(), out, top);
        SummarySection.printFailures(set.summary(), out);
        out.println();
        ArpSection.printText(set.arp(), out);
        out.println();
        BroadcastSection.printText(set.broadcast(), out);
        out.println();
        MacTableSection.printText(set.macTable(), out);
        printEvents(set.events(), out);
    }

    private static void printEvents(EventLog events, PrintWriter out) {
        out.println();
        out.println("== Events");
        if (events.events().isEmpty()) {
            out.println("  none");
        }
        for (Event e : events.events()) {
            out.println("  " + LiveEvents.line(e));
        }
        if (events.dropped() > 0) {
            out.printf("  ... %d more events not listed (counts: %s)%n", events.dropped(), events.counts());
        }
    }
}
