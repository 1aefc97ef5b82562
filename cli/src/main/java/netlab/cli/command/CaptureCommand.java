package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.capture.Frame;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.FrameDetails;
import netlab.capture.decode.FrameSummary;
import netlab.capture.decode.PacketView;
import netlab.capture.live.LiveException;
import netlab.capture.live.LiveHandle;
import netlab.capture.live.LiveOptions;
import netlab.capture.live.NetInterface;
import netlab.capture.live.Platform;
import netlab.cli.io.PcapOutput;
import netlab.cli.io.RotatingPcap;
import netlab.cli.live.LiveAnalysis;
import netlab.cli.live.LiveErrors;
import netlab.cli.live.PrivilegeDrop;
import netlab.cli.live.LiveSession;
import netlab.cli.report.CaptureStatsReport;
import netlab.cli.report.TimeFormat;
import netlab.cli.support.Durations;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import netlab.report.FrameJson;
import netlab.report.FrameText;
import netlab.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab capture IFACE}: live capture like tcpdump -i, printing, writing pcap, or both. */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Capture live frames on an interface (needs root or CAP_NET_RAW), like tcpdump -n -e -i IFACE.",
            "Stops at -c frames, after --duration, or on Ctrl-C / SIGTERM (exit 130 / 143); the -w file is "
                + "then flushed, closed and valid, and holds every frame counted as captured.",
            "At the end, stderr gets tcpdump's lines: N packets captured, received by filter, dropped by "
                + "kernel, and dropped by interface when not zero."})
public final class CaptureCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public CaptureCommand(Platform platform) {
        this.platform = platform;
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IFACE", description = "Interface name, or its number in 'netlab interfaces'.")
    String iface;

