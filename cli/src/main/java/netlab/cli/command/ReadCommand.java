package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.FrameDetails;
import netlab.capture.decode.FrameSummary;
import netlab.capture.decode.PacketView;
import netlab.capture.live.Platform;
import netlab.cli.io.CaptureInput;
import netlab.cli.io.PcapOutput;
import netlab.cli.report.TimeFormat;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import netlab.report.FrameJson;
import netlab.report.FrameText;
import netlab.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab read}: one line per frame like {@code tcpdump -n -e -r}, or every OSI layer, or JSON Lines. */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the frames of a capture file: one line each like tcpdump -n -e, every OSI layer "
                + "with -v, hex with -x, or JSON Lines with --json.")
public final class ReadCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public ReadCommand(Platform platform) {
        this.platform = platform;
    }


    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "pcap or pcapng file ('-' for stdin).")
    String file;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N frames (after the filter).")
    Long count;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "Only frames matching this pcap-filter expression (needs libpcap).")
    String filter;

    @Option(names = {"-v", "--layers"}, description = "Print every OSI layer, L1 to L7, with its fields.")
    boolean layers;

    @Option(names = "-x", description = "Print each frame's bytes in hex after its link-layer header, as tcpdump -x; "
            + "-xx from the first byte, as tcpdump -xx.")
    boolean[] hex = new boolean[0];

    @Option(names = "-X", description = "As -x with ASCII beside the hex, as tcpdump -X; -XX from the first byte.")
    boolean[] hexAscii = new boolean[0];

    @Option(names = "--json", description = "One JSON object per frame (JSON Lines; schema in the README).")
    boolean json;

    @Option(names = "-t", description = "Timestamp format, as tcpdump: -t none, -tt epoch seconds, -ttt delta "
            + "from the previous frame, -tttt date and time, -ttttt delta from the first frame. Default: time of day "
            + "in the local zone (TZ), as tcpdump; --utc for UTC.")
    boolean[] timeFormat = new boolean[0];

    @Option(names = "--utc", description = "Print times of day and dates in UTC instead of the local zone.")
    boolean utc;

    @Option(names = "--nano", description = "Print timestamps with nanosecond digits.")
    boolean nano;

    @Option(names = "--all-layers", description = "With -v, list the OSI layers L5 to L7 even when the frame has "
            + "nothing there (shown as —).")
    boolean allLayers;

    @Option(names = {"-w", "--write"}, paramLabel = "FILE", description = "Write the frames (after -f and -c) "
            + "to a classic pcap file instead of printing them, like tcpdump -r IN -w OUT; --nano writes a "
            + "nanosecond pcap; '-' writes it to stdout.")
    Path writeTo;

    @Option(names = "--print", description = "With -w, print the frames as well.")
    boolean alsoPrint;

    @Option(names = {"-#", "--number"}, description = "Print the frame number at the start of each line.")
    boolean number;

    @Override
    public Integer call() {
        new OptionCheck("read").count("-c", count);
        PrintWriter out = spec.commandLine().getOut();
        if (alsoPrint && PcapOutput.isStdout(writeTo)) {
            throw new NetlabException(ExitCode.USAGE, "read", "--print cannot share stdout with -w -",
                    "see 'netlab read --help'");
        }
        if (writeTo != null && !PcapOutput.isStdout(writeTo)) {
            PcapOutput.refuseInput(writeTo, file);
        }
        TimeFormat time = new TimeFormat(timeFormat.length, nano, TimeFormat.zone(utc));
        PacketView view = new PacketView();
        boolean show = writeTo == null || alsoPrint;
        try (JsonGenerator g = json && show ? Json.compact(out) : null;
             PcapOutput pcap = writeTo == null ? null : new PcapOutput(writeTo, nano, spec.commandLine().getErr())) {
            CaptureInput.read(platform, file, filter, new CaptureInput.FrameConsumer() {
                long done;

                @Override
                public void begin(LinkType linkType, int snapLength) {
                    if (pcap != null) {
                        pcap.open(linkType, snapLength);
                    }
                }

                @Override
                public boolean accept(long n, Frame f) {
                    if (pcap != null) {
                        pcap.write(n, f);
                    }
                    if (show) {
                        Decoder.decode(f, view);
                        print(out, g, time, n, f, view);
                    }
                    done++;
                    return count == null || done < count;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.flush();
        }
        return ExitCode.OK;
    }

    private void print(PrintWriter out, JsonGenerator g, TimeFormat time, long n, Frame f, PacketView view) {
        try {
            if (g != null) {
                FrameJson.write(g, n, f, view, FrameDetails.layers(f, view));
                g.flush();
                out.println();
                return;
            }
            String prefix = number ? n + "  " : "";
            out.println(prefix + time.format(f.timestampNanos()) + FrameSummary.line(f, view));
            if (layers) {
                FrameText.layers(out, n, f, FrameDetails.layers(f, view), allLayers);
            }
            if (hex.length + hexAscii.length > 0) {
                FrameText.hexDump(out, f, view, hex.length > 1 || hexAscii.length > 1, hexAscii.length > 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
