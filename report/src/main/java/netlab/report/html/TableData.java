package netlab.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.mac.Station;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * The bindings and MAC tables of an HTML report, as rows for the page's sortable tables: at most
 * {@link #ROWS} each (bindings by VLAN then IP, stations busiest first), with the total so the page can say
 * how many were left out.
 */
final class TableData {
    /** Rows per table on the page. */
    static final int ROWS = 1000;

    private TableData() {
    }

    static void bindings(JsonGenerator g, ReportInput in) throws IOException {
        List<ArpBinding> rows = in.set().arp().bindings(ROWS);
        g.writeObjectFieldStart("bindings");
        g.writeNumberField("total", in.set().arp().tableSizes().bindings());
        g.writeArrayFieldStart("rows");
        for (ArpBinding b : rows) {
            ArpBinding.Claim now = b.claims().get(0);
            g.writeStartObject();
            g.writeNumberField("vlan", b.vlan());
            g.writeStringField("ip", Ipv4Address.format(b.ip()));
            g.writeStringField("mac", mac(now.mac()));
            g.writeStringField("vendor", in.set().macTable().vendor(now.mac()));
            g.writeStringField("first_seen", ReportData.time(b.firstSeenNanos()));
            g.writeStringField("last_seen", ReportData.time(b.lastSeenNanos()));
            g.writeArrayFieldStart("previous_macs");
            for (ArpBinding.Claim c : b.claims().subList(1, b.claims().size())) {
                g.writeString(mac(c.mac()));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void stations(JsonGenerator g, ReportInput in) throws IOException {
        MacTable table = in.set().macTable();
        List<Station> all = table.stations();
        List<Station> rows = all.stream().sorted(Comparator.comparingLong(Station::frames).reversed()
                .thenComparingLong(Station::mac)).limit(ROWS).toList();
        g.writeObjectFieldStart("stations");
        g.writeNumberField("total", all.size());
        g.writeArrayFieldStart("rows");
        for (Station s : rows) {
            g.writeStartObject();
            g.writeStringField("mac", mac(s.mac()));
            g.writeNumberField("vlan", s.vlan());
            g.writeStringField("vendor", table.vendor(s.mac()));
            g.writeStringField("ips", String.join(" ", s.ips()));
            g.writeNumberField("frames", s.frames());
            g.writeNumberField("bytes", s.bytes());
            g.writeNumberField("broadcast_frames", s.broadcastFrames());
            g.writeNumberField("arp_requests", s.arpRequests());
            g.writeNumberField("arp_unanswered", s.arpUnanswered());
            g.writeStringField("first_seen", ReportData.time(s.firstSeen()));
            g.writeStringField("last_seen", ReportData.time(s.lastSeen()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String mac(long bits) {
        return new MacAddress(bits).toString();
    }
}
