package netlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HexFormat;
import netlab.analyzers.FrameAnalyzer;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.junit.jupiter.api.Test;

/** The broadcast and MAC-table sections render what the analyzers computed, field by field. */
class SectionsTest {
    private static final long SEC = 1_000_000_000L;
    /** 2026-01-01T00:00:00Z, a whole second, so 1 s intervals start at it. */
    private static final long T0 = 1_767_225_600L * SEC;

    // 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28
    private static final String ARP_REQUEST = "ffffffffffff020000000001080600010800060400010200000000010a000001"
            + "0000000000000a000002";
    // 02:00:00:00:00:01 > 02:00:00:00:00:02, ARP, Reply 0.0.0.1 is-at 02:00:00:00:00:01, length 28
    private static final String ARP_REPLY = "020000000002020000000001080600010800060400020200000000010000000001"
            + "02000000000200000002";
    // 02:00:00:00:00:02 > 01:00:5e:00:00:fb, IPv4 (46 zero bytes: a bad header)
    private static final String MULTICAST = "01005e0000fb0200000000020800" + "00".repeat(46);
    // 01:00:5e:00:00:01 > 02:00:00:00:00:02, IPv4 0.0.0.1.1000 > 0.0.0.2.2000: UDP, length 0
    private static final String GROUP_SOURCE = "02000000000201005e0000010800"
            + "4500001c00000000401100000000000100000002" + "03e807d000080000";
    // 00:00:0c:00:00:01 > 02:00:00:00:00:02, IPv4 0.0.0.3.1000 > 0.0.0.4.2000: UDP, length 0
    private static final String CISCO_SOURCE = "02000000000200000c0000010800"
            + "4500001c00000000401100000000000300000004" + "03e807d000080000";

    private static void feed(String hex, long ts, FrameAnalyzer a) {
        PacketView v = new PacketView();
        Decoder.decode(Frame.of(HexFormat.of().parseHex(hex), ts, LinkType.ETHERNET), v);
        a.accept(v);
    }

    private interface Section {
        void write(JsonGenerator g) throws IOException;
    }

    private static String json(Section s) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.compact(w)) {
            g.writeStartObject();
            s.write(g);
            g.writeEndObject();
        }
        return w.toString();
    }

    @Test
    void broadcastSectionShowsTotalsSeriesAndSources() throws IOException {
        BroadcastMeter m = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, EventListener.none());
        feed(ARP_REQUEST, T0 + 100, m);
        feed(ARP_REPLY, T0 + 200, m);
        feed(MULTICAST, T0 + 3 * SEC + 1, m);
        m.finish();
        String j = json(g -> BroadcastSection.writeJson(m, g));
        assertTrue(j.contains("\"broadcast\":{\"interval_seconds\":1.0,"), j);
        assertTrue(j.contains("\"totals\":{\"unicast_frames\":1,\"broadcast_frames\":1,\"multicast_frames\":1,"), j);
        assertTrue(j.contains("{\"start\":\"2026-01-01T00:00:03.000000000Z\",\"unicast_frames\":0,"
                + "\"broadcast_frames\":0,\"multicast_frames\":1,\"unicast_bytes\":0,\"broadcast_bytes\":0,"
                + "\"multicast_bytes\":60,\"bytes\":60}"), j);
        assertTrue(j.contains("\"broadcast_fps\":1.0,"), j);
        assertTrue(j.contains("\"top_sources\":[{\"mac\":\"02:00:00:00:00:01\""), j);
        StringWriter text = new StringWriter();
        BroadcastSection.printText(m, new PrintWriter(text, true), Text.DEFAULT_ROWS);
        assertTrue(text.toString().contains("\nBroadcast share 33.3 % of 3 frames; no storms"), text.toString());
    }

    @Test
    void macTableSectionFlagsAGroupBitSource() throws IOException {
        MacTable t = new MacTable(new MacTable.Config(300 * SEC, 16, 100, SEC, SEC), OuiTable::bundled,
                EventListener.none());
        feed(GROUP_SOURCE, T0, t);
        feed(CISCO_SOURCE, T0 + 1, t);
        t.finish();
        String j = json(g -> MacTableSection.writeJson(t, g));
        assertTrue(j.startsWith("{\"mac_table\":[{\"mac\":\"00:00:0c:00:00:01\",\"vlan\":0,"
                + "\"vendor\":\"Cisco Systems, Inc\",\"ips\":[\"0.0.0.3\"],"), j);
        assertTrue(j.contains("\"group_source\":true"), j);
        assertTrue(j.contains("\"switch\":{\"forwarded_unicast\":0,\"flooded_unicast\":2,\"flood_ratio\":1.0,"), j);
        StringWriter text = new StringWriter();
        MacTableSection.printText(t, new PrintWriter(text, true), Text.DEFAULT_ROWS);
        assertTrue(text.toString().contains("[group-bit source]"), text.toString());
        assertEquals(1, text.toString().split("Switch view", -1).length - 1, text.toString());
    }
}
