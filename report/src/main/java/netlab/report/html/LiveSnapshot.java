package netlab.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.Station;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;
import netlab.report.EventJson;

/**
 * What {@code watch --web} pushes once a second: headline counts, the stations seen most recently, the
 * latest events, and frames, broadcast, multicast and ARP requests per second over the last
 * {@link #SECONDS} s. The rates are sampled from the analyzers' running totals at each push (the page
 * rolls, it does not replay capture time). Bounded: {@link #EVENTS} events, {@link #STATIONS} stations,
 * {@link #SECONDS} samples, whatever the run's length.
 */
public final class LiveSnapshot implements EventListener {
    static final int EVENTS = 50;
    static final int STATIONS = 200;
    static final int SECONDS = 300;
    private static final int COLUMNS = 4;

    private final StandardAnalyzers set;
    private final String device;
    private final ArrayDeque<String> events = new ArrayDeque<>();
    private final long[] times = new long[SECONDS];
    private final double[][] rates = new double[COLUMNS][SECONDS];
    private final long[] totals = new long[COLUMNS];
    private int head;
    private int size;
    private long sampledAt;
    private long seq;

    /** @param set the analyzers, read under their lock ({@code synchronized (set)}) as the capture thread feeds them */
    public LiveSnapshot(StandardAnalyzers set, String device) {
        this.set = set;
        this.device = device;
    }

    /** Keeps the event (as its JSON, with a sequence number) among the latest; called under the set's lock. */
    @Override
    public void onEvent(Event e) {
        StringWriter s = new StringWriter();
        try (JsonGenerator g = WebAssets.json(s)) {
            EventJson.write(g, e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        synchronized (events) {
            String json = "{\"seq\":" + (++seq) + "," + s.toString().substring(1);
            if (events.size() == EVENTS) {
                events.removeFirst();
            }
            events.addLast(json);
        }
    }

    /** Samples the rates and writes the snapshot (timer thread, once a second). */
    public byte[] build() {
        long now = System.nanoTime();
        long[] t = new long[COLUMNS];
        List<Station> stations;
        Map<String, Long> counts;
        long frames;
        long conflicts;
        int bindings;
        int tableSize;
        synchronized (set) {
            frames = set.summary().frames();
            t[0] = frames;
            t[1] = set.broadcast().broadcastFrames();
            t[2] = set.broadcast().multicastFrames();
            t[3] = set.arp().counts().requests();
            stations = set.macTable().stations();
            counts = Map.copyOf(set.events().counts());
            bindings = set.arp().tableSizes().bindings();
            tableSize = set.macTable().size();
        }
        conflicts = counts.getOrDefault("ip_conflict", 0L);
        sample(now, t);
        List<Station> recent = stations.stream().sorted(Comparator.comparingLong(Station::lastSeen).reversed()
                .thenComparingLong(Station::mac)).limit(STATIONS).toList();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = WebAssets.json(out)) {
            g.writeStartObject();
            g.writeStringField("interface", device);
            g.writeStringField("now", Timestamps.rfc3339(wallNanos()));
            g.writeObjectFieldStart("figures");
            g.writeNumberField("frames", frames);
            g.writeNumberField("broadcast_fps", size == 0 ? 0 : rates[1][(head + size - 1) % SECONDS]);
            g.writeNumberField("stations", tableSize);
            g.writeNumberField("bindings", bindings);
            g.writeNumberField("conflicts", conflicts);
            g.writeNumberField("events", counts.values().stream().mapToLong(Long::longValue).sum());
            g.writeEndObject();
            g.writeObjectFieldStart("thresholds");
            g.writeNumberField("broadcast_storm_fps", set.broadcast().config().stormFps());
            g.writeEndObject();
            writeRates(g);
            g.writeObjectFieldStart("event_counts");
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            writeStations(g, recent, stations.size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder json = new StringBuilder(out.toString());
        json.setLength(json.length() - 1);
        json.append(",\"events\":[");
        synchronized (events) {
            json.append(String.join(",", events));
        }
        return json.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void sample(long now, long[] t) {
        if (sampledAt != 0) {
            double secs = Math.max(1e-3, (now - sampledAt) / 1e9);
            int slot = (head + size) % SECONDS;
            if (size == SECONDS) {
                head = (head + 1) % SECONDS;
            } else {
                size++;
            }
            times[slot] = wallNanos() / 1_000_000;
            for (int c = 0; c < COLUMNS; c++) {
                rates[c][slot] = (t[c] - totals[c]) / secs;
            }
        }
        System.arraycopy(t, 0, totals, 0, COLUMNS);
        sampledAt = now;
    }

    private void writeRates(JsonGenerator g) throws IOException {
        String[] names = {"frames", "broadcast", "multicast", "arp_requests"};
        g.writeObjectFieldStart("rates");
        g.writeArrayFieldStart("t");
        for (int i = 0; i < size; i++) {
            g.writeNumber(times[(head + i) % SECONDS]);
        }
        g.writeEndArray();
        for (int c = 0; c < COLUMNS; c++) {
            g.writeArrayFieldStart(names[c]);
            for (int i = 0; i < size; i++) {
                g.writeNumber(Math.round(rates[c][(head + i) % SECONDS] * 10) / 10.0);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void writeStations(JsonGenerator g, List<Station> recent, int total) throws IOException {
        g.writeNumberField("stations_total", total);
        g.writeArrayFieldStart("stations");
        for (Station s : recent) {
            g.writeStartObject();
            g.writeStringField("mac", new MacAddress(s.mac()).toString());
            g.writeNumberField("vlan", s.vlan());
            g.writeStringField("vendor", set.macTable().vendor(s.mac()));
            g.writeStringField("ips", String.join(" ", s.ips()));
            g.writeNumberField("frames", s.frames());
            g.writeStringField("first_seen", Timestamps.rfc3339(s.firstSeen()));
            g.writeStringField("last_seen", Timestamps.rfc3339(s.lastSeen()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static long wallNanos() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
