package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import netlab.analyzers.mac.IntervalSeries;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.mac.Station;
import netlab.capture.Timestamps;
import netlab.capture.net.MacAddress;

/** JSON and text rendering of a {@link MacTable}. */
public final class MacTableSection {
    /** Widest vendor name in the text table; longer ones end in an ellipsis (the JSON has them whole). */
    static final int VENDOR_WIDTH = 31;

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

    /**
     * Prints this section of the text report: the stations with the most frames first ({@code rows} rows),
     * then the switch view.
     */
    public static void printText(MacTable t, PrintWriter out, int rows) {
        List<Station> all = new ArrayList<>(t.stations());
        all.sort(Comparator.comparingLong(Station::frames).reversed());
        out.printf(Locale.ROOT, "== MAC table (%s of %d, aging %s s; most frames first)%n",
                Text.count(t.size(), "entry", "entries"), t.config().cap(), Text.seconds(t.config().agingNanos()));
        TextTable table = new TextTable("MAC", ">VLAN", ">frames", ">bytes", ">bcast", ">mcast", "vendor", "IPs")
                .maxWidth(6, VENDOR_WIDTH).oneLine(rows != Text.ALL);
        for (Station s : all.subList(0, Text.shown(all.size(), rows))) {
            List<String> ips = new ArrayList<>(s.ips());
            if (s.groupSource()) {
                ips.add("[group-bit source]");
            }
            table.row(new MacAddress(s.mac()), s.vlan(), s.frames(), s.bytes(), s.broadcastFrames(),
                    s.multicastFrames(), t.vendor(s.mac()), ips);
        }
        if (table.size() > 0) {
            table.print(out, "  ");
            Text.more(out, "  ", all.size() - table.size());
        }
        Text.printList(out, "Switch view: ", List.of(String.format(Locale.ROOT, "unicast forwarded %d", t.forwardedUnicast()),
                String.format(Locale.ROOT, "flooded %d (%.1f %%);", t.floodedUnicast(), 100 * t.floodRatio()),
                "learned " + t.learned(), "aged out " + t.agedOut(), "evicted " + t.evicted() + ";",
                Text.count(t.floodEpisodes(), "flood episode")), "  ");
    }
}
