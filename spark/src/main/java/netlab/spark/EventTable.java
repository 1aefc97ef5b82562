package netlab.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The events table: one row per event a segment's document lists, partitioned by segment and UTC day.
 * {@code event} holds the event's JSON object exactly as the document has it; {@code vlan}, {@code ip} and
 * {@code mac} repeat its top-level fields of those names (null when the event kind has none) so queries can
 * group on them.
 */
public final class EventTable {
    public static final StructType SCHEMA = new StructType()
            .add("segment", DataTypes.StringType, false)
            .add("day", DataTypes.StringType, false)
            .add("seq", DataTypes.IntegerType, false)
            .add("time", DataTypes.TimestampType, false)
            .add("time_ns", DataTypes.LongType, false)
            .add("type", DataTypes.StringType, false)
            .add("reason", DataTypes.StringType, false)
            .add("vlan", DataTypes.IntegerType, true)
            .add("ip", DataTypes.StringType, true)
            .add("mac", DataTypes.StringType, true)
            .add("event", DataTypes.StringType, false);

    private EventTable() {
    }

    static List<Row> rows(SegmentResult r) {
        List<Row> rows = new ArrayList<>(r.events().size());
        for (SegmentResult.EventRow e : r.events()) {
            Instant t = Instant.ofEpochSecond(0, e.timeNanos());
            rows.add(RowFactory.create(r.segment(), t.atOffset(ZoneOffset.UTC).toLocalDate().toString(), e.seq(),
                    Timestamp.from(t), e.timeNanos(), e.type(), e.reason(), e.vlan(), e.ip(), e.mac(), e.json()));
        }
        return rows;
    }
}
