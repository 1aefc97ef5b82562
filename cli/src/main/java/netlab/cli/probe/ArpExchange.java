package netlab.cli.probe;

import java.time.Instant;
import java.util.function.Consumer;
import netlab.capture.Frame;
import netlab.capture.decode.PacketView;
import netlab.capture.live.ArpFrames;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.live.LiveSession;
import netlab.cli.support.StartupTrace;

/**
 * One run of {@code arp-resolve}: the session's timer sends on the {@link ArpSchedule} and ends the run; the calling
 * thread receives in libpcap's loop and hands each answer to a listener as it comes, then returns the counts and
 * the mode's outcome. It prints nothing: {@link netlab.cli.report.ArpResolveReport} renders both.
 */
public final class ArpExchange {

    /** What is sent and what counts as an answer. */
    public enum Mode {
        RESOLVE, DAD, ANNOUNCE_REQUEST, ANNOUNCE_REPLY;

        public boolean announces() {
            return this == ANNOUNCE_REQUEST || this == ANNOUNCE_REPLY;
        }
    }

    /** What a run found, per mode: an answer came (resolved, in-use), none came (no-reply, free), or it announced. */
    public enum Outcome {
        RESOLVED, NO_REPLY, IN_USE, FREE, ANNOUNCED;

        /** The JSON summary's {@code result}: resolved, no-reply, in-use, free, announced. */
        public String word() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /**
     * One answer heard.
     *
     * @param packet   the ARP packet, with its capture time
     * @param rttNanos capture time minus the time of the latest request sent before it, -1 if unknown
     */
    public record Answer(ArpPacket packet, long rttNanos) {
        /** An RFC 5227 probe (a request from sender 0.0.0.0): another host checking the address, no RTT applies. */
        public boolean probe() {
            return packet.op() == ArpFrames.REQUEST && packet.senderIp().bits() == 0;
        }
    }

    /**
     * The end of a run that was not cut by a failure.
     *
     * @param mode     what was sent
     * @param sent     requests, probes or announcements sent
     * @param received answers heard
     */
    public record Result(Mode mode, long sent, long received) {
        /** What the mode makes of the answers heard. */
        public Outcome outcome() {
            return switch (mode) {
                case RESOLVE -> received > 0 ? Outcome.RESOLVED : Outcome.NO_REPLY;
                case DAD -> received > 0 ? Outcome.IN_USE : Outcome.FREE;
                case ANNOUNCE_REQUEST, ANNOUNCE_REPLY -> Outcome.ANNOUNCED;
            };
        }
    }

    private final LiveSession session;
    private final LiveHandle capture;
    private final Mode mode;
    private final ArpSchedule plan;
    private final Ipv4Address ip;
    private final MacAddress mac;
    private final byte[] frame;
    private final long[] sendTimes = new long[64];
    private volatile long sent;
    private long stamped;
    private long answers;
    private Consumer<Answer> listener;
    /** Decodes each frame heard, on the capture thread only. */
    private final PacketView view = new PacketView();

    /** A run on {@code session} (its timer sends, its signal handling stops it) asking for {@code ip} from {@code mac}. */
    public ArpExchange(LiveSession session, Mode mode, ArpSchedule plan, Ipv4Address ip, MacAddress mac, byte[] frame) {
        this.session = session;
        this.capture = session.handle();
        this.mode = mode;
        this.plan = plan;
        this.ip = ip;
        this.mac = mac;
        this.frame = frame;
    }

    /**
     * Sends, receives until the schedule ends, a stop-at-first answer or a stop from elsewhere (a signal), giving
     * each answer to {@code onAnswer} on the calling thread as it comes; returns the counts.
     */
    public Result run(Consumer<Answer> onAnswer) throws LiveException {
        listener = onAnswer;
        session.every(0, plan.intervalNanos(), this::sendNext);
        if (plan.endNanos() != Long.MAX_VALUE) {
            session.stopAfter(plan.announce() ? plan.endNanos() + plan.intervalNanos() / 2 : plan.endNanos());
        }
        session.loop(this::onFrame);
        session.stopTimer();
        session.throwIfFailed();
        return new Result(mode, sent, answers);
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
            session.fail(e);
        }
        if (plan.announce() && !plan.sends(k + 1)) {
            capture.stop();
        }
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Capture thread: hands on an answer; false stops the loop when the first one is enough. */
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
            // Before the listener: its first vendor lookup loads the OUI table (~0.2 s), and the sender
            // thread must not send another request meanwhile.
            capture.stop();
        }
        listener.accept(new Answer(p, rttNanos(p.timestampNanos())));
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
}
