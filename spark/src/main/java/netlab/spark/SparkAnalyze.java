package netlab.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The Spark job: one task per segment runs netlab's analyzers over the segment's captures in capture-time
 * order, then the driver writes the events table (Parquet, partitioned by segment and day) and the
 * cluster-wide summary. Outputs under OUT: {@code segments/<segment>.json}, {@code events/}, {@code summary.json}.
 */
public final class SparkAnalyze {

    /** What a run did, for the caller's exit code and stderr line. */
    public record Outcome(int segments, int files, int filesWithErrors, long frames) {
    }

    private final SparkSession spark;
    private final int top;

    /** @param top rows of each top-talker table, as {@code analyze --top} (10 there by default) */
    public SparkAnalyze(SparkSession spark, int top) {
        this.spark = spark;
        this.top = top;
    }

    /**
     * Analyses every segment under {@code root} into {@code out}; earlier {@code segments/}, {@code events/} and
     * {@code summary.json} there are replaced.
     *
     * @throws IllegalArgumentException when the root holds no capture file, or two directories share a name
     */
    public Outcome run(String root, String out) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(jsc.hadoopConfiguration());
        Path rootPath = new Path(root);
        FileSystem rootFs = rootPath.getFileSystem(conf.get());
        if (!rootFs.exists(rootPath)) {
            throw new IllegalArgumentException(root + ": no such directory");
        }
        List<Segment> segments = SegmentLayout.list(rootFs, rootPath);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException(root + ": no capture files under it");
        }
        Path outPath = new Path(out);
        FileSystem outFs = outPath.getFileSystem(conf.get());
        Path outDir = outFs.makeQualified(outPath);
        for (String old : List.of("segments", "events", "summary.json")) {
            outFs.delete(new Path(outDir, old), true);
        }
        outFs.mkdirs(new Path(outDir, "segments"));
        String outText = outDir.toString();
        if (!spark.sparkContext().getConf().contains("spark.sql.shuffle.partitions")) {
            // The summary's inputs grow with the number of segments, not with the captures: Spark's default of
            // 200 shuffle partitions cost minutes of task overhead on a small machine for kilobytes of rows.
            spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(Math.min(200, segments.size())));
        }
        int topRows = top;
        JavaRDD<SegmentResult> results = jsc.parallelize(segments, segments.size())
                .map(s -> SegmentTask.run(s, new Path(s.files().get(0)).getFileSystem(conf.get()), new Path(outText), topRows))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            JavaRDD<Row> events = results.flatMap(r -> EventTable.rows(r).iterator());
            spark.createDataFrame(events, EventTable.SCHEMA).write().mode(SaveMode.Overwrite)
                    .partitionBy("segment", "day").parquet(new Path(outDir, "events").toString());
            List<SegmentResult> small = results.map(SparkAnalyze::withoutRows).collect();
            ClusterSummary.write(spark, results, new ArrayList<>(small), top, outFs, new Path(outDir, "summary.json"));
            int files = small.stream().mapToInt(r -> r.files().size()).sum();
            int bad = (int) small.stream().flatMap(r -> r.files().stream()).filter(f -> f.error() != null).count();
            return new Outcome(segments.size(), files, bad, small.stream().mapToLong(SegmentResult::frames).sum());
        } finally {
            results.unpersist(false);
        }
    }

    /** A result with its big row lists dropped, small enough to collect on the driver. */
    private static SegmentResult withoutRows(SegmentResult r) {
        return new SegmentResult(r.segment(), r.files(), r.documentWritten(), r.frames(), r.bytes(), r.firstNanos(),
                r.lastNanos(), r.eventCounts(), r.eventsNotListed(), List.of(), List.of(), List.of(), List.of());
    }
}