    @Parameters(index = "1..*", paramLabel = "FILTER", description = "BPF filter expression (pcap-filter(7)), as tcpdump takes it.")
    List<String> filterWords;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "BPF filter expression (instead of the trailing words).")
    String filter;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N frames.")
    Long count;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop after this long: 30s, 1.5m, 500ms, or a bare number of seconds (tshark -a duration:).")
    Long durationNanos;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "BYTES", description = "Bytes kept per frame (default and 0: 262144).")
    int snapLength;

    @Option(names = {"-p", "--no-promiscuous-mode"}, description = "Do not put the interface in promiscuous mode.")
    boolean noPromiscuous;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "KiB", description = "Kernel capture buffer in KiB (default 65536: "
            + "libpcap's 2 MiB loses frames during JVM warm-up).")
    Integer bufferKiB;

    @Option(names = "--immediate", description = "Deliver every frame at once instead of in blocks (lower latency, more CPU).")
    boolean immediate;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "Write frames to a pcap file instead of printing them ('-': to stdout, as tcpdump -w -).")
    Path writeTo;

    @Option(names = {"-U", "--packet-buffered"}, description = "With -w, flush the file after every frame.")
    boolean flushEach;

    @Option(names = {"-C", "--file-size"}, paramLabel = "MB", description = "With -w, start a new file before one would exceed "
            + "MB x 1,000,000 bytes: FILE, FILE1, FILE2, ... (tcpdump -C).")
    Long fileSizeMb;

    @Option(names = {"-W", "--file-count"}, paramLabel = "N", description = "With -C, keep a ring of N files FILE0..FILE(N-1); "
            + "with -G alone, stop after N files (exit 0).")
    Integer fileCount;

    @Option(names = {"-G", "--rotate-seconds"}, paramLabel = "DURATION", converter = Durations.class,
            description = "With -w, start a new file every DURATION (a bare number is seconds, as tcpdump -G; 10m, 1h) "
            + "(at the first frame of each period); a %% in FILE makes it a strftime pattern in UTC (%%Y%%m%%d-%%H%%M%%S), "
            + "else the files are numbered FILE, FILE1, ...")
    Long rotateNanos;

    @Option(names = "--print", description = "With -w, print the frames as well.")
    boolean alsoPrint;

    @Option(names = {"-v", "--layers"}, description = "Print every OSI layer of each frame.")
    boolean layers;

    @Option(names = "--json", description = "One JSON object per frame (JSON Lines, as read --json).")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print no frames, only the statistics at the end.")
    boolean quiet;

    @Option(names = "-t", description = "Timestamp format as tcpdump (-t, -tt, -ttt, -tttt, -ttttt); default time of day in the local zone (TZ), as tcpdump.")
    boolean[] timeFormat = new boolean[0];

    @Option(names = "--nano", description = "Nanosecond timestamps in the output and the -w file.")
    boolean nano;

    @Option(names = "--utc", description = "Print times of day and dates in UTC instead of the local zone.")
    boolean utc;

    @Option(names = "--all-layers", description = "With -v, list the OSI layers L5 to L7 even when the frame has "
            + "nothing there (shown as —).")
    boolean allLayers;

    @Option(names = {"-#", "--number"}, description = "Print the frame number at the start of each line.")
    boolean number;

    @Option(names = "--analyze", description = "Run the ARP, broadcast and MAC-table analyzers instead of printing frames: "
            + "events as they happen, a table every --interval (redrawn in place on a terminal), and at the end "
            + "the report of 'netlab analyze' (with --json: events as JSON Lines, then the report as one line).")
    boolean analyze;

    @Option(names = "--top", paramLabel = "N", description = "With --analyze, rows per table of the final text report "
            + "(default: 5) and in its JSON top_talkers lists (default: 10), as analyze --top.")
    Integer top;

    @Mixin
    AnalyzerOptions options;

    @Option(names = {"-Z", "--relinquish-privileges"}, paramLabel = "USER", description = "After opening the interface, "
            + "become USER before creating files (default: $SUDO_USER when run through sudo; 'root' keeps root).")
    String user;

    private final PacketView view = new PacketView();
    private long captured;

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LiveHandle capture = open();
        try (capture;
             JsonGenerator g = json && showFrames() ? Json.compact(out) : null) {
            // tcpdump -Z: the handle is open; the -w files are created after this, as the user.
            PrivilegeDrop.apply(platform.accounts(), user, System.getenv("SUDO_USER"), err);
            err.println("netlab: listening on " + Messages.text(capture.device()) + ", link-type " + capture.linkType()
                    + ", snapshot length " + capture.snapLength() + " bytes");
            err.flush();
            int code = run(capture, out, g);
            CaptureStatsReport.tcpdump(err, captured, capture.stats());
            return code;
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.flush();
        }
    }

    private void validate() {
        if (filter != null && filterWords != null) {
            throw usage("give the filter either with -f or as trailing words, not both");
        }
        OptionCheck check = new OptionCheck("capture");
        check.count("-c", count);
        check.duration("--duration", durationNanos, 1_000L, Long.MAX_VALUE);
        check.range("-s", snapLength, 0, 262_144);
        check.range("-B", bufferKiB, 1, Integer.MAX_VALUE / 1024);
        check.range("--top", top, 0, Integer.MAX_VALUE);
        if ((fileSizeMb != null || fileCount != null || flushEach || rotateNanos != null) && writeTo == null) {
            throw usage("-C, -G, -W and -U need -w FILE");
        }
        if (fileCount != null && fileSizeMb == null && rotateNanos == null) {
            throw usage("-W needs -C or -G");
        }
        if (PcapOutput.isStdout(writeTo) && (alsoPrint || analyze || fileSizeMb != null || rotateNanos != null)) {
            throw usage("-w - (pcap to stdout) cannot be combined with --print, --analyze, -C or -G");
        }
        check.count("-C", fileSizeMb);
        check.count("-W", fileCount);
        check.duration("-G", rotateNanos, 1_000_000_000L, Long.MAX_VALUE);
        options.validate(check);
    }

    private NetlabException usage(String why) {
        return new OptionCheck("capture").usage(why);
    }

    private LiveHandle open() {
        try {
            NetInterface ni = platform.findInterface(iface);
            LiveOptions o = LiveOptions.defaults(ni.name())
                    .withSnapLength(snapLength == 0 ? LiveOptions.DEFAULT_SNAPLEN : snapLength)
                    .withPromiscuous(!noPromiscuous).withImmediate(immediate)
                    .withBuffer(bufferKiB == null ? LiveOptions.DEFAULT_BUFFER : (int) Math.min(Integer.MAX_VALUE, bufferKiB * 1024L))
                    .withFilter(filter != null ? filter : filterWords == null ? null : String.join(" ", filterWords));
            return platform.open(o);
        } catch (LiveException e) {
            throw LiveErrors.of(e);
        }
    }

    private boolean showFrames() {
        return !quiet && !analyze && (writeTo == null || alsoPrint);
    }

    private int run(LiveHandle capture, PrintWriter out, JsonGenerator g) throws LiveException {
        TimeFormat time = new TimeFormat(timeFormat.length, nano, TimeFormat.zone(utc));
        boolean show = showFrames();
        long limit = fileSizeMb == null ? 0 : fileSizeMb * 1_000_000L;
        LiveAnalysis live = analyze ? new LiveAnalysis(options, out, json, System.console() != null, Messages.text(capture.device())) : null;
        try (RotatingPcap pcap = writeTo == null ? null
                : new RotatingPcap(writeTo, nano, limit, fileCount == null ? 0 : fileCount, flushEach,
                        rotateNanos == null ? 0 : rotateNanos, fileCount == null ? 0 : fileCount);
             LiveSession session = new LiveSession(capture, "netlab-duration")) {
            session.trapSignals();
            if (pcap != null) {
                pcap.open(capture.linkType(), capture.snapLength());
            }
            session.stopAfter(durationNanos);
            if (live != null) {
                // A table that cannot be written (stdout gone) stops the capture, and the loop rethrows it.
                session.every(options.intervalNanos, options.intervalNanos, live::refresh);
            }
            session.loop(f -> accept(f, pcap, show, out, g, time, live));
            if (live != null) {
                session.stopTimer();
                live.finish(top);
            }
            return session.signalExitCode();
        }
    }

    /** Writes first, then counts, so every frame counted as captured is in the file. */
    private boolean accept(Frame f, RotatingPcap pcap, boolean show, PrintWriter out, JsonGenerator g, TimeFormat time,
                           LiveAnalysis live) {
        if (count != null && captured >= count) {
            return false;
        }
        if (pcap != null && !pcap.write(f)) {
            return false;
        }
        captured++;
        if (live != null) {
            live.offer(f);
        }
        if (show) {
            print(f, out, g, time);
        }
        return count == null || captured < count;
    }

    private void print(Frame f, PrintWriter out, JsonGenerator g, TimeFormat time) {
        Decoder.decode(f, view);
        try {
            if (g != null) {
                FrameJson.write(g, captured, f, view, FrameDetails.layers(f, view));
                g.flush();
                out.println();
            } else {
                out.println((number ? captured + "  " : "") + time.format(f.timestampNanos()) + FrameSummary.line(f, view));
                if (layers) {
                    FrameText.layers(out, captured, f, FrameDetails.layers(f, view), allLayers);
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
