package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
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

    /** Prints the "Summary" section's lines. */
    public static void printTotals(TrafficSummary s, PrintWriter out) {
        out.printf("Frames:          %d%n", s.frames());
        out.printf("Bytes:           %d (captured %d)%n", s.bytes(), s.capturedBytes());
        if (s.frames() > 0) {
            out.printf("First frame:     %s%n", time(s.firstNanos()));
            out.printf("Last frame:      %s%n", time(s.lastNanos()));
            out.printf("Duration:        %s s%n", Timestamps.seconds(s.durationNanos(), 6));
        }
        out.printf("Unicast:         %d%nBroadcast:       %d%nMulticast:       %d%n", s.unicastFrames(),
                s.broadcastFrames(), s.multicastFrames());
        out.printf("Source MACs:     %d%n", s.distinctSourceMacs());
        List<Integer> vlans = s.vlanIds();
        out.printf("VLANs:           %s%n", vlans.isEmpty() ? "none"
                : vlans.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        out.printf("Decode failures: %d%n", s.decodeFailures());
    }

    private static String time(long ns) {
        return ns == Long.MAX_VALUE ? "out of range" : Timestamps.rfc3339(ns);
    }

    /** Prints the two top-talker sections (by source MAC, by source IP), {@code top} rows each. */
    public static void printTalkers(TrafficSummary s, PrintWriter out, int top) {
        out.println("== Top talkers by source MAC");
        for (TrafficSummary.Talker t : s.topMacs(top)) {
            out.printf("  %-20s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
        out.println();
        out.println("== Top talkers by source IP");
        for (TrafficSummary.Talker t : s.topIps(top)) {
            out.printf("  %-40s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
    }

    /** Prints the "Decode failures" section, preceded by a blank line, when any frame failed to decode. */
    public static void printFailures(TrafficSummary s, PrintWriter out) {
        List<TrafficSummary.FailureCount> failures = s.failureReasons();
        if (failures.isEmpty()) {
            return;
        }
        out.println();
        out.println("== Decode failures");
        for (TrafficSummary.FailureCount c : failures) {
            out.printf("  %-8s L%d  %-40s frames %-7d first: frame %d at offset %d%n", c.protocol(),
                    c.osiLayer(), c.reason(), c.frames(), c.firstFrame(), c.firstOffset());
        }
    }
}
