package netlab.cli.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import netlab.capture.Frame;
import netlab.capture.decode.PacketView;
import netlab.capture.live.ArpFrames;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveException;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;
import netlab.cli.live.LiveSession;
import netlab.cli.support.Hosts;

/**
 * One {@code arp-scan} run, timed as arp-scan does it: a sender on the session's thread sends one request every
 * interval, host after host in address order (or in a seeded random order, arp-scan's --random); a host that has
 * not answered is asked again once its timeout has passed (the timeout grows by the backoff factor with each
 * attempt) until it has had all its attempts; the run ends when every host answered, or the last request's timeout
 * passed, or the --limit of responders is reached. The calling thread receives the replies in libpcap's loop, and
 * the run returns what it heard as a {@link Result}: it prints nothing.
 */
public final class ArpScan {
    /** Replies kept per host: a host answering a storm of duplicates (arp-scan#176) cannot fill the heap. */
    static final int REPLIES_PER_HOST = 16;
    /** Time left for duplicate replies once every host answered (arp-scan stops at once and misses them). */
    static final long DUP_GRACE_NANOS = 100_000_000L;
    /** How long the end of a scan waits for the sender, which notices the stopped handle within 10 ms. */
    private static final long SENDER_WAIT_SECONDS = 5;

    /**
     * How to pace and retry.
     *
     * @param intervalNanos time between two requests (arp-scan's --interval)
     * @param attempts      requests per host at most (arp-scan's --retry, total attempts)
     * @param timeoutNanos  wait for a reply to the first request (arp-scan's --timeout)
     * @param backoff       timeout factor per further attempt (arp-scan's --backoff)
     * @param limit         stop once this many hosts answered, 0 for no limit
     * @param randomSeed    seed of the random send order, null for address order
     */
    public record Plan(long intervalNanos, int attempts, long timeoutNanos, double backoff, int limit, Long randomSeed) {
    }

    /**
     * One reply.
     *
     * @param host      target index
     * @param mac       ARP sender hardware address
     * @param ethSource Ethernet source address
     * @param rttNanos  capture time minus the time of the latest request sent to the host, -1 if unknown
     * @param number    1 for the host's first reply, n for its n-th (arp-scan's DUP: n)
     */
    public record Reply(int host, long mac, long ethSource, long rttNanos, int number) {
    }

    /**
     * What a scan heard and sent.
     *
     * @param replies   the replies kept ({@link #REPLIES_PER_HOST} per host at most), by host, then in arrival order
     * @param responded hosts that answered at least once
     * @param probed    targets asked at least once: an interrupted scan reports these as scanned, not every target
     * @param sent      requests sent
     */
    public record Result(List<Reply> replies, int responded, int probed, long sent) {
        public Result {
            replies = List.copyOf(replies);
        }
    }

    /** A request that may go out at {@code atNanos}, to the host at {@code position} in the send order. */
    private record Due(long atNanos, int position) {
    }

    private final LiveSession session;
    private final LiveHandle capture;
    private final ScanTargets targets;
    private final Plan plan;
    private final byte[] frame = new byte[ArpFrames.LENGTH];
    private final MacAddress mac;
    private final Ipv4Address source;
    private final long[] lastSent;
    private final int[] replies;
    private final List<Reply> kept = new ArrayList<>();
    private int responded;
    private long sent;
    /** Targets asked at least once: an interrupted scan reports these as scanned, not every target. */
    private int probed;
    /** Decodes each frame heard, on the capture thread only. */
    private final PacketView view = new PacketView();

    /** A scan on {@code session} (its thread sends, its signal handling stops it) from {@code mac} and {@code source}. */
    public ArpScan(LiveSession session, MacAddress mac, Ipv4Address source, ScanTargets targets, Plan plan) {
        this.session = session;
        this.capture = session.handle();
        this.mac = mac;
        this.source = source;
        this.targets = targets;
        this.plan = plan;
        this.lastSent = new long[targets.size()];
        this.replies = new int[targets.size()];
    }

