package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The text report fits a screen (issue 14): {@code analyze} prints at most {@link #MAX_LINES} lines on every
 * bundled capture, and no line of {@code analyze}, {@code analyze --full} or {@code analyze --series} is wider
 * than {@link netlab.report.Text#WIDTH} columns.
 */
class ReportFitsTest {
    static final int MAX_LINES = 60;

    @TestFactory
    Stream<DynamicTest> everyBundledCaptureFitsAScreen() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String capture : GoldenOutputTest.captures()) {
            tests.add(DynamicTest.dynamicTest(capture, () -> {
                String out = Run.of("analyze", Run.root().resolve(capture).toString()).out();
                long lines = out.lines().count();
                assertTrue(lines <= MAX_LINES, capture + ": " + lines + " lines\n" + out);
                fits(capture, out);
                fits(capture + " --full", Run.of("analyze", "--full", Run.root().resolve(capture).toString()).out());
                fits(capture + " --series", Run.of("analyze", "--series", Run.root().resolve(capture).toString()).out());
            }));
        }
        return tests.stream();
    }

    private static void fits(String what, String out) {
        out.lines().forEach(l -> assertTrue(l.codePointCount(0, l.length()) <= netlab.report.Text.WIDTH,
                what + ": " + l.length() + " columns: " + l));
        out.lines().forEach(l -> assertTrue(!l.endsWith(" "), what + ": trailing space: " + l));
    }
}
