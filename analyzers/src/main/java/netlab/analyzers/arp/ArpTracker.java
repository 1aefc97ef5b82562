package netlab.analyzers.arp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netlab.analyzers.FrameAnalyzer;
import netlab.analyzers.KeyedCounters;
import netlab.analyzers.event.EventListener;
import netlab.capture.decode.PacketView;

/**
 * The ARP tracker: classifies every ARP frame, pairs requests with replies (RTT from capture timestamps),
 * learns IP to MAC bindings and raises {@link ArpEvent}s in capture order. All time is capture time: a request
 * becomes unanswered when a later frame's timestamp passes its time plus the timeout, or at {@link #finish()}.
 *
 * <p>Events of one frame come in this order: sender_mismatch, unsolicited_reply, arp_poisoning, then the
 * binding event (new_station, ip_conflict, flip_flop or changed_mac), then arp_storm (segment before source).
 * Poisoning is judged by {@link PoisonDetector} against evidence learned from every frame's ARP and IPv4.
 */
public final class ArpTracker implements FrameAnalyzer {

    /** Called for every request settled without a reply, e.g. to count unanswered requests per MAC. */
    @FunctionalInterface
    public interface UnansweredHook {
        void unanswered(long senderMac, int vlan, long timeNanos);
    }

    /** A request and the reply that answered it. */
    public record Pair(long requestNanos, int vlan, long senderMac, int senderIp, int targetIp, long replierMac,
                       long rttNanos) {
    }

    /** A request that got no reply within the timeout. */
    public record Unanswered(long requestNanos, int vlan, long senderMac, int senderIp, int targetIp) {
    }

    /** Unanswered requests from one sender IP to one target IP. */
    public record UnansweredGroup(int vlan, int senderIp, int targetIp, long requests) {
    }

    /**
     * Frame counts. {@code requests} and {@code replies} are all frames whose ARP opcode field reads 1 or 2
     * (gratuitous, probes and malformed frames included, as tshark's {@code arp.opcode}); {@code otherOpcodes}
     * counts RARP and other opcodes; the other counts cover well-formed Ethernet/IPv4 ARP only.
     */
    public record Counts(long requests, long replies, long gratuitous, long probes, long announcements,
                         long unicastRequests, long repliesToBroadcast, long pairs, long unanswered,
                         long unsolicitedReplies, long malformed, long otherOpcodes, long senderMismatches,
                         long storms) {
    }

    private final ArpConfig config;
    private final EventListener listener;
    private final PendingRequests pending;
    private final Bindings bindings;
    private final StormDetector storms;
    private final RttStats rtt;
    private final KeyedCounters groups;
    private final PoisonDetector poison;
    private final List<Pair> pairList = new ArrayList<>();
    private final List<Unanswered> unansweredList = new ArrayList<>();
    private UnansweredHook hook = (mac, vlan, t) -> {
    };
    private long requests;
    private long replies;
    private long gratuitous;
    private long probes;
    private long announcements;
    private long unicastRequests;
    private long repliesToBroadcast;
    private long pairs;
    private long unanswered;
    private long unsolicited;
    private long malformed;
    private long otherOpcodes;
    private long mismatches;
    private long poisonings;
    private static final long BROADCAST = 0xffff_ffff_ffffL;

    private static final int ATM_ARP_HW_TYPE = 19;

    public ArpTracker(ArpConfig config, EventListener listener) {
        this.config = config;
        this.listener = listener;
        this.pending = new PendingRequests(config.pendingCap(), config.timeoutNanos(), this::settled);
        this.bindings = new Bindings(config.bindingCap(), config.historyCap(), config.conflictWindowNanos());
        this.storms = new StormDetector(config.stormRequests(), config.sourceStormRequests(),
                config.stormWindowNanos(), config.stormSourceCap());
        this.rtt = new RttStats(config.rttSampleCap());
        this.groups = new KeyedCounters(config.groupCap());
        this.poison = new PoisonDetector(config.bindingCap(), config.bindingCap());
    }

    public void setUnansweredHook(UnansweredHook h) {
        this.hook = h;
    }

