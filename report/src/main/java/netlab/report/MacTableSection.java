package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import netlab.analyzers.mac.IntervalSeries;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.mac.Station;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;

/** JSON and text rendering of a {@link MacTable}. */
public final class MacTableSection {
    /** Rows printed in the text section; the JSON lists every entry. */
    public static final int TEXT_ROWS = 200;

    private MacTableSection() {
    }

    /** Writes this section into the current JSON object. */
    public static void writeJson(MacTable t, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("mac_table");
        for (Station s : t.stations()) {
            g.writeStartObject();
            g.writeStringField("mac", new MacAddress(s.mac()).toString());
            g.writeNumberField("vlan", s.vlan());
            g.writeStringField("vendor", t.vendor(s.mac()));
            g.writeArrayFieldStart("ips");
            for (String ip : s.ips()) {
                g.writeString(ip);
            }
            g.writeEndArray();
            g.writeNumberField("ips_more_frames", s.ipsMoreFrames());
            g.writeArrayFieldStart("vlans");
            for (int id : s.vlans()) {
                g.writeNumber(id);
            }
            g.writeEndArray();
            g.writeNumberField("frames", s.frames());
            g.writeNumberField("bytes", s.bytes());
            g.writeNumberField("broadcast_frames", s.broadcastFrames());
            g.writeNumberField("multicast_frames", s.multicastFrames());
            g.writeStringField("first_seen", Timestamps.rfc3339(s.firstSeen()));
            g.writeStringField("last_seen", Timestamps.rfc3339(s.lastSeen()));
            g.writeBooleanField("locally_administered", s.locallyAdministered());
            g.writeBooleanField("group_source", s.groupSource());
            g.writeNumberField("arp_requests", s.arpRequests());
            g.writeNumberField("arp_replies", s.arpReplies());
            g.writeNumberField("arp_unanswered", s.arpUnanswered());
            g.writeEndObject();
        }
        g.writeEndArray();
        writeSwitch(t, g);
    }

    private static void writeSwitch(MacTable t, JsonGenerator g) throws IOException {
        MacTable.Config c = t.config();
        IntervalSeries s = t.switchSeries();
        g.writeObjectFieldStart("switch");
        g.writeNumberField("forwarded_unicast", t.forwardedUnicast());
        g.writeNumberField("flooded_unicast", t.floodedUnicast());
        g.writeNumberField("flood_ratio", t.floodRatio());
        g.writeNumberField("table_size", t.size());
        g.writeNumberField("cap", c.cap());
        g.writeNumberField("aging_seconds", c.agingNanos() / 1e9);
        g.writeNumberField("learned", t.learned());
        g.writeNumberField("aged_out", t.agedOut());
        g.writeNumberField("evicted", t.evicted());
        g.writeNumberField("flood_episodes", t.floodEpisodes());
        g.writeNumberField("interval_seconds", c.intervalNanos() / 1e9);
        g.writeNumberField("series_interval_seconds", s.entryNanos() / 1e9);
        g.writeArrayFieldStart("series");
        for (int i = 0; i < s.size(); i++) {
            long fwd = s.value(i, 0);
            long fl = s.value(i, 1);
            g.writeStartObject();
            g.writeStringField("start", Timestamps.rfc3339(s.start(i)));
            g.writeNumberField("forwarded_unicast", fwd);
            g.writeNumberField("flooded_unicast", fl);
            g.writeNumberField("flood_ratio", fwd + fl == 0 ? 0.0 : (double) fl / (fwd + fl));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Prints this section of the text report. */
    public static void printText(MacTable t, PrintWriter out) {
        List<Station> shown = t.stations(TEXT_ROWS);
        out.printf(Locale.ROOT, "MAC table (%d entries)%n", t.size());
        if (!shown.isEmpty()) {
            out.printf(Locale.ROOT, "  %-17s %4s %8s %10s %6s  %-30s %s%n", "MAC", "VLAN", "frames", "bytes", "bcast",
                    "vendor", "IPs");
        }
        for (Station s : shown) {
            String vendor = t.vendor(s.mac());
            String flags = (s.groupSource() ? " [group-bit source]" : "");
            out.printf(Locale.ROOT, "  %-17s %4d %8d %10d %6d  %-30s %s%s%n", new MacAddress(s.mac()), s.vlan(),
                    s.frames(), s.bytes(), s.broadcastFrames(), vendor.length() > 30 ? vendor.substring(0, 30) : vendor,
                    ipText(s), flags);
        }
        if (t.size() > TEXT_ROWS) {
            out.printf(Locale.ROOT, "  ... %d more (see --json)%n", t.size() - TEXT_ROWS);
        }
        out.println("Switch view");
        out.printf(Locale.ROOT, "  Unicast forwarded: %d%n  Unicast flooded:   %d (%.1f %%)%n", t.forwardedUnicast(),
                t.floodedUnicast(), 100 * t.floodRatio());
        out.printf(Locale.ROOT, "  Learned %d, aged out %d, evicted %d; table %d/%d, aging %.0f s; flood episodes %d%n",
                t.learned(), t.agedOut(), t.evicted(), t.size(), t.config().cap(),
                t.config().agingNanos() / 1e9, t.floodEpisodes());
    }

    private static String ipText(Station s) {
        List<String> ips = s.ips();
        String head = String.join(", ", ips.subList(0, Math.min(3, ips.size())));
        int more = ips.size() - 3;
        return more > 0 ? head + " (+" + more + ")" : head;
    }
}
