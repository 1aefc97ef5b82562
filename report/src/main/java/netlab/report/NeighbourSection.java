package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import netlab.analyzers.discovery.NeighbourTable;
import netlab.capture.Timestamps;
import netlab.capture.decode.Neighbour;
import netlab.capture.net.MacAddress;

/** JSON and text rendering of a {@link NeighbourTable}: the LLDP/CDP neighbours of the capture point. */
public final class NeighbourSection {
    private NeighbourSection() {
    }

    /** Writes this section into the current JSON object. */
    public static void writeJson(NeighbourTable t, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("neighbours");
        for (NeighbourTable.Row r : t.rows()) {
            Neighbour n = r.neighbour();
            g.writeStartObject();
            g.writeStringField("protocol", n.protocol());
            g.writeStringField("device", n.device());
            g.writeStringField("chassis_id", n.chassisId());
            g.writeStringField("port", n.port());
            g.writeStringField("port_description", n.portDescription());
            g.writeStringField("platform", n.platform());
            g.writeStringField("management_address", n.managementAddress());
            g.writeNumberField("vlan", n.vlan());
            g.writeArrayFieldStart("capabilities");
            for (String c : n.capabilities()) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeNumberField("ttl_seconds", n.ttlSeconds());
            g.writeStringField("source_mac", new MacAddress(r.sourceMac()).toString());
            g.writeNumberField("frame_vlan", r.vlan());
            g.writeStringField("first_seen", Timestamps.rfc3339(r.firstSeenNanos()));
            g.writeStringField("last_seen", Timestamps.rfc3339(r.lastSeenNanos()));
            g.writeNumberField("frames", r.frames());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("neighbours_dropped", t.dropped());
    }

    /**
     * Prints the section, cut to {@code rows} rows, when any neighbour announced itself; nothing otherwise (most
     * captures hear none).
     */
    public static void printText(NeighbourTable t, PrintWriter out, int rows) {
        List<NeighbourTable.Row> all = t.rows();
        if (all.isEmpty()) {
            return;
        }
        out.printf("== LLDP/CDP neighbours (%s; which switch port this is)%n",
                Text.count(all.size() + t.dropped(), "device port", "device ports"));
        TextTable table = new TextTable("device", "port", "via", "management", ">VLAN", "from", "capabilities")
                .maxWidth(0, 30).maxWidth(1, 30).oneLine(rows != Text.ALL);
        for (NeighbourTable.Row r : all.subList(0, Text.shown(all.size(), rows))) {
            Neighbour n = r.neighbour();
            String port = n.port() == null ? "" : n.port();
            if (n.portDescription() != null && !n.portDescription().isEmpty()) {
                port += " (" + n.portDescription() + ")";
            }
            table.row(n.device() == null ? "" : n.device(), port, n.protocol(),
                    n.managementAddress() == null ? "" : n.managementAddress(), n.vlan(),
                    new MacAddress(r.sourceMac()), n.capabilities());
        }
        table.print(out, "  ");
        Text.more(out, "  ", all.size() + t.dropped() - table.size());
        out.println();
    }
}
