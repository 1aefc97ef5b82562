package netlab.cli.command;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.arp.ArpConfig;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.mac.MacTable;
import netlab.analyzers.oui.OuiTable;
import netlab.cli.support.Durations;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import picocli.CommandLine.Option;

/** The analyzers' thresholds as command-line options, shared by the commands that analyze frames. */
public final class AnalyzerOptions {

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

    @Option(names = "--interval", paramLabel = "DURATION", converter = Durations.class, defaultValue = "1s",
            description = "Interval of the broadcast and switch-view time series (default: ${DEFAULT-VALUE}).")
    long intervalNanos;

    @Option(names = "--broadcast-storm", paramLabel = "FPS", defaultValue = "1000",
            description = "Broadcast storm: more than FPS broadcast frames per second in an interval (default: ${DEFAULT-VALUE}).")
    double broadcastStormFps;

    @Option(names = "--aging", paramLabel = "DURATION", converter = Durations.class, defaultValue = "300s",
            description = "MAC table aging on capture time, 0 = never (default: ${DEFAULT-VALUE}, the usual switch default).")
    long agingNanos;

    @Option(names = "--mac-cap", paramLabel = "N", defaultValue = "16384",
            description = "MAC table size; the least recently seen entry is evicted when full (default: ${DEFAULT-VALUE}).")
    int macCap;

    @Option(names = "--mac-flood", paramLabel = "RATE", defaultValue = "100",
            description = "MAC flooding: more than RATE new MACs per second (default: ${DEFAULT-VALUE}); the cap being reached also counts.")
    double macFloodRate;

    @Option(names = "--oui-file", paramLabel = "FILE",
            description = "Vendor table instead of the bundled IEEE registry: netlab's or arp-scan's ieee-oui.txt format, or Wireshark's manuf.")
    Path ouiFile;

    /** Largest --mac-cap: 1,048,576 entries (a large campus switch holds 256K; each entry is ~100 bytes). */
    static final int MAX_MAC_CAP = 1 << 20;
    private static final long HOUR = 3_600_000_000_000L;

    /** Checks each option on its own, so the error names the one at fault with its value and range. */
    void validate(OptionCheck check) {
        check.duration("--arp-timeout", arpTimeoutNanos, 1_000L, HOUR);
        check.duration("--conflict-window", conflictWindowNanos, 0, 24 * HOUR);
        check.range("--arp-storm", arpStormRequests, 1, Integer.MAX_VALUE);
        check.range("--arp-source-storm", arpSourceStormRequests, 1, Integer.MAX_VALUE);
        check.duration("--storm-window", stormWindowNanos, 1_000L, HOUR);
        check.duration("--interval", intervalNanos, 1_000_000L, 24 * HOUR);
        check.positive("--broadcast-storm", broadcastStormFps);
        check.duration("--aging", agingNanos, 0, 1_000_000 * 1_000_000_000L);
        check.range("--mac-cap", macCap, 1, MAX_MAC_CAP);
        check.positive("--mac-flood", macFloodRate);
    }

    /** The standard analyzer set with these options; {@code live} sees every event as it is raised. */
    public StandardAnalyzers analyzers(EventListener live) {
        return analyzers(live, false);
    }

    /** As {@link #analyzers(EventListener)}, with the timeline the HTML report draws when asked. */
    public StandardAnalyzers analyzers(EventListener live, boolean withTimeline) {
        try {
            return new StandardAnalyzers(new StandardAnalyzers.Config(arpConfig(), macConfig(), broadcastConfig(),
                    vendors()), live, withTimeline);
        } catch (IllegalArgumentException e) {
            throw new NetlabException(ExitCode.USAGE, "analyzer options", e.getMessage(), "see --help");
        }
    }

    ArpConfig arpConfig() {
        return ArpConfig.defaults().withTimeoutNanos(arpTimeoutNanos).withConflictWindowNanos(conflictWindowNanos)
                .withStorm(arpStormRequests, arpSourceStormRequests, stormWindowNanos);
    }

    MacTable.Config macConfig() {
        MacTable.Config d = MacTable.Config.DEFAULTS;
        return new MacTable.Config(agingNanos, macCap, macFloodRate, d.floodWindowNanos(), intervalNanos);
    }

    BroadcastMeter.Config broadcastConfig() {
        return new BroadcastMeter.Config(intervalNanos, broadcastStormFps, BroadcastMeter.Config.DEFAULTS.topSources());
    }

    /**
     * The vendor table: the bundled one is loaded on first use only (~10 ms); an --oui-file is read now, so a
     * missing, unreadable or oversized file is reported before any output.
     */
    Supplier<OuiTable> vendors() {
        if (ouiFile == null) {
            return OuiTable::bundled;
        }
        if (loaded == null) {
            loaded = loadOuiFile(ouiFile);
        }
        OuiTable table = loaded;
        return () -> table;
    }

    private OuiTable loaded;

    private static OuiTable loadOuiFile(Path file) {
        String hint = "give a file in ieee-oui.txt or manuf format";
        try {
            return OuiTable.load(file);
        } catch (OuiTable.TooLargeException e) {
            throw new NetlabException(ExitCode.BAD_CAPTURE, Messages.path(file), "not loaded: " + e.getMessage(), hint, e);
        } catch (NoSuchFileException e) {
            throw new NetlabException(ExitCode.NO_INPUT, Messages.path(file), "no such file", "check the path", e);
        } catch (AccessDeniedException e) {
            throw new NetlabException(ExitCode.NO_INPUT, Messages.path(file), "permission denied", "check the file's mode", e);
        } catch (IOException e) {
            throw new NetlabException(ExitCode.NO_INPUT, Messages.path(file), "cannot read the OUI file: "
                    + Messages.text(FileNames.message(e, file)), hint, e);
        }
    }
}
