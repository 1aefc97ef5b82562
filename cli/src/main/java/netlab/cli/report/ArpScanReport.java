package netlab.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import netlab.capture.live.CaptureStats;
import netlab.capture.live.NetInterface;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.probe.ArpScan;
import netlab.cli.probe.ScanTargets;
import netlab.report.Json;

/** The output of {@code arp-scan}: arp-scan's header and footer on stderr, replies on stdout, or one JSON document. */
public final class ArpScanReport {
    /**
     * How to print, after arp-scan's output options.
     *
     * @param json       one JSON document on stdout, every reply in it whatever quiet and ignoreDups say
     * @param quiet      reply lines of IP and MAC only (arp-scan's --quiet)
     * @param plain      no header and footer (arp-scan's --plain)
     * @param ignoreDups no line for a further reply from an IP (arp-scan's --ignoredups)
     */
    public record Style(boolean json, boolean quiet, boolean plain, boolean ignoreDups) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final Long randomSeed;
    private final NetInterface ni;
    private final Ipv4Address source;
    private final ScanTargets targets;
    private final List<Ipv4Address> self;

    /** One output row: a reply, or the interface's own address with --include-self (rtt -1, number 0). */
    private record Row(int ip, long mac, long rttNanos, int number) {
    }

    public ArpScanReport(PrintWriter out, PrintWriter err, Style style, Long randomSeed, NetInterface ni, Ipv4Address source,
                  ScanTargets targets, List<Ipv4Address> self) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.randomSeed = randomSeed;
        this.ni = ni;
        this.source = source;
        this.targets = targets;
        this.self = self;
    }

    /** arp-scan's two header lines, on stderr so stdout holds only results; the seed, so a random run can be repeated. */
    public void header() {
        if (style.plain()) {
            return;
        }
        err.println("Interface: " + ni.name() + ", type: EN10MB, MAC: " + ni.mac() + ", IPv4: " + source);
        err.println("Starting netlab arp-scan with " + targets.size() + (targets.size() == 1 ? " host" : " hosts")
                + (randomSeed == null ? "" : " (random order, seed " + randomSeed + ")"));
        err.flush();
    }

    /** The replies in address order, then arp-scan's footer lines. */
    public void finish(ArpScan.Result scan, CaptureStats stats, long elapsedNanos) {
        List<Row> rows = rows(scan);
        double seconds = elapsedNanos / 1e9;
        if (style.json()) {
            json(rows, scan, stats, seconds);
        } else {
            for (Row r : rows) {
                if (r.number() <= 1 || !style.ignoreDups()) {
                    out.println(line(r));
                }
            }
        }
        out.flush();
        if (style.plain()) {
            return;
        }
        err.println(CaptureStatsReport.line(stats));
        err.println(String.format(Locale.ROOT, "Ending netlab arp-scan: %d hosts scanned in %.3f seconds (%.2f hosts/sec). %d responded",
                scan.probed(), seconds, seconds > 0 ? scan.probed() / seconds : 0.0, scan.responded()));
        err.flush();
    }

    /** arp-scan's reply line: IP and MAC, then (unless quiet) vendor, RTT and the DUP flag. */
    private String line(Row r) {
        String ipMac = Ipv4Address.format(r.ip()) + "\t" + new MacAddress(r.mac());
        if (style.quiet()) {
            return ipMac;
        }
        String rtt = r.number() == 0 ? "self" : r.rttNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.3f ms", r.rttNanos() / 1e6);
        return ipMac + "\t" + vendor(r.mac()) + "\t" + rtt + (r.number() > 1 ? "\t(DUP: " + r.number() + ")" : "");
    }

    private List<Row> rows(ArpScan.Result scan) {
        List<Row> rows = new ArrayList<>();
        for (ArpScan.Reply r : scan.replies()) {
            rows.add(new Row(targets.ip(r.host()), r.mac(), r.rttNanos(), r.number()));
        }
        for (Ipv4Address a : self) {
            rows.add(new Row(a.bits(), ni.mac().bits(), -1, 0));
        }
        rows.sort(Comparator.comparing((Row r) -> Integer.toUnsignedLong(r.ip())).thenComparingInt(Row::number));
        return rows;
    }

    private static String vendor(long mac) {
        String v = Vendors.of(new MacAddress(mac));
        return v == null ? "(Unknown)" : v;
    }

    private void json(List<Row> rows, ArpScan.Result scan, CaptureStats stats, double seconds) {
        try (JsonGenerator g = Json.pretty(out)) {
            g.writeStartObject();
            g.writeStringField("interface", ni.name());
            g.writeStringField("mac", ni.mac().toString());
            g.writeStringField("ipv4", source.toString());
            g.writeNumberField("hosts", targets.size());
            g.writeNumberField("scanned", scan.probed());
            g.writeNumberField("sent", scan.sent());
            g.writeNumberField("responded", scan.responded());
            if (randomSeed != null) {
                g.writeNumberField("random_seed", randomSeed);
            } else {
                g.writeNullField("random_seed");
            }
            g.writeArrayFieldStart("replies");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("ip", Ipv4Address.format(r.ip()));
                g.writeStringField("mac", new MacAddress(r.mac()).toString());
                g.writeStringField("vendor", vendor(r.mac()));
                if (r.rttNanos() >= 0) {
                    g.writeNumberField("rtt_ms", r.rttNanos() / 1e6);
                } else {
                    g.writeNullField("rtt_ms");
                }
                g.writeNumberField("dup", r.number() > 1 ? r.number() : 0);
                g.writeBooleanField("self", r.number() == 0);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("received_by_filter", stats.received());
            g.writeNumberField("dropped_by_kernel", stats.droppedByKernel());
            g.writeNumberField("seconds", seconds);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
