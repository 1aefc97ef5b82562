package netlab.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.TrafficSummary;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.Station;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.report.AnalysisReport;
import netlab.report.EventJson;
import netlab.report.Json;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Analyses one segment inside one Spark task: orders its files by capture time, feeds them in that order to
 * one set of netlab's analyzers (ARP pairing, storms and MAC aging need order), writes the segment's
 * {@code analyze --json} document to {@code OUT/segments/<segment>.json} and returns the bounded rows the
 * events table and the summary are built from.
 */
final class SegmentTask {
    /** Talkers per segment handed to the cluster-wide top-talker tables (each segment's busiest). */
    static final int TALKERS_PER_SEGMENT = 1000;
    private static final JsonFactory JSON = new JsonFactory();

    private SegmentTask() {
    }

    static SegmentResult run(Segment segment, FileSystem fs, Path out, int top) {
        List<String> ordered = captureOrder(fs, segment.files());
        StandardAnalyzers set = new StandardAnalyzers(StandardAnalyzers.Config.defaults(), EventListener.none());
        List<HadoopCaptures.Outcome> outcomes = new ArrayList<>();
        long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (String path : ordered) {
            outcomes.add(HadoopCaptures.read(fs, path, f -> {
                span[0] = Math.min(span[0], f.timestampNanos());
                span[1] = Math.max(span[1], f.timestampNanos());
                set.offer(f);
            }));
        }
        set.finish();
        boolean anyRead = outcomes.stream().anyMatch(HadoopCaptures.Outcome::read);
        try {
            if (anyRead) {
                writeDocument(fs, new Path(out, "segments/" + segment.name() + ".json"), document(outcomes, set, top));
            }
            TrafficSummary s = set.summary();
            return new SegmentResult(segment.name(), outcomes, anyRead, s.frames(), s.bytes(),
                    s.frames() == 0 ? 0 : span[0], s.frames() == 0 ? 0 : span[1], new HashMap<>(set.events().counts()),
                    set.events().dropped(), anyRead ? events(set) : List.of(), talkers(s), bindings(set), stations(set));
        } catch (IOException e) {
            throw new UncheckedIOException("segment " + segment.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The files in capture-time order (first frame's timestamp, then path); files with no readable first frame
     * go last, by path, so they still appear in the report.
     */
    static List<String> captureOrder(FileSystem fs, List<String> files) {
        Map<String, Long> first = new HashMap<>();
        for (String f : files) {
            Long t = HadoopCaptures.firstFrameNanos(fs, f);
            first.put(f, t == null ? Long.MAX_VALUE : t);
        }
        List<String> ordered = new ArrayList<>(files);
        ordered.sort(Comparator.<String>comparingLong(first::get).thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    /** The document {@code netlab analyze --json} prints for these files, read in this order. */
    static String document(List<HadoopCaptures.Outcome> outcomes, StandardAnalyzers set, int top) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.pretty(w)) {
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (HadoopCaptures.Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("path", o.path());
                g.writeNumberField("frames", o.frames());
                if (o.error() == null) {
                    g.writeNullField("error");
                } else {
                    g.writeStringField("error", o.error());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("complete", outcomes.stream().allMatch(o -> o.error() == null));
            g.writeStringField("interrupted", null);
            AnalysisReport.writeJson(set, g, top);
            g.writeEndObject();
        }
        return w.append(System.lineSeparator()).toString();
    }

    private static void writeDocument(FileSystem fs, Path path, String text) throws IOException {
        // Overwrite: a retried task writes the same bytes again.
        try (OutputStream o = fs.create(path, true)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<SegmentResult.EventRow> events(StandardAnalyzers set) throws IOException {
        List<SegmentResult.EventRow> rows = new ArrayList<>();
        int seq = 0;
        for (Event e : set.events().events()) {
            StringWriter w = new StringWriter();
            try (JsonGenerator g = Json.compact(w)) {
                EventJson.write(g, e);
            }
            String json = w.toString();
            Map<String, Object> top = topLevelScalars(json);
            rows.add(new SegmentResult.EventRow(seq++, e.timeNanos(), e.type(), e.reason(),
                    top.get("vlan") instanceof Number n ? n.intValue() : null,
                    top.get("ip") instanceof String s ? s : null, top.get("mac") instanceof String s ? s : null, json));
        }
        return rows;
    }

    /** The top-level string and integer fields of an event object: the columns every event kind may have. */
    private static Map<String, Object> topLevelScalars(String json) throws IOException {
        Map<String, Object> out = new HashMap<>();
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    out.put(name, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT) {
                    out.put(name, p.getLongValue());
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    private static List<SegmentResult.TalkerRow> talkers(TrafficSummary s) {
        List<SegmentResult.TalkerRow> rows = new ArrayList<>();
        for (TrafficSummary.Talker t : s.topMacs(TALKERS_PER_SEGMENT)) {
            rows.add(new SegmentResult.TalkerRow("mac", t.address(), t.frames(), t.bytes()));
        }
        for (TrafficSummary.Talker t : s.topIps(TALKERS_PER_SEGMENT)) {
            rows.add(new SegmentResult.TalkerRow("ip", t.address(), t.frames(), t.bytes()));
        }
        return rows;
    }

    private static List<SegmentResult.BindingRow> bindings(StandardAnalyzers set) {
        List<SegmentResult.BindingRow> rows = new ArrayList<>();
        for (ArpBinding b : set.arp().bindings()) {
            for (ArpBinding.Claim c : b.claims()) {
                rows.add(new SegmentResult.BindingRow(b.vlan(), Ipv4Address.format(b.ip()), new MacAddress(c.mac()).toString(),
                        c.firstSeenNanos(), c.lastSeenNanos()));
            }
        }
        return rows;
    }

    private static List<SegmentResult.StationRow> stations(StandardAnalyzers set) {
        List<SegmentResult.StationRow> rows = new ArrayList<>();
        for (Station s : set.macTable().stations()) {
            rows.add(new SegmentResult.StationRow(new MacAddress(s.mac()).toString(), s.vlan(), List.copyOf(s.ips()),
                    s.frames(), s.bytes()));
        }
        return rows;
    }
}
