package netlab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import netlab.analyzers.Analysis;
import netlab.analyzers.ProtocolHierarchy;
import netlab.analyzers.TrafficSummary;
import netlab.analyzers.arp.ArpEvent;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.event.EventLog;
import netlab.capture.Frame;

/**
 * Every analyzer a run uses, wired together: the summary, the protocol hierarchy, the ARP tracker, the MAC
 * table and the broadcast meter, with one
 * bounded event log that also forwards events to a live listener (e.g. {@code --events} JSON Lines).
 */
final class AnalyzerSet {
    final TrafficSummary summary = new TrafficSummary();
    final ProtocolHierarchy hierarchy = new ProtocolHierarchy();
    final ArpTracker arp;
    final MacTable macTable;
    final BroadcastMeter broadcast;
    final EventLog events;
    private final Analysis analysis;
    private long spoofingReplies;

    AnalyzerSet(AnalyzerOptions options, EventListener live) {
        events = new EventLog(EventLog.DEFAULT_CAP, e -> {
            if (e instanceof ArpEvent.UnsolicitedReply u && u.changesBinding()) {
                spoofingReplies++;
            }
            live.onEvent(e);
        });
        try {
            arp = new ArpTracker(options.arpConfig(), events);
            macTable = new MacTable(options.macConfig(), options.vendors(), events);
            broadcast = new BroadcastMeter(options.broadcastConfig(), events);
        } catch (IllegalArgumentException e) {
            throw new NetlabException(ExitCode.USAGE, "analyzer options", e.getMessage(), "see --help");
        }
        // The switch model attributes each unanswered ARP request to the MAC that sent it.
        arp.setUnansweredHook((mac, vlan, t) -> macTable.countUnanswered(mac, vlan));
        analysis = new Analysis(List.of(summary, hierarchy, macTable, arp, broadcast));
    }

    void offer(Frame f) {
        analysis.offer(f);
    }

    /** End of input: pending ARP requests become unanswered. */
    void finish() {
        analysis.finish();
    }

    /** The --fail-on conditions that held. */
    EnumSet<FailOn> failed(EnumSet<FailOn> wanted) {
        EnumSet<FailOn> out = EnumSet.noneOf(FailOn.class);
        Map<String, Long> counts = events.counts();
        for (FailOn f : wanted) {
            if (f.held(counts, spoofingReplies, arp.counts().unanswered(), arp.counts().malformed())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Writes every analyzer's sections into the current JSON object. */
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

    /** Prints every analyzer's text sections. */
    void printText(PrintWriter out, int top) {
        out.println("== Summary");
        summary.printText(out);
        out.println();
        out.println("== Protocol hierarchy (frames per protocol path, like tshark -z io,phs)");
        hierarchy.printText(out);
        out.println();
        out.println("== Top talkers by source MAC");
        for (TrafficSummary.Talker t : summary.topMacs(top)) {
            out.printf("  %-20s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
        out.println();
        out.println("== Top talkers by source IP");
        for (TrafficSummary.Talker t : summary.topIps(top)) {
            out.printf("  %-40s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
        List<TrafficSummary.FailureCount> failures = summary.failureReasons();
        if (!failures.isEmpty()) {
            out.println();
            out.println("== Decode failures");
            for (TrafficSummary.FailureCount c : failures) {
                out.printf("  %-8s L%d  %-40s frames %-7d first: frame %d at offset %d%n", c.protocol(),
                        c.osiLayer(), c.reason(), c.frames(), c.firstFrame(), c.firstOffset());
            }
        }
        out.println();
        arp.printText(out);
        out.println();
        broadcast.printText(out);
        out.println();
        macTable.printText(out);
        printEvents(out);
    }

    private void printEvents(PrintWriter out) {
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
