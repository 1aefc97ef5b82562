package netlab.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import netlab.analyzers.Analysis;
import netlab.analyzers.ProtocolHierarchy;
import netlab.analyzers.TrafficSummary;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.event.EventLog;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;

/** The analyzers of {@code netlab analyze} with its default options, wired as the CLI wires them. */
final class SegmentAnalyzers {
    private final TrafficSummary summary = new TrafficSummary();
    private final ProtocolHierarchy hierarchy = new ProtocolHierarchy();
    private final ArpTracker arp;
    private final MacTable macTable;
    private final BroadcastMeter broadcast;
    private final EventLog events;
    private final Analysis analysis;

    SegmentAnalyzers() {
        events = new EventLog(EventLog.DEFAULT_CAP, EventListener.none());
        arp = new ArpTracker(ArpConfig.defaults(), events);
        macTable = new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, events);
        broadcast = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, events);
        arp.setUnansweredHook((mac, vlan, t) -> macTable.countUnanswered(mac, vlan));
        analysis = new Analysis(List.of(summary, hierarchy, macTable, arp, broadcast));
    }

    void offer(Frame f) {
        analysis.offer(f);
    }

    void finish() {
        analysis.finish();
    }

    TrafficSummary summary() {
        return summary;
    }

    ArpTracker arp() {
        return arp;
    }

    MacTable macTable() {
        return macTable;
    }

    EventLog events() {
        return events;
    }

    /** Every analyzer's sections, then the events, into the current JSON object (as {@code analyze --json}). */
    void writeJson(JsonGenerator g, int top) throws IOException {
        summary.writeJson(g, top);
        hierarchy.writeJson(g);
        arp.writeJson(g);
        broadcast.writeJson(g);
        macTable.writeJson(g);
        g.writeObjectFieldStart("event_counts");
        for (Map.Entry<String, Long> e : events.counts().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("events_not_listed", events.dropped());
        g.writeArrayFieldStart("events");
        for (Event e : events.events()) {
            EventLog.write(g, e);
        }
        g.writeEndArray();
    }

    static void writeEvent(JsonGenerator g, Event e) throws IOException {
        EventLog.write(g, e);
    }
}
