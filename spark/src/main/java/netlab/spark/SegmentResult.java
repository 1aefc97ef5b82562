package netlab.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one segment's task hands back to the driver: small, bounded rows (the JSON document itself is written
 * by the task). Every list is capped by the analyzer tables it comes from (see docs/spark-kafka.md).
 */
public record SegmentResult(String segment, List<HadoopCaptures.Outcome> files, boolean documentWritten,
                            long frames, long bytes, long firstNanos, long lastNanos, Map<String, Long> eventCounts,
                            long eventsNotListed, List<EventRow> events, List<TalkerRow> talkers,
                            List<BindingRow> bindings, List<StationRow> stations) implements Serializable {

    /**
     * One event as listed in the segment's JSON document, in order ({@code seq} from 0).
     *
     * @param json the event's JSON object, compact, exactly as the document lists it
     */
    public record EventRow(int seq, long timeNanos, String type, String reason, Integer vlan, String ip, String mac,
                           String json) implements Serializable {
    }

    /** A source address's frames and bytes in the segment; {@code kind} is {@code mac} or {@code ip}. */
    public record TalkerRow(String kind, String address, long frames, long bytes) implements Serializable {
    }

    /** An IP-to-MAC binding the ARP tracker saw. */
    public record BindingRow(int vlan, String ip, String mac, long firstNanos, long lastNanos) implements Serializable {
    }

    /** A station of the segment's MAC table. */
    public record StationRow(String mac, int vlan, List<String> ips, long frames, long bytes)
            implements Serializable {
    }
}
