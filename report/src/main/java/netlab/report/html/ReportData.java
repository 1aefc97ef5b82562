package netlab.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.arp.RttSummary;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.broadcast.SourceRates;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventLog;
import netlab.report.EventJson;
import netlab.analyzers.timeline.Timeline;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;

/**
 * The data of an HTML report as one JSON object: the headline figures (the same getters {@code analyze --json}
 * prints), thresholds, the timeline, the broadcast sources, the RTT distribution, the protocol hierarchy and
 * the events; the tables are written by {@link TableData}. Every list is capped so the page stays small on
 * any capture: {@link #EVENTS_PER_TYPE} events of each type, {@link #RTT_POINTS} CDF points, {@link #SOURCE_ROWS} sources.
 */
final class ReportData {
    /**
     * Events of each type listed on the page, the first ones of those the event log kept; all are counted.
     * With at most a dozen types, the list stays within a few thousand rows.
     */
    static final int EVENTS_PER_TYPE = 200;
    /** Points of the RTT CDF (quantiles of the samples). */
    static final int RTT_POINTS = 200;
    /** Rows of the broadcast-sources chart. */
    static final int SOURCE_ROWS = 15;

    private ReportData() {
    }

    /** Writes the whole data object. */
    static void write(JsonGenerator g, ReportInput in) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("files");
        for (ReportInput.FileEntry f : in.files()) {
            g.writeStartObject();
            g.writeStringField("path", f.path());
            g.writeNumberField("frames", f.frames());
            g.writeStringField("error", f.error());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("complete", in.complete());
        figures(g, in);
        thresholds(g, in);
        timeline(g, in.set().timeline());
        storms(g, in.set().broadcast());
        sources(g, in);
        rtt(g, in);
        g.writeObjectFieldStart("protocols");
        for (Map.Entry<String, Long> e : in.set().hierarchy().frames().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        events(g, in.set().events());
        TableData.bindings(g, in);
        TableData.stations(g, in);
        g.writeEndObject();
    }

    private static void figures(JsonGenerator g, ReportInput in) throws IOException {
        Map<String, Long> counts = in.set().events().counts();
        BroadcastMeter b = in.set().broadcast();
        g.writeObjectFieldStart("figures");
        g.writeNumberField("frames", in.set().summary().frames());
        g.writeNumberField("bytes", in.set().summary().bytes());
        g.writeNumberField("broadcast_frames", b.broadcastFrames());
        g.writeNumberField("multicast_frames", b.multicastFrames());
        g.writeNumberField("broadcast_peak_fps", b.peakFps(1));
        g.writeStringField("broadcast_peak_at", time(b.peakFps(1) > 0 ? b.peakAt(1) : -1));
        g.writeNumberField("conflicts", counts.getOrDefault("ip_conflict", 0L));
        g.writeNumberField("spoofing_replies", in.set().spoofingReplies());
        g.writeNumberField("broadcast_storms", b.stormCount());
        g.writeNumberField("arp_storms", counts.getOrDefault("arp_storm", 0L));
        g.writeNumberField("mac_floods", in.set().macTable().floodEpisodes());
        g.writeNumberField("unanswered", in.set().arp().counts().unanswered());
        g.writeNumberField("stations", in.set().macTable().size());
        g.writeNumberField("bindings", in.set().arp().tableSizes().bindings());
        g.writeEndObject();
    }

    private static void thresholds(JsonGenerator g, ReportInput in) throws IOException {
        ArpConfig arp = in.set().arp().config();
        g.writeObjectFieldStart("thresholds");
        g.writeNumberField("interval_seconds", in.set().timeline().intervalNanos() / 1e9);
        g.writeNumberField("broadcast_storm_fps", in.set().broadcast().config().stormFps());
        g.writeNumberField("arp_storm_requests", arp.stormRequests());
        g.writeNumberField("arp_storm_window_ms", arp.stormWindowNanos() / 1e6);
        // Wireshark's rule is "more than N requests within the window"; per second that is N / window.
        g.writeNumberField("arp_storm_rps", arp.stormRequests() / (arp.stormWindowNanos() / 1e9));
        g.writeNumberField("mac_table_cap", in.set().macTable().config().cap());
        g.writeEndObject();
    }

    private static void timeline(JsonGenerator g, Timeline t) throws IOException {
        g.writeObjectFieldStart("timeline");
        g.writeNumberField("origin_ms", t.origin() / 1_000_000);
        g.writeNumberField("bucket_seconds", t.bucketNanos() / 1e9);
        g.writeNumberField("interval_seconds", t.intervalNanos() / 1e9);
        column(g, "frames", t, Timeline.FRAMES, true);
        column(g, "broadcast", t, Timeline.BROADCAST, true);
        column(g, "multicast", t, Timeline.MULTICAST, true);
        column(g, "arp_requests", t, Timeline.ARP_REQUESTS, true);
        column(g, "arp_replies", t, Timeline.ARP_REPLIES, true);
        column(g, "unanswered", t, Timeline.UNANSWERED, false);
        g.writeArrayFieldStart("table_size");
        for (int i = 0; i < t.size(); i++) {
            g.writeNumber(t.tableSize(i));
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Peaks (frames in the busiest interval of each bucket) for rates, sums otherwise. */
    private static void column(JsonGenerator g, String name, Timeline t, int c, boolean peak) throws IOException {
        g.writeArrayFieldStart(name);
        for (int i = 0; i < t.size(); i++) {
            g.writeNumber(peak ? t.peak(c, i) : t.sum(c, i));
        }
        g.writeEndArray();
    }

    private static void storms(JsonGenerator g, BroadcastMeter b) throws IOException {
        g.writeArrayFieldStart("broadcast_storms");
        for (BroadcastMeter.Storm s : b.storms()) {
            g.writeStartObject();
            g.writeStringField("start", time(s.start()));
            g.writeStringField("end", time(s.end()));
            g.writeNumberField("peak_fps", s.peakFps());
            g.writeStringField("top_source", s.topSource() < 0 ? null : new MacAddress(s.topSource()).toString());
            g.writeNumberField("top_source_frames", s.topSourceFrames());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void sources(JsonGenerator g, ReportInput in) throws IOException {
        g.writeArrayFieldStart("broadcast_sources");
        for (SourceRates.Source s : in.set().broadcast().sources().top(SOURCE_ROWS)) {
            if (s.broadcastFrames() == 0) {
                break;
            }
            g.writeStartObject();
            g.writeStringField("mac", new MacAddress(s.mac()).toString());
            g.writeStringField("vendor", in.set().macTable().vendor(s.mac()));
            g.writeNumberField("broadcast_frames", s.broadcastFrames());
            g.writeNumberField("multicast_frames", s.multicastFrames());
            g.writeNumberField("unicast_frames", s.unicastFrames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("broadcast_sources_evicted", in.set().broadcast().sources().evicted());
    }

    private static void rtt(JsonGenerator g, ReportInput in) throws IOException {
        RttSummary s = in.set().arp().rtt();
        if (s == null) {
            g.writeNullField("rtt");
            return;
        }
        g.writeObjectFieldStart("rtt");
        g.writeNumberField("count", s.count());
        g.writeNumberField("min_us", s.min() / 1000);
        g.writeNumberField("median_us", s.median() / 1000);
        g.writeNumberField("p99_us", s.p99() / 1000);
        g.writeNumberField("max_us", s.max() / 1000);
        g.writeBooleanField("exact", s.exact());
        long[] sorted = in.set().arp().rttSamples();
        g.writeArrayFieldStart("cdf");
        int points = Math.min(RTT_POINTS, sorted.length);
        for (int k = 1; k <= points; k++) {
            // Nearest rank of the k/points quantile, as RttStats ranks its percentiles.
            int r = (int) Math.max(1, ((long) k * sorted.length + points - 1) / points);
            g.writeStartArray();
            g.writeNumber(sorted[r - 1] / 1000.0);
            g.writeNumber((double) r / sorted.length);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void events(JsonGenerator g, EventLog log) throws IOException {
        g.writeObjectFieldStart("event_counts");
        for (Map.Entry<String, Long> e : log.counts().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        // The first events of each type, so a flood of new_station events cannot hide the one conflict.
        List<Event> shown = new ArrayList<>();
        Map<String, Integer> perType = new HashMap<>();
        for (Event e : log.events()) {
            if (perType.merge(e.type(), 1, Integer::sum) <= EVENTS_PER_TYPE) {
                shown.add(e);
            }
        }
        long all = log.counts().values().stream().mapToLong(Long::longValue).sum();
        g.writeNumberField("events_not_listed", all - shown.size());
        g.writeArrayFieldStart("events");
        for (Event e : shown) {
            EventJson.write(g, e);
        }
        g.writeEndArray();
    }

    /** RFC 3339 UTC with nine fractional digits, or null for a negative time. */
    static String time(long nanos) {
        return nanos < 0 ? null : Timestamps.rfc3339(nanos);
    }
}
