package netlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.file.CaptureFiles;
import netlab.cli.Netlab;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode over the bundled captures laid out as segments: each segment's document is
 * byte-for-byte what {@code netlab analyze --json} prints for the same files in capture-time order (paths aside),
 * the events table holds the documents' events, damaged and non-capture files are reported and the job succeeds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkAnalyzeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLES = Path.of(System.getProperty("netlab.root", "..")).resolve("sample-pcaps");

    /** Segment directory -> the repository captures copied into it (under new names: name order != time order). */
    private static final Map<String, List<String>> LAYOUT = Map.of(
            "site1/sw1", List.of("arp-spoof.pcap", "arp-burst.pcap", "arp-gratuitous.pcap"),
            "site1/sw2", List.of("mixed-session.pcap", "vlan.pcap", "two-interfaces.pcapng"),
            "site2", List.of("arp-spoof.pcap", "ipv6-nd.pcap"),
            "lab", List.of("truncated.pcap", "arp-icmp.pcap", "nanosecond.pcap"),
            "public/tcpdump", List.of("public/tcpdump/802.1ad_QinQ.pcap", "public/tcpdump/icmpv6.pcap",
                    "public/tcpdump/dhcp-rfc4388.pcap", "public/tcpdump/empty.pcapng"));

    private SparkSession spark;
    private Path root;
    private Path out;
    private SparkAnalyze.Outcome outcome;

    @BeforeAll
    void runJob(@TempDir Path tmp) throws IOException {
        root = tmp.resolve("archive");
        for (Map.Entry<String, List<String>> e : LAYOUT.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(e.getKey()));
            List<String> files = e.getValue();
            for (int i = 0; i < files.size(); i++) {
                // Names count down, so listing order is the reverse of the repository's order.
                Files.copy(SAMPLES.resolve(files.get(i)), dir.resolve("cap-" + (files.size() - i) + ".pcap"));
            }
        }
        Files.writeString(root.resolve("lab/notes.txt"), "not a capture\n");
        Files.createDirectories(root.resolve("only-junk"));
        Files.writeString(root.resolve("only-junk/README"), "nothing here\n");
        Files.createDirectories(root.resolve("_spark_tmp"));
        Files.copy(SAMPLES.resolve("arp-spoof.pcap"), root.resolve("_spark_tmp/hidden.pcap"));
        Files.copy(SAMPLES.resolve("arp-spoof.pcap"), root.resolve("site2/.partial.pcap"));
        out = tmp.resolve("out");
        spark = SparkSession.builder().master("local[2]").appName("SparkAnalyzeTest")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        outcome = new SparkAnalyze(spark, 10).run(root.toString(), out.toString());
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    @Test
    void everySegmentDocumentIsWhatAnalyzePrintsForItsFilesInCaptureTimeOrder() throws Exception {
        boolean someSegmentOutOfNameOrder = false;
        for (String dir : LAYOUT.keySet()) {
            List<Path> byTime = captureTimeOrder(root.resolve(dir));
            List<Path> byName = byTime.stream().sorted().toList();
            someSegmentOutOfNameOrder |= !byTime.equals(byName);
            String actual = Files.readString(out.resolve("segments/" + dir.replace('/', '_') + ".json"));
            List<String> jobPaths = new ArrayList<>();
            MAPPER.readTree(actual).get("files").forEach(f -> jobPaths.add(f.get("path").asText()));
            assertEquals(byTime.stream().map(p -> p.toUri().getPath()).toList(),
                    jobPaths.stream().map(p -> p.replaceFirst("^file:", "")).toList(), dir + ": capture-time order");

            String expected = analyzeJson(byTime);
            for (int i = 0; i < byTime.size(); i++) {
                expected = expected.replace("\"" + byTime.get(i) + "\"", "\"" + jobPaths.get(i) + "\"")
                        .replace("netlab: " + byTime.get(i) + ":", "netlab: " + jobPaths.get(i) + ":");
            }
            assertEquals(expected, actual, dir);
        }
        assertTrue(someSegmentOutOfNameOrder, "the layout must make capture-time order differ from name order");
    }

    @Test
    void eventsTableHoldsEachDocumentsEventsInOrder() throws Exception {
        List<Row> rows = spark.read().parquet(out.resolve("events").toString())
                .orderBy("segment", "seq").collectAsList();
        Map<String, List<JsonNode>> bySegment = new TreeMap<>();
        for (Row r : rows) {
            JsonNode e = MAPPER.readTree(r.<String>getAs("event"));
            bySegment.computeIfAbsent(r.getAs("segment"), k -> new ArrayList<>()).add(e);
            assertEquals(e.get("type").asText(), r.<String>getAs("type"));
            assertEquals(e.get("time").asText().substring(0, 10), String.valueOf((Object) r.getAs("day")));
            assertEquals(e.has("ip") ? e.get("ip").asText() : null, r.<String>getAs("ip"));
        }
        Map<String, List<JsonNode>> expected = new TreeMap<>();
        for (String dir : LAYOUT.keySet()) {
            List<JsonNode> events = new ArrayList<>();
            MAPPER.readTree(analyzeJson(captureTimeOrder(root.resolve(dir)))).get("events").forEach(events::add);
            if (!events.isEmpty()) {
                expected.put(dir.replace('/', '_'), events);
            }
        }
        assertEquals(expected, bySegment);
    }

    @Test
    void sparkSqlFindsIpsWithConflictsOnSeveralSegments() throws Exception {
        spark.read().parquet(out.resolve("events").toString()).createOrReplaceTempView("events");
        List<Row> rows = spark.sql("SELECT ip, count(DISTINCT segment) AS segments FROM events "
                + "WHERE type = 'ip_conflict' GROUP BY ip HAVING count(DISTINCT segment) > 1 ORDER BY ip").collectAsList();
        // The oracle: the CLI's documents, segment by segment.
        Map<String, Set<String>> segmentsOfIp = new TreeMap<>();
        for (String dir : LAYOUT.keySet()) {
            for (JsonNode e : MAPPER.readTree(analyzeJson(captureTimeOrder(root.resolve(dir)))).get("events")) {
                if (e.get("type").asText().equals("ip_conflict")) {
                    segmentsOfIp.computeIfAbsent(e.get("ip").asText(), k -> new TreeSet<>()).add(dir);
                }
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        segmentsOfIp.forEach((ip, segs) -> {
            if (segs.size() > 1) {
                expected.put(ip, (long) segs.size());
            }
        });
        assertFalse(expected.isEmpty(), "arp-spoof.pcap in two segments gives one IP in conflict on both");
        Map<String, Long> actual = new TreeMap<>();
        rows.forEach(r -> actual.put(r.getString(0), r.getLong(1)));
        assertEquals(expected, actual);
    }

    @Test
    void damagedAndNonCaptureFilesAreReportedAndTheJobSucceeds() throws Exception {
        assertEquals(6, outcome.segments(), "5 segments and only-junk; _spark_tmp and dot files are skipped");
        JsonNode summary = MAPPER.readTree(out.resolve("summary.json").toFile());
        Map<String, String> errors = new TreeMap<>();
        summary.get("files_with_errors").forEach(f -> errors.put(
                f.get("segment").asText() + " " + f.get("frames").asLong(), f.get("error").asText()));
        assertEquals(Set.of("lab 5", "lab 0", "only-junk 0"), errors.keySet(), errors.toString());
        assertTrue(errors.get("lab 5").contains("cut short"), errors.get("lab 5"));
        assertTrue(errors.get("lab 0").endsWith("(expected a pcap or pcapng file)"), errors.get("lab 0"));
        assertEquals(3, outcome.filesWithErrors());
        for (JsonNode s : summary.get("by_segment")) {
            boolean junk = s.get("segment").asText().equals("only-junk");
            assertEquals(junk, s.get("document").isNull(), s.toString());
            assertEquals(!junk, Files.exists(out.resolve("segments/" + s.get("segment").asText() + ".json")));
        }
    }

    @Test
    void summaryTotalsAndStationsSeenOnSeveralSegmentsMatchTheDocuments() throws Exception {
        JsonNode summary = MAPPER.readTree(out.resolve("summary.json").toFile());
        long frames = 0;
        Map<String, Set<String>> segmentsOfMac = new HashMap<>();
        for (String dir : LAYOUT.keySet()) {
            JsonNode doc = MAPPER.readTree(analyzeJson(captureTimeOrder(root.resolve(dir))));
            frames += doc.get("frames").asLong();
            for (JsonNode st : doc.get("mac_table")) {
                segmentsOfMac.computeIfAbsent(st.get("mac").asText(), k -> new TreeSet<>()).add(dir.replace('/', '_'));
            }
        }
        assertEquals(frames, summary.get("frames").asLong());
        Map<String, Set<String>> expected = new TreeMap<>();
        segmentsOfMac.forEach((mac, segs) -> {
            if (segs.size() > 1) {
                expected.put(mac, segs);
            }
        });
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JsonNode s : summary.get("stations_on_several_segments")) {
            Set<String> segs = new TreeSet<>();
            s.get("segments").forEach(x -> segs.add(x.asText()));
            actual.put(s.get("mac").asText(), segs);
        }
        assertNotEquals(Map.of(), expected);
        assertEquals(expected, actual);
    }

    @Test
    void stationStreamQueryKeepsEachMacsSegmentsAndAddresses() {
        // Records as the Kafka source gives them (key and value as bytes), as watch --kafka writes them.
        org.apache.spark.sql.types.StructType kafka = new org.apache.spark.sql.types.StructType()
                .add("key", org.apache.spark.sql.types.DataTypes.BinaryType)
                .add("value", org.apache.spark.sql.types.DataTypes.BinaryType);
        List<Row> records = List.of(
                kafkaRecord("a/eth0", "{\"type\":\"new_station\",\"time\":\"2026-11-25T18:49:50.274336000Z\","
                        + "\"reason\":\"r\",\"vlan\":0,\"ip\":\"10.77.0.1\",\"mac\":\"02:00:00:00:00:01\"}"),
                kafkaRecord("b/eth1", "{\"type\":\"changed_mac\",\"time\":\"2026-11-25T19:00:00.000000000Z\","
                        + "\"reason\":\"r\",\"vlan\":0,\"ip\":\"10.77.0.9\",\"mac\":\"02:00:00:00:00:01\"}"),
                kafkaRecord("b/eth1", "{\"type\":\"broadcast_storm\",\"time\":\"2026-11-25T19:00:01.000000000Z\","
                        + "\"reason\":\"r\"}"));
        List<Row> rows = StationStream.stations(spark.createDataFrame(records, kafka)).collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        Row r = rows.get(0);
        assertEquals("02:00:00:00:00:01", r.getAs("mac"));
        assertEquals(List.of("a/eth0", "b/eth1"), r.getList(r.fieldIndex("segments")));
        assertEquals(List.of("10.77.0.1", "10.77.0.9"), r.getList(r.fieldIndex("ips")));
        assertEquals(2L, r.<Long>getAs("events"));
    }

    private static Row kafkaRecord(String key, String value) {
        return org.apache.spark.sql.RowFactory.create(key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** The segment's capture files in order of their first frame's time (files with none last, by name). */
    private static List<Path> captureTimeOrder(Path dir) throws IOException {
        Map<Path, Long> first = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                first.put(p, firstFrame(p));
            }
        }
        return first.keySet().stream().sorted(Comparator.<Path>comparingLong(first::get)
                .thenComparing(p -> p.toUri().getPath())).toList();
    }

    private static long firstFrame(Path p) {
        try (InputStream in = Files.newInputStream(p); FrameSource src = CaptureFiles.open(in, p.toString())) {
            Frame f = src.next();
            return f == null ? Long.MAX_VALUE : f.timestampNanos();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String analyzeJson(List<Path> files) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("analyze", "--json"));
        files.forEach(f -> args.add(f.toString()));
        Netlab.newCommandLine(new PrintWriter(out), new PrintWriter(err), args.toArray(new String[0]))
                .execute(args.toArray(new String[0]));
        return out.toString();
    }
}
