package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT/SIGTERM during a long {@code analyze} in a child JVM: the partial report is printed, marked as
 * interrupted, and the exit code is 130/143.
 *
 * <p>The capture streams through the child's standard input, so the test knows without any clock that the
 * child is inside its frame loop (where the signal handler is installed): once more than a pipe's buffer of
 * frames has been written, the child must have read them. The signal is sent then, and frames keep coming
 * until the child stops reading; if it never did, the stream would end and the child exit 0, failing the test.
 */
class AnalyzeSignalTest {
    /** 40 000 records of 116 bytes: 4.6 MB, far more than a pipe's buffer plus the reader's 1 MiB chunk. */
    private static final int BEFORE_SIGNAL = 40_000;
    private static final int MAX_FRAMES = 5_000_000;
    private static final Pattern LINE = Pattern.compile(
            "netlab: analyze: interrupted by (SIG[A-Z]+) after (\\d+) frames; the report covers them\n");

    @TempDir
    Path dir;

    /** What the child printed, and how many frames the test managed to write before it stopped reading. */
    private record Outcome(int code, String out, String err, long written) {
    }

    private Outcome analyzeAndSignal(String signal, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "netlab.cli.Main", "analyze"));
        cmd.addAll(List.of(options));
        cmd.add("-");
        Process p = new ProcessBuilder(NamespaceLab.withDefaultSigint(cmd)).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        long written = 0;
        try (OutputStream stdin = new BufferedOutputStream(p.getOutputStream(), 1 << 16);
             PcapWriter w = new PcapWriter(stdin, LinkType.ETHERNET, 65535, Precision.MICRO)) {
            for (; written < MAX_FRAMES; written++) {
                if (written == BEFORE_SIGNAL) {
                    w.flush();
                    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
                    assertEquals(0, kill.waitFor());
                }
                w.write(Frame.of(WriteFailureTest.frame((int) (written & 0xffff)),
                        1_700_000_000_000_000_000L + written * 1000L, LinkType.ETHERNET));
            }
        } catch (IOException e) {
            // Broken pipe: the child stopped reading, as the signal asked.
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        return new Outcome(p.exitValue(), Files.readString(dir.resolve("out.txt")),
                Files.readString(dir.resolve("err.txt")), written);
    }

    /** The frame count from the interruption line, checked against what was written. */
    private static long interruptedAfter(Outcome o, String signal) {
        Matcher m = LINE.matcher(o.err);
        assertTrue(m.matches(), o.err);
        assertEquals(signal, m.group(1));
        long n = Long.parseLong(m.group(2));
        assertTrue(n > 0 && n <= o.written && o.written < MAX_FRAMES,
                n + " frames analyzed, " + o.written + " written");
        return n;
    }

    @Test
    void sigintPrintsThePartialReportWithANoteAndExits130() throws Exception {
        Outcome o = analyzeAndSignal("INT");
        assertEquals(ExitCode.SIGINT, o.code, o.err);
        long n = interruptedAfter(o, "SIGINT");
        assertTrue(o.out.startsWith("== Summary\nFrames:          " + n + ", "), o.out);
        assertTrue(o.out.contains("\n== Events"), o.out);
    }

    @Test
    void sigtermMarksTheJsonReportIncompleteAndExits143() throws Exception {
        Outcome o = analyzeAndSignal("TERM", "--json");
        assertEquals(ExitCode.SIGTERM, o.code, o.err);
        long n = interruptedAfter(o, "SIGTERM");
        JsonNode doc = new ObjectMapper().readTree(o.out);
        assertFalse(doc.get("complete").asBoolean());
        assertEquals("SIGTERM", doc.get("interrupted").asText());
        assertEquals(n, doc.get("frames").asLong());
        assertEquals(n, doc.get("files").get(0).get("frames").asLong());
        assertTrue(doc.get("files").get(0).get("error").isNull());
    }
}