    /** Sends and receives until the scan ends or a signal stops the capture; returns what it heard. */
    public Result run() throws LiveException {
        session.start(this::send);
        try {
            capture.loop(this::onFrame);
        } finally {
            capture.stop();
            session.finishTimer(SENDER_WAIT_SECONDS);
        }
        session.throwIfFailed();
        synchronized (this) {
            List<Reply> sorted = new ArrayList<>(kept);
            sorted.sort(Comparator.comparingInt(Reply::host).thenComparingInt(Reply::number));
            return new Result(sorted, responded, probed, sent);
        }
    }

    /** Sender thread: the arp-scan schedule, then the wait for the last timeout; stops the capture at the end. */
    private void send() {
        int[] order = sendOrder(targets.size(), plan.randomSeed());
        PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparingLong(Due::atNanos).thenComparingInt(Due::position));
        for (int i = 0; i < targets.size(); i++) {
            queue.add(new Due(0, i));
        }
        long start = System.nanoTime();
        long nextSlot = 0;
        long lastDeadline = 0;
        int[] attempts = new int[targets.size()];
        try {
            while (!capture.isStopped() && !allAnswered()) {
                Due d = queue.peek();
                long now = System.nanoTime() - start;
                if (d == null) {
                    if (now >= lastDeadline) {
                        break;
                    }
                    park(lastDeadline - now);
                    continue;
                }
                int host = order[d.position()];
                if (answered(host)) {
                    queue.poll();
                    continue;
                }
                long wake = Math.max(d.atNanos(), nextSlot);
                if (now < wake) {
                    park(wake - now);
                    continue;
                }
                queue.poll();
                sendTo(host);
                nextSlot = Math.max(nextSlot + plan.intervalNanos(), now);
                long timeout = Math.round(plan.timeoutNanos() * Math.pow(plan.backoff(), attempts[host]));
                if (++attempts[host] < plan.attempts()) {
                    queue.add(new Due(now + timeout, d.position()));
                } else {
                    lastDeadline = Math.max(lastDeadline, now + timeout);
                }
            }
            graceForDuplicates();
        } catch (LiveException e) {
            session.fail(e);
        } finally {
            capture.stop();
        }
    }

    /**
     * Target indexes in the order they are first asked: ascending, or with a seed a Fisher-Yates shuffle driven
     * by {@link Random}, whose generator the JDK specifies, so a seed gives the same order on every JVM.
     */
    static int[] sendOrder(int n, Long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (seed != null) {
            Random random = new Random(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Once every host answered, a second MAC answering for one of them gets {@link #DUP_GRACE_NANOS} to show. */
    private void graceForDuplicates() {
        long end = System.nanoTime() + DUP_GRACE_NANOS;
        while (!capture.isStopped() && allAnswered() && System.nanoTime() < end) {
            park(end - System.nanoTime());
        }
    }

    /** Sleeps at most 10 ms, so a reply that completes the scan or a stop is noticed soon. */
    private static void park(long nanos) {
        LockSupport.parkNanos(Math.min(nanos, 10_000_000L));
    }

    private void sendTo(int host) throws LiveException {
        ArpFrames.build(frame, MacAddress.BROADCAST, mac, source, ArpFrames.REQUEST, MacAddress.ZERO,
                new Ipv4Address(targets.ip(host)));
        synchronized (this) {
            if (lastSent[host] == 0) {
                probed++;
            }
            lastSent[host] = epochNanos();
            sent++;
        }
        capture.send(frame, ArpFrames.LENGTH);
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private synchronized boolean answered(int host) {
        return replies[host] > 0;
    }

    private synchronized boolean allAnswered() {
        return responded == targets.size();
    }

    /** Capture thread: records a reply from a target; false ends the loop at the --limit. */
    private boolean onFrame(Frame f) {
        ArpPacket p = ArpPacket.read(f, view);
        if (p == null || p.op() != ArpFrames.REPLY || p.ethernetSource().equals(mac)) {
            return true;
        }
        int host = targets.indexOf(p.senderIp().bits());
        if (host < 0) {
            return true;
        }
        synchronized (this) {
            int n = ++replies[host];
            if (n == 1) {
                responded++;
            }
            if (n <= REPLIES_PER_HOST) {
                long rtt = lastSent[host] > 0 ? p.timestampNanos() - lastSent[host] : -1;
                kept.add(new Reply(host, p.senderMac().bits(), p.ethernetSource().bits(), rtt, n));
            }
            return plan.limit() == 0 || responded < plan.limit();
        }
    }
}
