package netlab.cli.probe;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;
import netlab.capture.Timestamps;
import netlab.capture.decode.PacketView;
import netlab.capture.live.ArpFrames;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveException;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.live.Signals;
import netlab.cli.support.ExitCode;
import netlab.cli.support.Messages;
import netlab.cli.support.StartupTrace;
import netlab.report.Json;

/**
 * One run of {@code arp-resolve}: a timer thread sends on the {@link ArpSchedule} and ends the run; the
 * calling thread receives in libpcap's loop and prints each answer as it comes.
 */
public final class ArpExchange {
    /** Vendor names by MAC from the bundled IEEE registry, loaded at the first reply (after its RTT is taken). */
    public static final Function<MacAddress, String> VENDORS = m -> OuiTable.bundled().vendor(m.bits());

    /** What is sent and what counts as an answer. */
    public enum Mode {
        RESOLVE, DAD, ANNOUNCE_REQUEST, ANNOUNCE_REPLY;

        public boolean announces() {
            return this == ANNOUNCE_REQUEST || this == ANNOUNCE_REPLY;
        }
    }

    private final LiveHandle capture;
    private final Mode mode;
    private final ArpSchedule plan;
    private final Ipv4Address ip;
    private final MacAddress mac;
    private final byte[] frame;
    private final PrintWriter out;
    private final PrintWriter err;
    private final JsonGenerator json;
    private final long[] sendTimes = new long[64];
    private volatile long sent;
    private long stamped;
    private volatile LiveException sendFailure;
    private long answers;
    /** Decodes each frame heard, on the capture thread only. */
    private final PacketView view = new PacketView();

    public ArpExchange(LiveHandle capture, Mode mode, ArpSchedule plan, Ipv4Address ip, MacAddress mac, byte[] frame,
                PrintWriter out, PrintWriter err, boolean json) {
        this.capture = capture;
        this.mode = mode;
        this.plan = plan;
        this.ip = ip;
        this.mac = mac;
        this.frame = frame;
        this.out = out;
        this.err = err;
        try {
            this.json = json ? Json.compact(out) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends, receives until the schedule ends, a stop-at-first answer or a signal; returns the exit code. */
    public int run() throws LiveException {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netlab-arp-send");
            t.setDaemon(true);
            return t;
        });
        try (Signals signals = new Signals(capture::stop)) {
            timer.scheduleAtFixedRate(this::sendNext, 0, plan.intervalNanos(), TimeUnit.NANOSECONDS);
            if (plan.endNanos() != Long.MAX_VALUE && !plan.announce()) {
                timer.schedule(capture::stop, plan.endNanos(), TimeUnit.NANOSECONDS);
            } else if (plan.announce() && plan.endNanos() != Long.MAX_VALUE) {
                timer.schedule(capture::stop, plan.endNanos() + plan.intervalNanos() / 2, TimeUnit.NANOSECONDS);
            }
            capture.loop(this::onFrame);
            timer.shutdownNow();
            awaitSender(timer);
            if (sendFailure != null) {
                throw sendFailure;
            }
            summary();
            return signals.exitCode() != 0 ? signals.exitCode() : verdict();
        } finally {
            timer.shutdownNow();
            out.flush();
            err.flush();
        }
    }

