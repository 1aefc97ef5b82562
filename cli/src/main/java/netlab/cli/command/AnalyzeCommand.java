package netlab.cli.command;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.timeline.Timeline;
import netlab.capture.file.OutputFiles;
import netlab.capture.live.Platform;
import netlab.cli.io.CaptureInput;
import netlab.cli.io.WriteErrors;
import netlab.cli.live.Signals;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;
import netlab.cli.support.OptionCheck;
import netlab.report.AnalysisReport;
import netlab.report.Json;
import netlab.report.LiveEvents;
import netlab.report.SeriesText;
import netlab.report.Text;
import netlab.report.html.HtmlReport;
import netlab.report.html.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab analyze}: one report over one or more capture files. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarise captures: frames, bytes, time span, protocol hierarchy (like tshark -z io,phs), "
                + "unicast/broadcast/multicast split, top talkers, decode failures, ARP request/reply pairs with "
                + "RTT, unanswered requests, bindings and events (conflicts, spoofing, storms). Ctrl-C or SIGTERM "
                + "stops reading and prints the report on the frames so far (exit 130 / 143).")
public final class AnalyzeCommand implements Callable<Integer> {
    private final Platform platform;

    /** The command on {@code platform}: the machine's own (libpcap), or a fake one in tests. */
    public AnalyzeCommand(Platform platform) {
        this.platform = platform;
    }


