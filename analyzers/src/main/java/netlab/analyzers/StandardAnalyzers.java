package netlab.analyzers;

import java.util.List;
import java.util.function.Supplier;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.arp.ArpEvent;
import netlab.analyzers.arp.ArpTracker;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.event.EventLog;
import netlab.analyzers.discovery.NeighbourTable;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.oui.OuiTable;
import netlab.analyzers.timeline.Timeline;
import netlab.capture.Frame;

/**
 * The standard analyzer set, wired once for every front end ({@code analyze}, {@code capture --analyze},
 * {@code watch}, the JMH benchmarks): the summary, the protocol hierarchy, the MAC table, the ARP tracker and
 * the broadcast meter, in that order, with one bounded event log that also forwards events to a live listener
 * (e.g. {@code --events} JSON Lines). Not thread-safe: a caller feeding it from one thread and reading it from
 * another locks on it.
 */
public final class StandardAnalyzers {

    /** The analyzers' settings; {@link #defaults()} are those of {@code netlab analyze} with no options. */
    public record Config(ArpConfig arp, MacTable.Config mac, BroadcastMeter.Config broadcast,
                         Supplier<OuiTable> vendors) {
        public static Config defaults() {
            return new Config(ArpConfig.defaults(), MacTable.Config.DEFAULTS, BroadcastMeter.Config.DEFAULTS,
                    OuiTable::bundled);
        }
    }

    private final TrafficSummary summary = new TrafficSummary();
    private final ProtocolHierarchy hierarchy = new ProtocolHierarchy();
    private final NeighbourTable neighbours = new NeighbourTable();
    private final ArpTracker arp;
    private final MacTable macTable;
    private final BroadcastMeter broadcast;
    private final EventLog events;
    private final List<FrameAnalyzer> analyzers;
    private final Timeline timeline;
    private final Analysis analysis;
    private long spoofingReplies;

    /**
     * Wires the set; {@code live} sees every event as it is raised.
     *
     * @throws IllegalArgumentException when a setting is out of range
     */
    public StandardAnalyzers(Config config, EventListener live) {
        this(config, live, false);
    }

    /**
     * As {@link #StandardAnalyzers(Config, EventListener)}; with {@code withTimeline} also the {@link Timeline}
     * for charts (after the MAC table, whose size it samples).
     */
    public StandardAnalyzers(Config config, EventListener live, boolean withTimeline) {
        events = new EventLog(EventLog.DEFAULT_CAP, e -> {
            if (e instanceof ArpEvent.UnsolicitedReply u && u.changesBinding()) {
                spoofingReplies++;
            }
            live.onEvent(e);
        });
        arp = new ArpTracker(config.arp(), events);
        macTable = new MacTable(config.mac(), config.vendors(), events);
        broadcast = new BroadcastMeter(config.broadcast(), events);
        timeline = withTimeline ? new Timeline(config.broadcast().intervalNanos(), macTable::size) : null;
        // The switch model attributes each unanswered ARP request to the MAC that sent it.
        arp.setUnansweredHook((mac, vlan, t) -> {
            macTable.countUnanswered(mac, vlan);
            if (timeline != null) {
                timeline.unanswered(t);
            }
        });
        analyzers = timeline == null ? List.of(summary, hierarchy, macTable, arp, broadcast, neighbours)
                : List.of(summary, hierarchy, macTable, arp, broadcast, neighbours, timeline);
        analysis = new Analysis(analyzers);
    }

    /** Decodes {@code f} once and feeds it to every analyzer; the frame may be reused afterwards. */
    public void offer(Frame f) {
        analysis.offer(f);
    }

    /** End of input: pending ARP requests become unanswered, open intervals close. */
    public void finish() {
        analysis.finish();
    }

    /** The analyzers in the order they see each frame (for a caller driving its own {@link Analysis}). */
    public List<FrameAnalyzer> analyzers() {
        return analyzers;
    }

    public TrafficSummary summary() {
        return summary;
    }

    public ProtocolHierarchy hierarchy() {
        return hierarchy;
    }

    public ArpTracker arp() {
        return arp;
    }

    /** The LLDP/CDP neighbours heard. */
    public NeighbourTable neighbours() {
        return neighbours;
    }

    public MacTable macTable() {
        return macTable;
    }

    public BroadcastMeter broadcast() {
        return broadcast;
    }

    /** The first events (up to the log's cap) and counts of all of them by type. */
    public EventLog events() {
        return events;
    }

    /** Per-interval rates for charts, or null when the set was made without it. */
    public Timeline timeline() {
        return timeline;
    }

    /** Unsolicited ARP replies that changed a binding: what ARP cache poisoning looks like. */
    public long spoofingReplies() {
        return spoofingReplies;
    }
}
