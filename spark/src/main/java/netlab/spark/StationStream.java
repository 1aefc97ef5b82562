package netlab.spark;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Structured Streaming example: reads the events {@code netlab watch --kafka} sends (key: segment, value: the
 * event's JSON line) and keeps the cross-segment station table (per MAC: the segments and IPs it was seen
 * with, first and last seen, events), printed in full at each trigger.
 */
@Command(name = "stations", mixinStandardHelpOptions = true,
        description = "Keep the cross-segment station table from a Kafka topic of watch events (prints it each trigger).")
final class StationStream implements Callable<Integer> {
    /** The fields of a watch event this example uses (every event has type and time; ARP ones ip and mac). */
    static final StructType EVENT = new StructType().add("type", DataTypes.StringType)
            .add("time", DataTypes.TimestampType).add("ip", DataTypes.StringType).add("mac", DataTypes.StringType);

    @Option(names = "--kafka", required = true, paramLabel = "BOOTSTRAP", description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic watch --kafka writes.")
    String topic;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "Checkpoint directory (state survives restarts).")
    String checkpoint;

    @Override
    public Integer call() throws Exception {
        try (SparkSession spark = NetlabSpark.session("netlab stations")) {
            Dataset<Row> events = spark.readStream().format("kafka").option("kafka.bootstrap.servers", bootstrap)
                    .option("subscribe", topic).option("startingOffsets", "earliest").load();
            var writer = stations(events).writeStream().outputMode("complete").format("console")
                    .option("truncate", "false").option("numRows", "1000");
            if (checkpoint != null) {
                writer = writer.option("checkpointLocation", checkpoint);
            }
            StreamingQuery q = writer.start();
            q.awaitTermination();
            return NetlabSpark.OK;
        }
    }

    /** The station table over a stream (or table) of Kafka records: key = segment, value = event JSON. */
    static Dataset<Row> stations(Dataset<Row> kafkaRecords) {
        return kafkaRecords
                .select(col("key").cast("string").as("segment"), from_json(col("value").cast("string"), EVENT).as("e"))
                .select(col("segment"), col("e.*"))
                .filter(col("mac").isNotNull())
                .groupBy("mac")
                .agg(array_sort(collect_set("segment")).as("segments"), array_sort(collect_set("ip")).as("ips"),
                        min("time").as("first_seen"), max("time").as("last_seen"), count("*").as("events"));
    }
}