    private static void awaitSender(ScheduledExecutorService timer) {
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Timer thread: sends request number {@code sent} if the schedule allows, else ends announcements. */
    private void sendNext() {
        long k = sent;
        if (capture.isStopped() || !plan.sends(k)) {
            if (plan.announce()) {
                capture.stop();
            }
            return;
        }
        try {
            synchronized (sendTimes) {
                sendTimes[(int) (k % sendTimes.length)] = epochNanos();
                stamped = k + 1;
            }
            capture.send(frame, ArpFrames.LENGTH);
            sent = k + 1;
        } catch (LiveException e) {
            sendFailure = e;
            capture.stop();
        }
        if (plan.announce() && !plan.sends(k + 1)) {
            capture.stop();
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Capture thread: reports an answer; false stops the loop when the first one is enough. */
    private boolean onFrame(Frame f) {
        ArpPacket p = ArpPacket.read(f, view);
        if (p == null || p.ethernetSource().equals(mac) || !answers(p)) {
            return true;
        }
        answers++;
        if (answers == 1) {
            StartupTrace.mark("requests sent, first answer in");
        }
        if (plan.stopAtFirst()) {
            // Before the report: its first vendor lookup loads the OUI table (~0.2 s), and the sender
            // thread must not send another request meanwhile.
            capture.stop();
        }
        report(p);
        return !plan.stopAtFirst();
    }

    private boolean answers(ArpPacket p) {
        return switch (mode) {
            case RESOLVE -> p.op() == ArpFrames.REPLY && p.senderIp().equals(ip);
            // RFC 5227 §2.1.1: any ARP from another host with sender IP = ours, or another host's probe for it.
            case DAD -> p.senderIp().equals(ip)
                    || p.op() == ArpFrames.REQUEST && p.senderIp().bits() == 0 && p.targetIp().equals(ip);
            case ANNOUNCE_REQUEST, ANNOUNCE_REPLY -> false;
        };
    }

    /** Round-trip time to the latest request sent before the reply's capture time, or -1 if unknown. */
    private long rttNanos(long replyNanos) {
        synchronized (sendTimes) {
            long n = stamped;
            for (long k = n; k > Math.max(0, n - sendTimes.length); k--) {
                long t = sendTimes[(int) ((k - 1) % sendTimes.length)];
                if (t <= replyNanos) {
                    return replyNanos - t;
                }
            }
        }
        return -1;
    }

    private void report(ArpPacket p) {
        long rtt = rttNanos(p.timestampNanos());
        String vendor = VENDORS.apply(p.senderMac());
        boolean probe = p.op() == ArpFrames.REQUEST && p.senderIp().bits() == 0;
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
                g.writeStringField("interface", capture.device());
                g.writeStringField("timestamp", Timestamps.rfc3339(p.timestampNanos()));
            });
            return;
        }
        String who = p.senderMac() + (vendor == null ? "" : vendor.startsWith("(") ? " " + vendor : " (" + vendor + ")");
        String eth = p.ethernetSource().equals(p.senderMac()) ? "" : " [Ethernet source " + p.ethernetSource() + "]";
        String time = rtt >= 0 ? String.format(" %.3f ms", rtt / 1e6) : "";
        String line = mode == Mode.RESOLVE ? ip + " is-at " + who + eth + time
                : probe ? ip + " is being probed by " + who + eth : ip + " is in use by " + who + eth + time;
        out.println(line + " via " + Messages.text(capture.device()));
        out.flush();
    }

    private void summary() {
        String result = switch (mode) {
            case RESOLVE -> answers > 0 ? "resolved" : "no-reply";
            case DAD -> answers > 0 ? "in-use" : "free";
            case ANNOUNCE_REQUEST, ANNOUNCE_REPLY -> "announced";
        };
        if (json != null) {
            jsonLine(g -> {
                g.writeStringField("type", "summary");
                g.writeStringField("ip", ip.toString());
                g.writeStringField("interface", capture.device());
                g.writeStringField("mode", mode.name().toLowerCase().replace('_', '-'));
                g.writeNumberField("sent", sent);
                g.writeNumberField("received", answers);
                g.writeStringField("result", result);
            });
            return;
        }
        if (mode == Mode.DAD && answers == 0) {
            out.println(ip + " is free: no answer to " + plural(sent, "probe") + " via " + Messages.text(capture.device()));
        } else if (mode.announces()) {
            out.println("announced " + ip + " at " + mac + " via " + Messages.text(capture.device()) + " ("
                    + plural(sent, mode == Mode.ANNOUNCE_REPLY ? "gratuitous reply" : "gratuitous request") + ")");
        }
        if (mode.announces()) {
            return;
        }
        err.println("sent " + plural(sent, mode == Mode.DAD ? "probe" : "request") + ", received "
                + plural(answers, mode == Mode.DAD ? "answer" : "reply"));
    }

    private static String plural(long n, String word) {
        return n + " " + (n == 1 ? word : word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }

    private int verdict() {
        return switch (mode) {
            case RESOLVE -> answers > 0 ? ExitCode.OK : ExitCode.FINDING;
            case DAD -> answers > 0 ? ExitCode.FINDING : ExitCode.OK;
            case ANNOUNCE_REQUEST, ANNOUNCE_REPLY -> ExitCode.OK;
        };
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
