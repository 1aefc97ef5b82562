package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.broadcast.SourceRates;
import netlab.analyzers.mac.IntervalSeries;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;

/** JSON and text rendering of a {@link BroadcastMeter}. */
public final class BroadcastSection {
    private static final String[] CLASSES = {"unicast", "broadcast", "multicast"};

    private BroadcastSection() {
    }

    /** Writes this section into the current JSON object. */
    public static void writeJson(BroadcastMeter m, JsonGenerator g) throws IOException {
        IntervalSeries s = m.series();
        g.writeObjectFieldStart("broadcast");
        g.writeNumberField("interval_seconds", m.config().intervalNanos() / 1e9);
        g.writeNumberField("series_interval_seconds", s.entryNanos() / 1e9);
        g.writeNumberField("storm_threshold_fps", m.config().stormFps());
        g.writeObjectFieldStart("totals");
        for (int c = 0; c < 3; c++) {
            g.writeNumberField(CLASSES[c] + "_frames", m.frames(c));
        }
        for (int c = 0; c < 3; c++) {
            g.writeNumberField(CLASSES[c] + "_bytes", m.bytes(c));
        }
        g.writeNumberField("unclassified_frames", m.unclassifiedFrames());
        g.writeNumberField("unclassified_bytes", m.unclassifiedBytes());
        g.writeEndObject();
        g.writeObjectFieldStart("peaks");
        for (int c = 0; c < 4; c++) {
            String name = c == 3 ? "total" : CLASSES[c];
            g.writeNumberField(name + "_fps", m.peakFps(c));
            writeTime(g, name + "_at", m.peakFps(c) > 0 ? m.peakAt(c) : -1);
        }
        g.writeEndObject();
        g.writeNumberField("broadcast_share", m.broadcastShare());
        writeStorms(m, g);
        writeSeries(s, g);
        writeSources(m, g);
        g.writeEndObject();
    }

    private static void writeStorms(BroadcastMeter m, JsonGenerator g) throws IOException {
        g.writeNumberField("storm_episodes", m.stormCount());
        g.writeArrayFieldStart("storms");
        for (BroadcastMeter.Storm st : m.storms()) {
            g.writeStartObject();
            writeTime(g, "start", st.start());
            writeTime(g, "end", st.end());
            g.writeNumberField("broadcast_frames", st.broadcastFrames());
            g.writeNumberField("peak_fps", st.peakFps());
            writeTime(g, "peak_at", st.peakAt());
            writeMac(g, "top_source", st.topSource());
            g.writeNumberField("top_source_frames", st.topSourceFrames());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSeries(IntervalSeries s, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("series");
        for (int i = 0; i < s.size(); i++) {
            g.writeStartObject();
            g.writeStringField("start", Timestamps.rfc3339(s.start(i)));
            long bytes = 0;
            for (int c = 0; c < 3; c++) {
                g.writeNumberField(CLASSES[c] + "_frames", s.value(i, c));
            }
            for (int c = 0; c < 3; c++) {
                g.writeNumberField(CLASSES[c] + "_bytes", s.value(i, BroadcastMeter.BYTES + c));
                bytes += s.value(i, BroadcastMeter.BYTES + c);
            }
            g.writeNumberField("bytes", bytes);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSources(BroadcastMeter m, JsonGenerator g) throws IOException {
        g.writeNumberField("sources_tracked", m.sources().size());
        g.writeNumberField("sources_evicted", m.sources().evicted());
        g.writeArrayFieldStart("top_sources");
        double secs = m.config().intervalNanos() / 1e9;
        for (SourceRates.Source src : m.sources().top(m.config().topSources())) {
            g.writeStartObject();
            g.writeStringField("mac", new MacAddress(src.mac()).toString());
            g.writeNumberField("unicast_frames", src.unicastFrames());
            g.writeNumberField("broadcast_frames", src.broadcastFrames());
            g.writeNumberField("multicast_frames", src.multicastFrames());
            g.writeNumberField("bytes", src.bytes());
            g.writeNumberField("peak_broadcast_fps", src.peakBroadcastFrames() / secs);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTime(JsonGenerator g, String name, long ns) throws IOException {
        if (ns < 0) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Timestamps.rfc3339(ns));
        }
    }

    private static void writeMac(JsonGenerator g, String name, long mac) throws IOException {
        if (mac < 0) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, new MacAddress(mac).toString());
        }
    }

    /**
     * Prints this section of the text report: totals and peaks per class, storms ({@code rows} rows); with
     * every row ({@link Text#ALL}) also the top broadcast/multicast sources, which the MAC table's columns
     * summarise otherwise.
     */
    public static void printText(BroadcastMeter m, PrintWriter out, int rows) {
        out.printf(Locale.ROOT, "== Broadcast rates (%s s intervals)%n", Text.seconds(m.config().intervalNanos()));
        TextTable t = new TextTable("", ">frames", ">bytes", ">peak frames/s");
        for (int c = 0; c < 3; c++) {
            t.row(CLASSES[c], m.frames(c), m.bytes(c), String.format(Locale.ROOT, "%.1f", m.peakFps(c)));
        }
        if (m.unclassifiedFrames() > 0) {
            t.row("no destination MAC", m.unclassifiedFrames(), m.unclassifiedBytes(), "");
        }
        t.print(out, "  ");
        long all = m.unicastFrames() + m.broadcastFrames() + m.multicastFrames();
        out.printf(Locale.ROOT, "Broadcast share %.1f %% of %s; %s (threshold %.0f broadcast frames/s)%n",
                100 * m.broadcastShare(), Text.count(all, "frame"), m.stormCount() == 0 ? "no storms"
                        : Text.count(m.stormCount(), "storm"), m.config().stormFps());
        List<BroadcastMeter.Storm> storms = m.storms();
        if (!storms.isEmpty()) {
            TextTable st = new TextTable("start", "end", ">peak frames/s", "top source", ">frames");
            for (BroadcastMeter.Storm x : storms.subList(0, Text.shown(storms.size(), rows))) {
                st.row(Timestamps.rfc3339(x.start()), Timestamps.rfc3339(x.end()),
                        String.format(Locale.ROOT, "%.0f", x.peakFps()),
                        x.topSource() < 0 ? "-" : new MacAddress(x.topSource()), x.topSourceFrames());
            }
            st.print(out, "  ");
            Text.more(out, "  ", m.stormCount() - st.size());
        }
        if (rows == Text.ALL) {
            printSources(m, out);
        }
    }

    private static void printSources(BroadcastMeter m, PrintWriter out) {
        var top = m.sources().top(m.config().topSources());
        if (top.isEmpty() || top.get(0).broadcastFrames() + top.get(0).multicastFrames() == 0) {
            return;
        }
        out.println("Top broadcast/multicast sources:");
        TextTable t = new TextTable("MAC", ">broadcast", ">multicast", ">unicast");
        for (SourceRates.Source s : top) {
            t.row(new MacAddress(s.mac()), s.broadcastFrames(), s.multicastFrames(), s.unicastFrames());
        }
        t.print(out, "  ");
    }
}
