package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netlab.analyzers.TrafficSummary;
import netlab.capture.Timestamps;

/** JSON and text rendering of a {@link TrafficSummary}: totals, top talkers and decode failures. */
public final class SummarySection {
    private SummarySection() {
    }

    /** Writes the summary fields into the current JSON object, with {@code top} rows of talkers. */
    public static void writeJson(TrafficSummary s, JsonGenerator g, int top) throws IOException {
        g.writeNumberField("frames", s.frames());
        g.writeNumberField("bytes", s.bytes());
        g.writeNumberField("captured_bytes", s.capturedBytes());
        writeTime(s, g, "first_timestamp", s.firstNanos());
        writeTime(s, g, "last_timestamp", s.lastNanos());
        g.writeNumberField("duration_seconds", s.frames() == 0 ? 0.0 : s.durationNanos() / 1e9);
        g.writeNumberField("unicast_frames", s.unicastFrames());
        g.writeNumberField("broadcast_frames", s.broadcastFrames());
        g.writeNumberField("multicast_frames", s.multicastFrames());
        g.writeNumberField("distinct_src_macs", s.distinctSourceMacs());
        g.writeArrayFieldStart("vlan_ids");
        for (int id : s.vlanIds()) {
            g.writeNumber(id);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("decode_failures");
        g.writeNumberField("frames", s.decodeFailures());
        g.writeArrayFieldStart("reasons");
        for (TrafficSummary.FailureCount c : s.failureReasons()) {
            g.writeStartObject();
            g.writeStringField("protocol", c.protocol());
            g.writeNumberField("layer", c.osiLayer());
            g.writeStringField("reason", c.reason());
            g.writeNumberField("frames", c.frames());
            g.writeNumberField("first_frame", c.firstFrame());
            g.writeNumberField("first_offset", c.firstOffset());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("top_talkers");
        writeTalkers(g, "mac", "mac", s.topMacs(top));
        writeTalkers(g, "ip", "ip", s.topIps(top));
        g.writeEndObject();
    }

    /** A saturated timestamp (beyond 2262, see PcapngReader) has no RFC 3339 form here: null. */
    private static void writeTime(TrafficSummary s, JsonGenerator g, String name, long ns) throws IOException {
        if (s.frames() == 0 || ns == Long.MAX_VALUE) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, Timestamps.rfc3339(ns));
        }
    }

    private static void writeTalkers(JsonGenerator g, String name, String key, List<TrafficSummary.Talker> top)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (TrafficSummary.Talker t : top) {
            g.writeStartObject();
            g.writeStringField(key, t.address());
            g.writeNumberField("frames", t.frames());
            g.writeNumberField("bytes", t.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Prints the "Summary" section's lines, the events per type last. */
    public static void printTotals(TrafficSummary s, Map<String, Long> events, PrintWriter out) {
        out.printf("Frames:          %d, %d bytes (captured %d); unicast %d, broadcast %d, multicast %d%n", s.frames(),
                s.bytes(), s.capturedBytes(), s.unicastFrames(), s.broadcastFrames(), s.multicastFrames());
        if (s.frames() > 0) {
            out.printf("Time:            %s to %s (%s s)%n", time(s.firstNanos()), time(s.lastNanos()),
                    Timestamps.seconds(s.durationNanos(), 6));
        }
        List<Integer> vlans = s.vlanIds();
        out.printf("Sources:         %s, %s, %s%n", Text.count(s.distinctSourceMacs(), "MAC"),
                Text.count(s.distinctSourceIps(), "IP address", "IP addresses"), vlans.isEmpty() ? "no VLANs"
                : (vlans.size() == 1 ? "VLAN " : "VLANs ")
                        + vlans.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        out.printf("Decode failures: %s%n", s.decodeFailures() == 0 ? "none" : Text.count(s.decodeFailures(), "frame"));
        Text.printEventCounts(out, "Events:          ", events);
    }

    private static String time(long ns) {
        return ns == Long.MAX_VALUE ? "out of range" : Timestamps.rfc3339(ns);
    }

    /**
     * Prints a top-talker section ({@code mac} true: by source MAC, else by source IP), {@code rows} rows,
     * then a blank line; nothing without a source (the summary says 0).
     */
    public static void printTalkers(TrafficSummary s, PrintWriter out, boolean mac, int rows) {
        List<TrafficSummary.Talker> top = mac ? s.topMacs(rows) : s.topIps(rows);
        long total = mac ? s.distinctSourceMacs() : s.distinctSourceIps();
        String what = mac ? "source MAC" : "source IP";
        if (total == 0) {
            return;
        }
        out.println("== Top talkers by " + what + " (" + Text.count(total, mac ? "MAC" : "address", mac ? "MACs"
                : "addresses") + ")");
        TextTable t = new TextTable(mac ? "MAC" : "IP", ">frames", ">bytes");
        for (TrafficSummary.Talker k : top) {
            t.row(k.address(), k.frames(), k.bytes());
        }
        t.print(out, "  ");
        Text.more(out, "  ", total - top.size());
        out.println();
    }

    /** Prints the "Decode failures" section, then a blank line, when any frame failed to decode. */
    public static void printFailures(TrafficSummary s, PrintWriter out, int rows) {
        List<TrafficSummary.FailureCount> failures = s.failureReasons();
        if (failures.isEmpty()) {
            return;
        }
        out.println("== Decode failures (" + Text.count(s.decodeFailures(), "frame") + ")");
        TextTable t = new TextTable("protocol", "layer", "reason", ">frames", ">first frame", ">at offset");
        for (TrafficSummary.FailureCount c : failures.subList(0, Text.shown(failures.size(), rows))) {
            t.row(c.protocol(), "L" + c.osiLayer(), c.reason(), c.frames(), c.firstFrame(), c.firstOffset());
        }
        t.print(out, "  ");
        Text.more(out, "  ", failures.size() - t.size());
        out.println();
    }
}
