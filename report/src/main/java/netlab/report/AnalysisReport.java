package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventLog;
import netlab.capture.Timestamps;

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
        NeighbourSection.writeJson(set.neighbours(), g);
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

    /**
     * Prints the text report: the summary with the events per type first, then each table cut to {@code rows}
     * rows (the protocol tree to twice as many) with a line saying how many were left out. With
     * {@link Text#ALL} every row is printed, and the tables the default report leaves out (top talkers by
     * source MAC, top broadcast/multicast sources, every event instead of the first of each type).
     */
    public static void printText(StandardAnalyzers set, PrintWriter out, int rows) {
        boolean full = rows == Text.ALL;
        out.println("== Summary");
        SummarySection.printTotals(set.summary(), set.events().counts(), out);
        out.println();
        out.println("== Protocol hierarchy (frames per protocol path, like tshark -z io,phs)");
        HierarchySection.printText(set.hierarchy(), out, full ? rows : 2 * rows);
        out.println();
        if (full) {
            SummarySection.printTalkers(set.summary(), out, true, rows);
        }
        SummarySection.printTalkers(set.summary(), out, false, rows);
        SummarySection.printFailures(set.summary(), out, rows);
        ArpSection.printText(set.arp(), out, rows);
        out.println();
        BroadcastSection.printText(set.broadcast(), out, rows);
        out.println();
        MacTableSection.printText(set.macTable(), out, rows);
        out.println();
        NeighbourSection.printText(set.neighbours(), out, rows);
        printEvents(set.events(), out, rows);
    }

    /** Every event kept (full), or the first event of each type; {@code rows} rows either way. */
    private static void printEvents(EventLog log, PrintWriter out, int rows) {
        long all = log.counts().values().stream().mapToLong(Long::longValue).sum();
        if (all == 0) {
            out.println("== Events: none");
            return;
        }
        List<Event> list = log.events();
        if (rows != Text.ALL) {
            Map<String, Event> first = new LinkedHashMap<>();
            list.forEach(e -> first.putIfAbsent(e.type(), e));
            list = new ArrayList<>(first.values());
            out.println("== Events (" + all + "; the first of each type)");
        } else {
            out.println("== Events (" + all + ")");
        }
        TextTable t = new TextTable("", "", "").oneLine(rows != Text.ALL);
        for (Event e : list.subList(0, Text.shown(list.size(), rows))) {
            t.row(Timestamps.rfc3339(e.timeNanos()), e.type(), e.reason());
        }
        t.print(out, "  ");
        if (rows != Text.ALL) {
            Text.more(out, "  ", all - t.size());
        } else if (log.dropped() > 0) {
            out.printf("  ... and %d more not kept: the report keeps the first %d events (counts above are complete)%n",
                    log.dropped(), log.events().size());
        }
    }
}
