package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Byte-identical output of {@code read}, {@code read -v}, {@code read --json}, {@code analyze} and
 * {@code analyze --json} on every bundled capture (every .pcap and .pcapng under sample-pcaps/), and of
 * {@code analyze --full} and {@code analyze --series} on a few, against the
 * golden files in {@code cli/src/test/resources/golden}: each holds the exit code and stderr as {@code #}
 * lines, then stdout. They pin behaviour across refactoring (issue 12).
 *
 * <p>When output changes on purpose, regenerate them with one command from the repository root,
 * {@code scripts/update-goldens.sh}, and review the diff ({@code git diff cli/src/test/resources/golden}).
 */
class GoldenOutputTest {
    /** Command name in the golden file's name, then the arguments before the capture path. */
    private static final String[][] COMMANDS = {
        {"read", "read"},
        {"read-v", "read", "-v"},
        {"read-json", "read", "--json"},
        {"analyze", "analyze"},
        {"analyze-json", "analyze", "--json"},
    };
    /** Commands pinned on a few captures only: the complete report, and the time series. */
    private static final String[] FULL = {"analyze-full", "analyze", "--full"};
    private static final String[] SERIES = {"analyze-series", "analyze", "--series"};
    /** ARP events of every kind, VLANs, an ARP burst with unanswered requests. */
    private static final List<String> FULL_CAPTURES = List.of("sample-pcaps/arp-spoof.pcap", "sample-pcaps/vlan.pcap",
            "sample-pcaps/arp-burst.pcap");
    /** Seconds, a 1.5 s flood, and a 3-hour capture whose intervals are summed to fit 100 rows. */
    private static final List<String> SERIES_CAPTURES = List.of("sample-pcaps/arp-spoof.pcap",
            "sample-pcaps/mac-flood.pcap", "sample-pcaps/public/tcpdump/arp-oobr.pcap");
    private static final boolean UPDATE = Boolean.getBoolean("netlab.golden.update");

    static Path goldenDir() {
        return Run.root().resolve("cli/src/test/resources/golden");
    }

    /** Every capture under sample-pcaps/ (public/ included), as a path from the repository root, sorted. */
    static List<String> captures() throws IOException {
        Path root = Run.root();
        try (Stream<Path> s = Files.walk(root.resolve("sample-pcaps"))) {
            return s.filter(p -> p.toString().endsWith(".pcap") || p.toString().endsWith(".pcapng"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> outputIsByteIdenticalToTheGoldenFiles() throws IOException {
        List<String> captures = captures();
        assertTrue(captures.size() >= 40, "captures found: " + captures.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (String capture : captures) {
            List<String[]> commands = new ArrayList<>(List.of(COMMANDS));
            if (FULL_CAPTURES.contains(capture)) {
                commands.add(FULL);
            }
            if (SERIES_CAPTURES.contains(capture)) {
                commands.add(SERIES);
            }
            for (String[] command : commands) {
                String name = capture.substring("sample-pcaps/".length()).replace("/", "__") + "." + command[0];
                tests.add(DynamicTest.dynamicTest(name, () -> check(capture, command, goldenDir().resolve(name + ".txt"))));
            }
        }
        return tests.stream();
    }

    private static void check(String capture, String[] command, Path golden) throws IOException {
        String[] args = new String[command.length];
        System.arraycopy(command, 1, args, 0, command.length - 1);
        args[args.length - 1] = Run.root().resolve(capture).toString();
        String actual = render(Run.of(args));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(golden), golden + " missing: run scripts/update-goldens.sh");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, golden.toString());
    }

    /** Exit code and stderr as comment lines, then stdout; the repository root is cut from paths. */
    private static String render(Run r) {
        String root = Run.root().toString() + "/";
        StringBuilder sb = new StringBuilder("# exit ").append(r.code()).append('\n');
        for (String line : r.err().split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("# stderr: ").append(line).append('\n');
            }
        }
        return sb.append(r.out()).toString().replace(root, "");
    }
}
