package netlab.cli;

import netlab.analyzers.arp.ArpConfig;
import picocli.CommandLine.Option;

/** The analyzers' thresholds as command-line options, shared by the commands that analyze frames. */
final class AnalyzerOptions {

    @Option(names = "--arp-timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "1s",
            description = "A request with no reply within this is unanswered (default: ${DEFAULT-VALUE}, like arping).")
    long arpTimeoutNanos;

    @Option(names = "--conflict-window", paramLabel = "DURATION", converter = Durations.class, defaultValue = "60s",
            description = "Two MACs claiming one IP within this is an ip_conflict; later, a changed_mac (default: ${DEFAULT-VALUE}).")
    long conflictWindowNanos;

    @Option(names = "--arp-storm", paramLabel = "N", defaultValue = "30",
            description = "ARP storm: more than N requests on the segment within --storm-window (default: ${DEFAULT-VALUE}, Wireshark's).")
    int arpStormRequests;

    @Option(names = "--arp-source-storm", paramLabel = "N", defaultValue = "20",
            description = "ARP storm from one MAC: more than N of its requests within --storm-window (default: ${DEFAULT-VALUE}).")
    int arpSourceStormRequests;

    @Option(names = "--storm-window", paramLabel = "DURATION", converter = Durations.class, defaultValue = "100ms",
            description = "Window for the ARP storm thresholds (default: ${DEFAULT-VALUE}).")
    long stormWindowNanos;

    ArpConfig arpConfig() {
        return ArpConfig.defaults().withTimeoutNanos(arpTimeoutNanos).withConflictWindowNanos(conflictWindowNanos)
                .withStorm(arpStormRequests, arpSourceStormRequests, stormWindowNanos);
    }
}
