package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netlab.analyzers.arp.ArpBinding;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.arp.RttSummary;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/** JSON and text output of an {@link ArpTracker}. */
public final class ArpSection {
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

    /**
     * Prints this section of the text report: counts, then the unanswered requests (most first) and the
     * bindings (most MACs first, then by VLAN and IP), {@code rows} rows each.
     */
    public static void printText(ArpTracker a, PrintWriter out, int rows) {
        ArpTracker.Counts c = a.counts();
        RttSummary r = a.rtt();
        out.println("== ARP");
        out.printf("Requests %d, replies %d, %s, malformed %d%s%n", c.requests(), c.replies(),
                Text.count(c.pairs(), "pair"), c.malformed(),
                r == null ? "" : String.format("; RTT min/median/p99/max %s/%s/%s/%s ms", ms(r.min()),
                        ms(r.median()), ms(r.p99()), ms(r.max())));
        Text.printList(out, "", List.of("Gratuitous " + c.gratuitous(), "probes " + c.probes(), "announcements "
                + c.announcements(), "unicast requests " + c.unicastRequests(), "replies to broadcast "
                + c.repliesToBroadcast(), "unsolicited replies " + c.unsolicitedReplies()),
                "  ");
        printUnanswered(a, out, rows);
        printBindings(a, out, rows);
    }

    private static void printUnanswered(ArpTracker a, PrintWriter out, int rows) {
        long unanswered = a.counts().unanswered();
        List<ArpTracker.UnansweredGroup> all = a.unansweredGroups(Text.ALL);
        if (unanswered == 0) {
            out.println("Unanswered requests: none");
            return;
        }
        out.printf("Unanswered requests: %d, %s%n", unanswered,
                Text.count(all.size(), "sender/target pair", "sender/target pairs"));
        TextTable t = new TextTable("", "", "", ">", "", "");
        for (ArpTracker.UnansweredGroup u : all.subList(0, Text.shown(all.size(), rows))) {
            t.row(ip(u.senderIp()), "->", ip(u.targetIp()), u.requests(), u.requests() == 1 ? "request" : "requests",
                    u.vlan() == 0 ? "" : "vlan " + u.vlan());
        }
        t.print(out, "  ");
        Text.more(out, "  ", all.size() - t.size());
        if (a.ungroupedUnanswered() > 0) {
            out.printf("  (%s in pairs beyond the cap)%n", Text.count(a.ungroupedUnanswered(), "more request",
                    "more requests"));
        }
    }

    private static void printBindings(ArpTracker a, PrintWriter out, int rows) {
        List<ArpBinding> all = new ArrayList<>(a.bindings());
        if (all.isEmpty()) {
            out.println("Bindings: none");
            return;
        }
        all.sort(Comparator.comparingInt((ArpBinding b) -> -b.claims().size()).thenComparingInt(ArpBinding::vlan)
                .thenComparingLong(b -> b.ip() & 0xffff_ffffL));
        out.printf("Bindings: %s%n", Text.count(all.size(), "IP address", "IP addresses"));
        List<ArpBinding> shown = all.subList(0, Text.shown(all.size(), rows));
        TextTable t = new TextTable("", "").oneLine(rows != Text.ALL);
        for (ArpBinding b : shown) {
            t.row(bindingKey(b.vlan(), b.ip()), b.claims().stream().map(claim -> mac(claim.mac())).toList());
        }
        t.print(out, "  ");
        Text.more(out, "  ", all.size() - t.size());
    }

    private static String ms(long nanos) {
        return BigDecimal.valueOf(nanos, 6).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String ip(int bits) {
        return Ipv4Address.format(bits);
    }

    private static String mac(long bits) {
        return new MacAddress(bits).toString();
    }
}