    @Override
    public void accept(PacketView v) {
        long t = v.frame().timestampNanos();
        pending.expire(t);
        int kinds = ArpClassifier.classify(v);
        // ARP and IP are scoped by the VLAN of the frame they travel in: the innermost one of a tunnel.
        int vlan = v.nearestVlanId();
        if (kinds == ArpClassifier.NONE) {
            if (v.ipVersion() == 4 && v.ipHeaderCount() == 1 && v.nearestSrcMac() >= 0) {
                poison.learn(vlan, v.ipv4Src(), v.nearestSrcMac(), PoisonDetector.IPV4);
            }
            return;
        }
        // requests/replies count every frame whose opcode field reads 1/2, malformed ones and RARP-typed
        // ones included, so they equal tshark's arp.opcode counts; only well-formed ones are analysed.
        // ATM ARP (hardware type 19) has its own layout (RFC 2225 §8.7), which tshark decodes apart.
        if (v.arpHwType() != ATM_ARP_HW_TYPE) {
            requests += v.arpOpcode() == 1 ? 1 : 0;
            replies += v.arpOpcode() == 2 ? 1 : 0;
        }
        if (kinds == ArpClassifier.MALFORMED) {
            malformed++;
            listener.onEvent(new ArpEvent.Malformed(t, vlan, v.nearestSrcMac(), ArpClassifier.malformedReason(v)));
            return;
        }
        if (kinds == ArpClassifier.OTHER_OPCODE) {
            otherOpcodes++;
            return;
        }
        count(kinds);
        long sha = v.arpSenderMac();
        int spa = v.arpSenderIp();
        boolean request = ArpClassifier.is(kinds, ArpClassifier.REQUEST);
        boolean gratuitousOrProbe = (kinds & (ArpClassifier.GRATUITOUS | ArpClassifier.PROBE)) != 0;
        if (ArpClassifier.is(kinds, ArpClassifier.SENDER_MISMATCH)) {
            mismatches++;
            listener.onEvent(new ArpEvent.SenderMismatch(t, vlan, spa, v.nearestSrcMac(), sha, v.arpOpcode()));
        }
        boolean learnable = spa != 0 && sha != 0 && (sha & 0x0100_0000_0000L) == 0;
        boolean ownFrame = learnable && !ArpClassifier.is(kinds, ArpClassifier.SENDER_MISMATCH);
        if (request && !gratuitousOrProbe) {
            pending.request(vlan, sha, spa, v.arpTargetIp(), t);
            if (ownFrame) {
                poison.learn(vlan, spa, sha, PoisonDetector.OWN);
            }
        } else if (!request && !gratuitousOrProbe) {
            poison.learn(vlan, v.arpTargetIp(), v.arpTargetMac(), PoisonDetector.TARGET);
            if (reply(v, t, vlan, sha, spa, learnable)) {
                if (ownFrame) {
                    poison.learn(vlan, spa, sha, PoisonDetector.OWN);
                }
            } else if (learnable) {
                raise(poison.claim(t, vlan, spa, sha, v.arpTargetIp(), v.arpTargetMac()));
            }
        } else if (ArpClassifier.is(kinds, ArpClassifier.GRATUITOUS) && learnable) {
            long dst = v.nearestDstMac();
            if (dst == BROADCAST || dst < 0) {
                // A broadcast announcement (RFC 5227 section 2.3), as a failover sends: the IP moves.
                if (ownFrame) {
                    poison.learn(vlan, spa, sha, PoisonDetector.OWN);
                }
            } else {
                raise(poison.claim(t, vlan, spa, sha, 0, dst));
            }
        }
        if (learnable) {
            ArpEvent e = bindings.claim(vlan, spa, sha, t);
            if (e != null) {
                listener.onEvent(e);
            }
        }
        if (request) {
            storms.request(vlan, v.nearestSrcMac() >= 0 ? v.nearestSrcMac() : sha, t, listener);
        }
    }

    private void raise(ArpEvent e) {
        if (e != null) {
            poisonings++;
            listener.onEvent(e);
        }
    }

    private void count(int kinds) {
        gratuitous += bit(kinds, ArpClassifier.GRATUITOUS);
        probes += bit(kinds, ArpClassifier.PROBE);
        announcements += bit(kinds, ArpClassifier.ANNOUNCEMENT);
        unicastRequests += bit(kinds, ArpClassifier.UNICAST_REQUEST);
        repliesToBroadcast += bit(kinds, ArpClassifier.REPLY_TO_BROADCAST);
    }

    private static int bit(int kinds, int kind) {
        return (kinds & kind) != 0 ? 1 : 0;
    }

