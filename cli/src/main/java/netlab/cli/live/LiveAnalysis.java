package netlab.cli.live;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.mac.Station;
import netlab.capture.Frame;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.command.AnalyzerOptions;
import netlab.report.AnalysisReport;
import netlab.report.Json;
import netlab.report.LiveEvents;
import netlab.report.Text;

/**
 * {@code capture --analyze}: the analyzers run on the live frames; events are printed as they happen, a
 * compact table is refreshed every interval (top-like: ANSI clear-screen on a terminal, a plain block
 * otherwise; none with --json), and at the end comes the report of {@code netlab analyze}. The capture
 * thread feeds the analyzers and the timer thread renders the table, both under the analyzer set's lock.
 */
public final class LiveAnalysis {
    /** ANSI: cursor home, clear screen (ECMA-48 CUP and ED). */
    private static final String CLEAR = "\033[H\033[2J";
    private static final int ROWS = 5;

    private final StandardAnalyzers set;
    private final PrintWriter out;
    private final boolean json;
    private final boolean terminal;
    private final String device;
    private long lastBroadcast;
    private long lastRefresh = System.nanoTime();

    public LiveAnalysis(AnalyzerOptions options, PrintWriter out, boolean json, boolean terminal, String device) {
        this.set = options.analyzers(new LiveEvents(out, json));
        this.out = out;
        this.json = json;
        this.terminal = terminal;
        this.device = device;
    }

    public void offer(Frame f) {
        synchronized (set) {
            set.offer(f);
        }
    }

    /** Timer thread: prints the table (nothing with --json, whose output stays JSON Lines). */
    public void refresh() {
        if (json) {
            return;
        }
        String table;
        synchronized (set) {
            table = table();
        }
        synchronized (out) {
            out.print(terminal ? CLEAR + table : table + "\n");
            out.flush();
        }
    }

    private String table() {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        long now = System.nanoTime();
        long bcast = set.broadcast().broadcastFrames();
        double rate = (bcast - lastBroadcast) / Math.max(1e-9, (now - lastRefresh) / 1e9);
        lastBroadcast = bcast;
        lastRefresh = now;
        Instant t = Instant.now();
        w.printf(Locale.ROOT, "netlab capture %s --analyze  %s%n", device,
                Timestamps.rfc3339(t.getEpochSecond() * 1_000_000_000L + t.getNano()).substring(11, 19));
        w.printf(Locale.ROOT, "frames %d  bytes %d  unicast %d  broadcast %d (%.1f/s now)  multicast %d%n",
                set.summary().frames(), set.summary().bytes(), set.broadcast().unicastFrames(), bcast, rate,
                set.broadcast().multicastFrames());
        ArpTracker.Counts c = set.arp().counts();
        w.printf(Locale.ROOT, "ARP requests %d  replies %d  pairs %d  unanswered %d  gratuitous %d  bindings %d%n",
                c.requests(), c.replies(), c.pairs(), c.unanswered(), c.gratuitous(), set.arp().tableSizes().bindings());
        for (ArpTracker.UnansweredGroup g : set.arp().unansweredGroups(3)) {
            w.printf(Locale.ROOT, "  unanswered  %s -> %s  %d%n", Ipv4Address.format(g.senderIp()),
                    Ipv4Address.format(g.targetIp()), g.requests());
        }
        List<Station> top = set.macTable().stations().stream()
                .sorted(Comparator.comparingLong(Station::frames).reversed()).limit(ROWS).toList();
        w.printf(Locale.ROOT, "MAC table %d stations (learned %d, aged out %d)  flooded unicast %d%n", set.macTable().size(),
                set.macTable().learned(), set.macTable().agedOut(), set.macTable().floodedUnicast());
        for (Station st : top) {
            w.printf(Locale.ROOT, "  %-17s %-31s frames %-8d bytes %-10d %s%n", new MacAddress(st.mac()),
                    Text.elide(set.macTable().vendor(st.mac()), 31), st.frames(), st.bytes(), String.join(" ", st.ips()));
        }
        w.printf("events %s%n", Text.eventCounts(set.events().counts()));
        w.flush();
        return s.toString();
    }

    /**
     * End of capture: pending requests settle, then the report of {@code netlab analyze} (JSON: one line);
     * {@code top} as analyze's --top (null: its defaults).
     */
    public void finish(Integer top) {
        synchronized (set) {
            set.finish();
            synchronized (out) {
                if (json) {
                    try {
                        JsonGenerator g = Json.compact(out);
                        g.writeStartObject();
                        g.writeStringField("type", "report");
                        AnalysisReport.writeJson(set, g, top != null ? top : 10);
                        g.writeEndObject();
                        g.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    out.println();
                } else {
                    AnalysisReport.printText(set, out, top != null ? top : Text.DEFAULT_ROWS);
                }
                out.flush();
            }
        }
    }
}
