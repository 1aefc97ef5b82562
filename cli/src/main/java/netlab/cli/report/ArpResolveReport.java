package netlab.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import netlab.capture.Timestamps;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.probe.ArpExchange;
import netlab.cli.probe.ArpExchange.Mode;
import netlab.cli.probe.ArpPacket;
import netlab.cli.support.Messages;
import netlab.report.Json;

/**
 * The output of {@code arp-resolve}: a line per answer as it comes (arping's), then the summary (free or announced
 * on stdout, the counts on stderr); with --json one JSON Lines object per answer, then a summary object.
 */
public final class ArpResolveReport {
    private final PrintWriter out;
    private final PrintWriter err;
    private final JsonGenerator json;
    private final Mode mode;
    private final Ipv4Address ip;
    private final MacAddress mac;
    private final String device;

    /** A report on {@code out} and {@code err} of asking for {@code ip} from {@code mac} on {@code device}. */
    public ArpResolveReport(PrintWriter out, PrintWriter err, boolean json, Mode mode, Ipv4Address ip, MacAddress mac,
                            String device) {
        this.out = out;
        this.err = err;
        this.mode = mode;
        this.ip = ip;
        this.mac = mac;
        this.device = device;
        try {
            this.json = json ? Json.compact(out) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One answer: IP is-at (in use by, being probed by) MAC, its vendor, RTT and interface. */
    public void answer(ArpExchange.Answer a) {
        ArpPacket p = a.packet();
        long rtt = a.rttNanos();
        String vendor = Vendors.of(p.senderMac());
        boolean probe = a.probe();
        if (json != null) {
            jsonLine(g -> {
                g.writeStringField("type", mode == Mode.DAD ? "conflict" : "reply");
                g.writeStringField("ip", ip.toString());
                g.writeStringField("mac", p.senderMac().toString());
                g.writeStringField("ethernet_source", p.ethernetSource().toString());
                g.writeStringField("vendor", vendor);
                if (rtt >= 0 && !probe) {
                    g.writeNumberField("rtt_ms", rtt / 1e6);
                } else {
                    g.writeNullField("rtt_ms");
                }
                g.writeStringField("interface", device);
                g.writeStringField("timestamp", Timestamps.rfc3339(p.timestampNanos()));
            });
            return;
        }
        String who = p.senderMac() + (vendor == null ? "" : vendor.startsWith("(") ? " " + vendor : " (" + vendor + ")");
        String eth = p.ethernetSource().equals(p.senderMac()) ? "" : " [Ethernet source " + p.ethernetSource() + "]";
        String time = rtt >= 0 ? String.format(" %.3f ms", rtt / 1e6) : "";
        String line = mode == Mode.RESOLVE ? ip + " is-at " + who + eth + time
                : probe ? ip + " is being probed by " + who + eth : ip + " is in use by " + who + eth + time;
        out.println(line + " via " + Messages.text(device));
        out.flush();
    }

    /** The end of the run: what it found (stdout) and the counts (stderr), or the JSON summary object. */
    public void summary(ArpExchange.Result r) {
        if (json != null) {
            jsonLine(g -> {
                g.writeStringField("type", "summary");
                g.writeStringField("ip", ip.toString());
                g.writeStringField("interface", device);
                g.writeStringField("mode", mode.name().toLowerCase().replace('_', '-'));
                g.writeNumberField("sent", r.sent());
                g.writeNumberField("received", r.received());
                g.writeStringField("result", r.outcome().word());
            });
            return;
        }
        if (r.outcome() == ArpExchange.Outcome.FREE) {
            out.println(ip + " is free: no answer to " + plural(r.sent(), "probe") + " via " + Messages.text(device));
        } else if (mode.announces()) {
            out.println("announced " + ip + " at " + mac + " via " + Messages.text(device) + " ("
                    + plural(r.sent(), mode == Mode.ANNOUNCE_REPLY ? "gratuitous reply" : "gratuitous request") + ")");
        }
        if (mode.announces()) {
            return;
        }
        err.println("sent " + plural(r.sent(), mode == Mode.DAD ? "probe" : "request") + ", received "
                + plural(r.received(), mode == Mode.DAD ? "answer" : "reply"));
    }

    private static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }

    /** Body of one JSON Lines object. */
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private void jsonLine(JsonBody body) {
        try {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
            json.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
