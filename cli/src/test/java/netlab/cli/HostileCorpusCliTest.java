package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the hostile capture corpus ({@code capture/core/src/test/resources/hostile/}) through
 * {@code netlab read} and {@code netlab analyze --json}: the exit code its {@code EXPECTED.tsv} row gives,
 * the frames before the damage still reported, and on failure exactly one stderr line
 * {@code netlab: <file>: <why> (<hint>)} naming the byte offset, never a stack trace. The timeout is a
 * hang guard, not a performance assertion.
 */
class HostileCorpusCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One manifest row (columns documented in generate.py). */
    record Row(String file, int frames, String outcome, String offset, int exit, String why) {
        @Override
        public String toString() {
            return file + " (" + why + ")";
        }
    }

    static Path dir() {
        return Run.root().resolve("capture/core/src/test/resources/hostile");
    }

    static List<Row> corpus() throws IOException {
        return Files.readAllLines(dir().resolve("EXPECTED.tsv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(c -> new Row(c[0], Integer.parseInt(c[1]), c[2], c[3], Integer.parseInt(c[4]), c[5]))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void read(Row row) {
        String path = dir().resolve(row.file()).toString();
        Run r = Run.of("read", path);
        assertEquals(row.exit(), r.code(), r.err());
        assertDiagnostic(row, path, r.err());
        int lines = r.out().isEmpty() ? 0 : r.out().split("\n", -1).length - 1;
        assertEquals(row.exit() == ExitCode.BAD_CAPTURE ? 0 : row.frames(), lines, "frames printed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void analyzeJson(Row row) throws IOException {
        String path = dir().resolve(row.file()).toString();
        Run r = Run.of("analyze", "--json", path);
        assertEquals(row.exit(), r.code(), r.err());
        assertDiagnostic(row, path, r.err());
        if (row.exit() == ExitCode.BAD_CAPTURE) {
            assertEquals("", r.out(), "nothing was read, so no report");
            return;
        }
        JsonNode report = JSON.readTree(r.out());
        JsonNode file = report.get("files").get(0);
        assertEquals(row.frames(), file.get("frames").asInt(), "frames before the damage");
        assertEquals(row.frames(), report.get("frames").asInt());
        assertEquals(row.exit() == ExitCode.OK, report.get("complete").asBoolean());
        assertEquals(row.exit() == ExitCode.OK, file.get("error").isNull());
    }

    /** The other renderings (layers, hex, JSON Lines, every time format, the text report) keep the same outcome. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void otherRenderings(Row row) {
        String path = dir().resolve(row.file()).toString();
        List<String[]> variants = List.of(new String[] {"read", "-v", "-x", "-#", "-tttt", "--nano", path},
                new String[] {"read", "--json", "-ttt", path}, new String[] {"read", "-ttttt", path},
                new String[] {"read", "-tt", path}, new String[] {"analyze", path});
        for (String[] args : variants) {
            Run r = Run.of(args);
            assertEquals(row.exit(), r.code(), String.join(" ", args) + ": " + r.err());
            assertDiagnostic(row, path, r.err());
        }
    }

    /** No output on success; otherwise one line in the house form, naming the offset, without a stack trace. */
    private static void assertDiagnostic(Row row, String path, String err) {
        if (row.exit() == ExitCode.OK) {
            assertEquals("", err);
            return;
        }
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1, "exactly one line: " + err);
        assertTrue(Pattern.matches("netlab: " + Pattern.quote(path) + ": [^\\n]+ \\([^\\n]+\\)\\n", err), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        if (row.offset().equals("-")) {
            assertTrue(err.contains(": unsupported link type "), err);
        } else {
            assertTrue(err.contains(" at byte offset " + row.offset() + " ("), err);
        }
    }
}
