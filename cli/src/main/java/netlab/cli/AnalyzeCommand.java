package netlab.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.analyzers.Analysis;
import netlab.analyzers.Json;
import netlab.analyzers.ProtocolHierarchy;
import netlab.analyzers.TrafficSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab analyze}: one report over one or more capture files. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarise captures: frames, bytes, time span, protocol hierarchy (like tshark -z io,phs), "
                + "unicast/broadcast/multicast split, top talkers, decode failures.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "pcap or pcapng files ('-' for stdin), read in order.")
    List<String> files;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF", description = "Only frames matching this pcap-filter expression (needs libpcap).")
    String filter;

    @Option(names = "--json", description = "Print one JSON document (schema in the README).")
    boolean json;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Rows in the top-talker tables (default: ${DEFAULT-VALUE}).")
    int top;

    /** One input's outcome, for the report and the exit code. */
    private record FileResult(String path, long frames, NetlabException error) {
    }

    @Override
    public Integer call() throws IOException {
        TrafficSummary summary = new TrafficSummary();
        ProtocolHierarchy hierarchy = new ProtocolHierarchy();
        Analysis analysis = new Analysis(List.of(summary, hierarchy));
        List<FileResult> results = new ArrayList<>();
        for (String path : files) {
            long before = summary.frames();
            NetlabException error = null;
            try {
                CaptureInput.read(path, filter, (n, f) -> {
                    analysis.offer(f);
                    return true;
                });
            } catch (NetlabException e) {
                if (e.exitCode() == ExitCode.BAD_FILTER || e.exitCode() == ExitCode.NO_LIBPCAP) {
                    throw e;
                }
                error = e;
            }
            results.add(new FileResult(path, summary.frames() - before, error));
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean anyRead = results.stream().anyMatch(r -> r.error == null || r.error.exitCode() == ExitCode.DAMAGED_CAPTURE);
        if (anyRead) {
            if (json) {
                writeJson(out, results, summary, hierarchy);
            } else {
                printText(out, summary, hierarchy);
            }
        }
        out.flush();
        int code = ExitCode.OK;
        PrintWriter err = spec.commandLine().getErr();
        for (FileResult r : results) {
            if (r.error != null) {
                err.println(r.error.line());
                code = Math.max(code, r.error.exitCode());
            }
        }
        err.flush();
        return code;
    }

    private void writeJson(PrintWriter out, List<FileResult> results, TrafficSummary summary,
                           ProtocolHierarchy hierarchy) throws IOException {
        try (JsonGenerator g = Json.pretty(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("files");
            for (FileResult r : results) {
                g.writeStartObject();
                g.writeStringField("path", r.path);
                g.writeNumberField("frames", r.frames);
                if (r.error == null) {
                    g.writeNullField("error");
                } else {
                    g.writeStringField("error", r.error.line());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeBooleanField("complete", results.stream().allMatch(r -> r.error == null));
            summary.writeJson(g, top);
            hierarchy.writeJson(g);
            g.writeEndObject();
        }
        out.println();
    }

    private void printText(PrintWriter out, TrafficSummary summary, ProtocolHierarchy hierarchy) {
        out.println("== Summary");
        summary.printText(out);
        out.println();
        out.println("== Protocol hierarchy (frames per protocol path, like tshark -z io,phs)");
        hierarchy.printText(out);
        out.println();
        out.println("== Top talkers by source MAC");
        for (TrafficSummary.Talker t : summary.topMacs(top)) {
            out.printf("  %-20s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
        out.println();
        out.println("== Top talkers by source IP");
        for (TrafficSummary.Talker t : summary.topIps(top)) {
            out.printf("  %-40s frames %-9d bytes %d%n", t.address(), t.frames(), t.bytes());
        }
        List<TrafficSummary.FailureCount> failures = summary.failureReasons();
        if (!failures.isEmpty()) {
            out.println();
            out.println("== Decode failures");
            for (TrafficSummary.FailureCount c : failures) {
                out.printf("  %-8s L%d  %-40s frames %-7d first: frame %d at offset %d%n", c.protocol(),
                        c.osiLayer(), c.reason(), c.frames(), c.firstFrame(), c.firstOffset());
            }
        }
    }
}
