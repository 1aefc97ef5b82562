package netlab.cli.command;

import java.util.List;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.arp.ArpEvent;
import netlab.analyzers.broadcast.BroadcastEvent;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventLog;
import netlab.analyzers.mac.MacTableEvent;
import netlab.cli.support.ExitCode;

/**
 * The conditions {@code --fail-on} can gate on, each defined by the event kinds (record classes) or counts
 * that trigger it. Any that held makes the command exit with {@link ExitCode#FINDING}.
 */
public enum FailOn {
    /** One IP claimed by two MACs: ip_conflict, flip_flop or changed_mac events. */
    CONFLICT(ArpEvent.IpConflict.class, ArpEvent.FlipFlop.class, ArpEvent.ChangedMac.class),
    /**
     * Possible spoofing: an unsolicited reply that changed a binding, Ethernet source ≠ ARP sender, or ARP
     * poisoning (arp_poisoning).
     */
    SPOOF(ArpEvent.SenderMismatch.class, ArpEvent.ArpPoisoning.class),
    /** arp_storm or broadcast_storm events. */
    STORM(ArpEvent.ArpStorm.class, BroadcastEvent.BroadcastStorm.class),
    /** mac_flood events. */
    FLOOD(MacTableEvent.MacFlood.class),
    /** At least one ARP request went unanswered. */
    UNANSWERED,
    /** At least one malformed ARP frame. */
    MALFORMED;

    private final List<Class<? extends Event>> kinds;

    @SafeVarargs
    FailOn(Class<? extends Event>... kinds) {
        this.kinds = List.of(kinds);
    }

    /** Whether this condition held over what {@code set} has seen. */
    boolean held(StandardAnalyzers set) {
        EventLog events = set.events();
        long n = kinds.stream().mapToLong(events::count).sum();
        return switch (this) {
            case SPOOF -> n + set.spoofingReplies() > 0;
            case UNANSWERED -> set.arp().counts().unanswered() > 0;
            case MALFORMED -> set.arp().counts().malformed() > 0;
            default -> n > 0;
        };
    }
}