    /** Rows of the JSON top_talkers lists without --top. */
    private static final int JSON_TOP = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files ('-' for stdin), read in order.")
    List<String> files;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "Only frames matching this pcap-filter expression (needs libpcap).")
    String filter;

    @Option(names = "--json", description = "Print one JSON document (schema in the README).")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page (charts, "
            + "events, tables; opens offline) to FILE. The text report is then not printed; --json still is.")
    Path html;

    @Option(names = "--top", paramLabel = "N", description = "Rows per table of the text report (default: 5; the "
            + "protocol tree shows twice as many) and in the JSON top_talkers lists (default: 10).")
    Integer top;

    @Option(names = "--full", description = "Print every row of every table, and the tables the default text report "
            + "leaves out (top talkers by source MAC, broadcast sources, all events); --json is always complete.")
    boolean full;

    @Option(names = "--series", description = "Print a time series instead of the report, like tshark -z io,stat: "
            + "per --interval, frames, bytes, broadcast, multicast, ARP requests and replies, and requests left "
            + "unanswered, then the totals. At most " + SeriesText.DEFAULT_ROWS + " rows: on a longer capture each row "
            + "sums 2, 4, 8... intervals, as the heading says (--full: up to " + Timeline.MAX_BUCKETS + " rows).")
    boolean series;

    @Option(names = "--events", description = "Stream events as JSON Lines on stdout as they happen, instead of the report.")
    boolean streamEvents;

    @Option(names = "--fail-on", split = ",", paramLabel = "CONDITION",
            description = "Exit 1 when any of these held: conflict, spoof, storm, flood, unanswered, malformed.")
    EnumSet<FailOn> failOn = EnumSet.noneOf(FailOn.class);

    @Mixin
    AnalyzerOptions options;

    /** One input's outcome, for the report and the exit code. */
    private record FileResult(String path, long frames, NetlabException error) {
    }

    /** Set by SIGINT/SIGTERM: the frame loop stops at the next frame and the report covers the frames so far. */
    private volatile boolean stop;
    /** 130 or 143 once a signal stopped the analysis, else 0. */
    private int signal;

    @Override
    public Integer call() throws IOException {
        OptionCheck check = new OptionCheck("analyze");
        check.range("--top", top, 0, Integer.MAX_VALUE);
        if (series && (json || streamEvents)) {
            throw check.usage("--series is a text table; it excludes " + (json ? "--json" : "--events")
                    + " (the JSON has the broadcast series)");
        }
        options.validate(check);
        PrintWriter out = spec.commandLine().getOut();
        StandardAnalyzers set = options.analyzers(streamEvents ? new LiveEvents(out, true) : EventListener.none(),
                html != null || series);
        List<FileResult> results = new ArrayList<>();
        try (Signals signals = new Signals(() -> stop = true)) {
            for (String path : files) {
                if (stop) {
                    break;
                }
                results.add(analyze(path, set));
            }
            signal = signals.exitCode();
        }
        set.finish();
        boolean anyRead = results.stream().anyMatch(r -> r.error == null || r.error.exitCode() == ExitCode.DAMAGED_CAPTURE);
        if (anyRead && html != null) {
            writeHtml(results, set);
        }
        if (anyRead && !streamEvents) {
            if (json) {
                writeJson(out, results, set);
            } else if (series) {
                SeriesText.print(set.timeline(), out, full ? Timeline.MAX_BUCKETS : SeriesText.DEFAULT_ROWS);
            } else if (html == null) {
                AnalysisReport.printText(set, out, full ? Text.ALL : top != null ? top : Text.DEFAULT_ROWS);
            }
        }
        out.flush();
        return exitCode(results, set);
    }

    private FileResult analyze(String path, StandardAnalyzers set) {
        long before = set.summary().frames();
        NetlabException error = null;
        try {
            CaptureInput.read(platform, path, filter, (n, f) -> {
                if (stop) {
                    return false;
                }
                set.offer(f);
                return true;
            });
        } catch (NetlabException e) {
            if (e.exitCode() == ExitCode.BAD_FILTER || e.exitCode() == ExitCode.NO_LIBPCAP) {
                throw e;
            }
            error = e;
        }
        return new FileResult(path, set.summary().frames() - before, error);
    }

    private String signalName() {
        return signal == ExitCode.SIGINT ? "SIGINT" : signal == ExitCode.SIGTERM ? "SIGTERM" : null;
    }

    private int exitCode(List<FileResult> results, StandardAnalyzers set) {
        int code = ExitCode.OK;
        PrintWriter err = spec.commandLine().getErr();
        for (FileResult r : results) {
            if (r.error != null) {
                err.println(r.error.line());
                code = Math.max(code, r.error.exitCode());
            }
        }
        EnumSet<FailOn> held = EnumSet.noneOf(FailOn.class);
        failOn.stream().filter(f -> f.held(set)).forEach(held::add);
        if (!held.isEmpty()) {
            err.println("netlab: analyze: --fail-on held: " + held.toString().toLowerCase().replaceAll("[\\[\\] ]", ""));
            code = Math.max(code, ExitCode.FINDING);
        }
        if (signal != 0) {
            err.println("netlab: analyze: interrupted by " + signalName() + " after " + set.summary().frames()
                    + " frames; the report covers them");
            code = signal;
        }
        err.flush();
        return code;
    }

    private boolean complete(List<FileResult> results) {
        return signal == 0 && results.stream().allMatch(r -> r.error == null);
    }

    private void writeHtml(List<FileResult> results, StandardAnalyzers set) {
        List<ReportInput.FileEntry> files = results.stream()
                .map(r -> new ReportInput.FileEntry(FileNames.shown(r.path), r.frames, r.error == null ? null : r.error.line())).toList();
        String title = "netlab: " + String.join(", ", files.stream().map(ReportInput.FileEntry::path).toList());
        try (Writer w = new BufferedWriter(new OutputStreamWriter(OutputFiles.create(html), StandardCharsets.UTF_8))) {
            HtmlReport.write(w, new ReportInput(files, complete(results), set), title);
        } catch (IOException e) {
            throw WriteErrors.of(html, e, "check the directory exists, is writable and has space");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("netlab: wrote " + Messages.path(html));
        err.flush();
    }

    private void writeJson(PrintWriter out, List<FileResult> results, StandardAnalyzers set) throws IOException {
        try (JsonGenerator g = Json.pretty(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (FileResult r : results) {
                g.writeStartObject();
                g.writeStringField("path", FileNames.shown(r.path));
                g.writeNumberField("frames", r.frames);
                if (r.error == null) {
                    g.writeNullField("error");
                } else {
                    g.writeStringField("error", r.error.line());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("complete", complete(results));
            g.writeStringField("interrupted", signalName());
            AnalysisReport.writeJson(set, g, top != null ? top : JSON_TOP);
            g.writeEndObject();
        }
        out.println();
    }
}
