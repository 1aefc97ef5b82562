package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.arp.RttSummary;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/** JSON and text output of an {@link ArpTracker}. */
public final class ArpSection {
    /** Rows printed per text list (pairs, unanswered groups, bindings); JSON lists are bounded by the caps. */
    public static final int TEXT_ROWS = 1000;

    private ArpSection() {
    }

    /** Writes this section into the current JSON object. */
    public static void writeJson(ArpTracker a, JsonGenerator g) throws IOException {
        ArpTracker.Counts c = a.counts();
        g.writeObjectFieldStart("arp");
        g.writeNumberField("requests", c.requests());
        g.writeNumberField("replies", c.replies());
        g.writeNumberField("gratuitous", c.gratuitous());
        g.writeNumberField("probes", c.probes());
        g.writeNumberField("announcements", c.announcements());
        g.writeNumberField("unicast_requests", c.unicastRequests());
        g.writeNumberField("replies_to_broadcast", c.repliesToBroadcast());
        g.writeNumberField("pairs", c.pairs());
        g.writeNumberField("unanswered", c.unanswered());
        g.writeNumberField("unsolicited_replies", c.unsolicitedReplies());
        g.writeNumberField("malformed", c.malformed());
        g.writeNumberField("other_opcodes", c.otherOpcodes());
        g.writeNumberField("sender_mismatches", c.senderMismatches());
        g.writeNumberField("storms", c.storms());
        writeRtt(g, a.rtt());
        g.writeObjectFieldStart("bindings");
        for (ArpBinding b : a.bindings()) {
            g.writeArrayFieldStart(bindingKey(b.vlan(), b.ip()));
            for (ArpBinding.Claim claim : b.claims()) {
                g.writeString(mac(claim.mac()));
            }
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("pair_list");
        for (ArpTracker.Pair p : a.pairList()) {
            g.writeStartObject();
            request(g, p.requestNanos(), p.vlan(), p.senderMac(), p.senderIp(), p.targetIp());
            g.writeStringField("replier_mac", mac(p.replierMac()));
            g.writeFieldName("rtt_us");
            micros(g, p.rttNanos());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("unanswered_list");
        for (ArpTracker.Unanswered u : a.unansweredList()) {
            g.writeStartObject();
            request(g, u.requestNanos(), u.vlan(), u.senderMac(), u.senderIp(), u.targetIp());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The JSON name of a binding: the IP, with {@code %VLAN} appended when tagged (zone-index style). */
    static String bindingKey(int vlan, int ip) {
        return vlan == 0 ? ip(ip) : ip(ip) + "%" + vlan;
    }

    private static void writeRtt(JsonGenerator g, RttSummary r) throws IOException {
        if (r == null) {
            g.writeNullField("rtt_us");
            return;
        }
        g.writeObjectFieldStart("rtt_us");
        g.writeFieldName("min");
        micros(g, r.min());
        g.writeFieldName("median");
        micros(g, r.median());
        g.writeFieldName("p99");
        micros(g, r.p99());
        g.writeFieldName("max");
        micros(g, r.max());
        g.writeBooleanField("exact", r.exact());
        g.writeEndObject();
    }

    /** Whole microseconds as an integer, sub-microsecond (nanosecond captures) as a decimal. */
    private static void micros(JsonGenerator g, long nanos) throws IOException {
        if (nanos % 1000 == 0) {
            g.writeNumber(nanos / 1000);
        } else {
            g.writeNumber(BigDecimal.valueOf(nanos, 3).stripTrailingZeros());
        }
    }

    private static void request(JsonGenerator g, long t, int vlan, long mac, int sip, int tip) throws IOException {
        g.writeStringField("time", Timestamps.rfc3339(t));
        g.writeNumberField("vlan", vlan);
        g.writeStringField("sender_mac", mac(mac));
        g.writeStringField("sender_ip", ip(sip));
        g.writeStringField("target_ip", ip(tip));
    }

    /** Prints this section of the text report. */
    public static void printText(ArpTracker a, PrintWriter out) {
        ArpTracker.Counts c = a.counts();
        RttSummary r = a.rtt();
        out.printf("ARP pairs: %d", c.pairs());
        if (r != null) {
            out.printf("  RTT min/median/p99/max: %s/%s/%s/%s ms", ms(r.min()), ms(r.median()), ms(r.p99()),
                    ms(r.max()));
        }
        out.println();
        out.printf("  requests %d, replies %d, gratuitous %d, probes %d, announcements %d, unicast requests %d,"
                + " replies to broadcast %d, unsolicited replies %d, malformed %d%n", c.requests(), c.replies(),
                c.gratuitous(), c.probes(), c.announcements(), c.unicastRequests(), c.repliesToBroadcast(),
                c.unsolicitedReplies(), c.malformed());
        out.println();
        out.printf("Unanswered ARP requests: %d%n", c.unanswered());
        List<ArpTracker.UnansweredGroup> groups = a.unansweredGroups(TEXT_ROWS);
        for (ArpTracker.UnansweredGroup u : groups) {
            out.printf("  %-15s -> %-15s %6d%s%n", ip(u.senderIp()), ip(u.targetIp()), u.requests(), vlan(u.vlan()));
        }
        if (a.ungroupedUnanswered() > 0) {
            out.printf("  (%d more in groups beyond the cap)%n", a.ungroupedUnanswered());
        }
        out.println();
        int total = a.tableSizes().bindings();
        out.printf("ARP bindings: %d%n", total);
        for (ArpBinding b : a.bindings(TEXT_ROWS)) {
            StringBuilder macs = new StringBuilder();
            for (ArpBinding.Claim claim : b.claims()) {
                macs.append(macs.length() == 0 ? "" : ", ").append(mac(claim.mac()));
            }
            out.printf("  %-18s %s%n", bindingKey(b.vlan(), b.ip()), macs);
        }
        if (total > TEXT_ROWS) {
            out.printf("  ... %d more%n", total - TEXT_ROWS);
        }
    }

    private static String ms(long nanos) {
        return BigDecimal.valueOf(nanos, 6).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String vlan(int vlan) {
        return vlan == 0 ? "" : "  vlan " + vlan;
    }

    private static String ip(int bits) {
        return Ipv4Address.format(bits);
    }

    private static String mac(long bits) {
        return new MacAddress(bits).toString();
    }
}
