package netlab.spark;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netlab.capture.Timestamps;
import netlab.report.Json;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code summary.json}: totals over every segment, the files that failed, each segment's line, the top
 * talkers across segments, the IP-to-MAC bindings and the stations seen on more than one segment.
 * Lists are capped at {@link #LIST_CAP} rows, with the full count beside each.
 */
final class ClusterSummary {
    /** Rows of the bindings and multi-segment station lists. */
    static final int LIST_CAP = 1000;

    private static final StructType TALKERS = new StructType().add("segment", DataTypes.StringType)
            .add("kind", DataTypes.StringType).add("address", DataTypes.StringType)
            .add("frames", DataTypes.LongType).add("bytes", DataTypes.LongType);
    private static final StructType BINDINGS = new StructType().add("segment", DataTypes.StringType)
            .add("vlan", DataTypes.IntegerType).add("ip", DataTypes.StringType).add("mac", DataTypes.StringType)
            .add("first_ns", DataTypes.LongType).add("last_ns", DataTypes.LongType);
    private static final StructType STATIONS = new StructType().add("segment", DataTypes.StringType)
            .add("mac", DataTypes.StringType).add("ips", DataTypes.createArrayType(DataTypes.StringType))
            .add("frames", DataTypes.LongType).add("bytes", DataTypes.LongType);

    private ClusterSummary() {
    }

    static void write(SparkSession spark, JavaRDD<SegmentResult> results, List<SegmentResult> segments, int top,
                      FileSystem fs, Path path) throws IOException {
        segments.sort((a, b) -> a.segment().compareTo(b.segment()));
        Dataset<Row> talkers = spark.createDataFrame(results.flatMap(r -> r.talkers().stream()
                .map(t -> RowFactory.create(r.segment(), t.kind(), t.address(), t.frames(), t.bytes())).iterator()),
                TALKERS);
        Dataset<Row> bindings = spark.createDataFrame(results.flatMap(r -> r.bindings().stream()
                .map(b -> RowFactory.create(r.segment(), b.vlan(), b.ip(), b.mac(), b.firstNanos(), b.lastNanos()))
                .iterator()), BINDINGS);
        Dataset<Row> stations = spark.createDataFrame(results.flatMap(r -> r.stations().stream()
                .map(s -> RowFactory.create(r.segment(), s.mac(), s.ips().toArray(new String[0]), s.frames(), s.bytes()))
                .iterator()), STATIONS);
        try (Writer w = new OutputStreamWriter(fs.create(path, true), StandardCharsets.UTF_8);
             JsonGenerator g = Json.pretty(w)) {
            g.writeStartObject();
            writeTotals(g, segments);
            writeSegments(g, segments);
            g.writeObjectFieldStart("top_talkers");
            writeTalkers(g, "mac", talkers, top);
            writeTalkers(g, "ip", talkers, top);
            g.writeEndObject();
            writeBindings(g, bindings);
            writeSharedStations(g, stations);
            g.writeEndObject();
            g.flush();
            w.write(System.lineSeparator());
        }
    }

    private static void writeTotals(JsonGenerator g, List<SegmentResult> segments) throws IOException {
        g.writeNumberField("segments", segments.size());
        g.writeNumberField("files", segments.stream().mapToInt(s -> s.files().size()).sum());
        g.writeNumberField("frames", segments.stream().mapToLong(SegmentResult::frames).sum());
        g.writeNumberField("bytes", segments.stream().mapToLong(SegmentResult::bytes).sum());
        List<SegmentResult> withFrames = segments.stream().filter(s -> s.frames() > 0).toList();
        writeTime(g, "first", withFrames.stream().mapToLong(SegmentResult::firstNanos).min().orElse(0), withFrames.isEmpty());
        writeTime(g, "last", withFrames.stream().mapToLong(SegmentResult::lastNanos).max().orElse(0), withFrames.isEmpty());
        Map<String, Long> counts = new TreeMap<>();
        segments.forEach(s -> s.eventCounts().forEach((k, v) -> counts.merge(k, v, Long::sum)));
        g.writeObjectFieldStart("event_counts");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeNumberField("events_not_listed", segments.stream().mapToLong(SegmentResult::eventsNotListed).sum());
        g.writeArrayFieldStart("files_with_errors");
        for (SegmentResult s : segments) {
            for (HadoopCaptures.Outcome f : s.files()) {
                if (f.error() != null) {
                    g.writeStartObject();
                    g.writeStringField("segment", s.segment());
                    g.writeStringField("path", f.path());
                    g.writeNumberField("frames", f.frames());
                    g.writeStringField("error", f.error());
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static void writeTime(JsonGenerator g, String field, long nanos, boolean none) throws IOException {
        g.writeStringField(field, none ? null : Timestamps.rfc3339(nanos));
    }

    private static void writeSegments(JsonGenerator g, List<SegmentResult> segments) throws IOException {
        g.writeArrayFieldStart("by_segment");
        for (SegmentResult s : segments) {
            g.writeStartObject();
            g.writeStringField("segment", s.segment());
            g.writeStringField("document", s.documentWritten() ? "segments/" + s.segment() + ".json" : null);
            g.writeNumberField("files", s.files().size());
            g.writeNumberField("files_with_errors", s.files().stream().filter(f -> f.error() != null).count());
            g.writeNumberField("frames", s.frames());
            g.writeNumberField("bytes", s.bytes());
            writeTime(g, "first", s.firstNanos(), s.frames() == 0);
            writeTime(g, "last", s.lastNanos(), s.frames() == 0);
            g.writeNumberField("events", s.eventCounts().values().stream().mapToLong(Long::longValue).sum());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeTalkers(JsonGenerator g, String kind, Dataset<Row> talkers, int top) throws IOException {
        List<Row> rows = talkers.filter(col("kind").equalTo(kind)).groupBy("address")
                .agg(sum("frames").as("frames"), sum("bytes").as("bytes"),
                        sort_array(collect_set("segment")).as("segments"))
                .orderBy(desc("frames"), desc("bytes"), col("address")).limit(top).collectAsList();
        g.writeArrayFieldStart(kind);
        for (Row r : rows) {
            g.writeStartObject();
            g.writeStringField("address", r.getString(0));
            g.writeNumberField("frames", r.getLong(1));
            g.writeNumberField("bytes", r.getLong(2));
            writeStrings(g, "segments", r.getList(3));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeBindings(JsonGenerator g, Dataset<Row> bindings) throws IOException {
        Dataset<Row> byPair = bindings.groupBy("ip", "mac")
                .agg(sort_array(collect_set("segment")).as("segments"), min("first_ns").as("first_ns"),
                        max("last_ns").as("last_ns"), count_distinct(col("segment")).as("n"));
        List<Row> rows = byPair.orderBy(desc("n"), col("ip"), col("mac")).limit(LIST_CAP).collectAsList();
        g.writeNumberField("bindings_total", byPair.count());
        g.writeArrayFieldStart("bindings");
        for (Row r : rows) {
            g.writeStartObject();
            g.writeStringField("ip", r.getString(0));
            g.writeStringField("mac", r.getString(1));
            writeStrings(g, "segments", r.getList(2));
            g.writeStringField("first_seen", Timestamps.rfc3339(r.getLong(3)));
            g.writeStringField("last_seen", Timestamps.rfc3339(r.getLong(4)));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSharedStations(JsonGenerator g, Dataset<Row> stations) throws IOException {
        Dataset<Row> shared = stations.groupBy("mac")
                .agg(sort_array(collect_set("segment")).as("segments"), count_distinct(col("segment")).as("n"),
                        sum("frames").as("frames"), sum("bytes").as("bytes"),
                        array_sort(array_distinct(flatten(collect_list("ips")))).as("ips"))
                .filter(col("n").gt(1));
        List<Row> rows = shared.orderBy(desc("n"), desc("frames"), col("mac")).limit(LIST_CAP).collectAsList();
        g.writeNumberField("stations_on_several_segments_total", shared.count());
        g.writeArrayFieldStart("stations_on_several_segments");
        for (Row r : rows) {
            g.writeStartObject();
            g.writeStringField("mac", r.getString(0));
            writeStrings(g, "segments", r.getList(1));
            writeStrings(g, "ips", r.getList(5));
            g.writeNumberField("frames", r.getLong(3));
            g.writeNumberField("bytes", r.getLong(4));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeStrings(JsonGenerator g, String field, List<Object> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (Object v : values) {
            g.writeString(String.valueOf(v));
        }
        g.writeEndArray();
    }
}