    /** Pairs the reply with its request; returns false (after raising unsolicited_reply) when it answered none. */
    private boolean reply(PacketView v, long t, int vlan, long sha, int spa, boolean learnable) {
        long tha = v.arpTargetMac();
        int tpa = v.arpTargetIp();
        long requested = pending.answer(vlan, tha, tpa, spa, t);
        if (requested >= 0) {
            pairs++;
            rtt.add(t - requested);
            if (pairList.size() < config.listCap()) {
                pairList.add(new Pair(requested, vlan, tha, tpa, spa, sha, t - requested));
            }
            return true;
        }
        unsolicited++;
        long current = bindings.current(vlan, spa);
        boolean changes = learnable && current >= 0 && current != sha;
        listener.onEvent(new ArpEvent.UnsolicitedReply(t, vlan, spa, sha, tpa, tha, changes, changes ? current : -1));
        return false;
    }

    private void settled(long requestNanos, int vlan, long senderMac, int senderIp, int targetIp) {
        unanswered++;
        if (unansweredList.size() < config.listCap()) {
            unansweredList.add(new Unanswered(requestNanos, vlan, senderMac, senderIp, targetIp));
        }
        groups.add(vlan, ((long) senderIp << 32) | (targetIp & 0xffff_ffffL), 0);
        hook.unanswered(senderMac, vlan, requestNanos);
    }

    /** Settles every request still pending as unanswered: the capture ended before its timeout could. */
    @Override
    public void finish() {
        pending.finish();
    }

    public ArpConfig config() {
        return config;
    }

    public Counts counts() {
        return new Counts(requests, replies, gratuitous, probes, announcements, unicastRequests,
                repliesToBroadcast, pairs, unanswered, unsolicited, malformed, otherOpcodes, mismatches,
                storms.storms());
    }

    /** arp_poisoning events raised (distinct attacker, claimed IP and victim). */
    public long poisonings() {
        return poisonings;
    }

    /** RTT summary, or null when no request was answered. */
    public RttSummary rtt() {
        return rtt.summary();
    }

    /**
     * The RTTs the summary's percentiles come from, sorted, in nanoseconds: every one up to the sample cap,
     * beyond it the reservoir (for a distribution plot that agrees with {@link #rtt()}).
     */
    public long[] rttSamples() {
        return rtt.sortedSamples();
    }

    /** The first pairs, up to the list cap. */
    public List<Pair> pairList() {
        return Collections.unmodifiableList(pairList);
    }

    /** The first unanswered requests, up to the list cap. */
    public List<Unanswered> unansweredList() {
        return Collections.unmodifiableList(unansweredList);
    }

    /** Unanswered requests grouped by (VLAN, sender IP, target IP), most first, at most {@code n} groups. */
    public List<UnansweredGroup> unansweredGroups(int n) {
        List<UnansweredGroup> out = new ArrayList<>();
        for (KeyedCounters.Entry e : groups.top(n)) {
            out.add(new UnansweredGroup((int) e.keyHigh(), (int) (e.keyLow() >>> 32), (int) e.keyLow(),
                    e.frames()));
        }
        return out;
    }

    /** Unanswered requests not grouped because the group table was full. */
    public long ungroupedUnanswered() {
        return groups.otherFrames();
    }

    /**
     * Restores a binding learned by an earlier run (e.g. from {@code netlab watch --db}) without raising an
     * event, so its IP is not a new station again and a different MAC claiming it is a changed MAC, flip
     * flop or conflict; ignored when the IP is already bound.
     */
    public void seed(ArpBinding binding) {
        bindings.seed(binding);
    }

    /** The first {@code limit} current bindings, by VLAN then IP. */
    public List<ArpBinding> bindings(int limit) {
        return bindings.snapshot(limit);
    }

    /** Current bindings, by VLAN then IP. */
    public List<ArpBinding> bindings() {
        return bindings.snapshot();
    }

    /** Current sizes of the bounded tables and evictions so far, to show memory stays within the caps. */
    public record TableSizes(int pending, int bindings, int stormSources, int rttSamples, long evictedPending,
                             long evictedBindings) {
    }

    public TableSizes tableSizes() {
        return new TableSizes(pending.size(), bindings.size(), storms.trackedSources(), rtt.kept(),
                pending.evicted(), bindings.evicted());
    }
}
