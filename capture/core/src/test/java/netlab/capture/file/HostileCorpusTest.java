package netlab.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netlab.capture.CaptureFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile capture corpus ({@code src/test/resources/hostile/}, written by its {@code generate.py}):
 * each file gives exactly the outcome its row in {@code EXPECTED.tsv} documents, frames before the
 * damage included. The timeout is a hang guard, not a performance assertion.
 */
class HostileCorpusTest {

    /** One manifest row; {@code offset} is -1 where the file reads cleanly. */
    record Row(String file, int frames, String outcome, long offset, int exit, String why) {
        static Row parse(String line) {
            String[] c = line.split("\t", -1);
            return new Row(c[0], Integer.parseInt(c[1]), c[2], c[3].equals("-") ? -1 : Long.parseLong(c[3]),
                    Integer.parseInt(c[4]), c[5]);
        }

        @Override
        public String toString() {
            return file + " (" + why + ")";
        }
    }

    static List<Row> corpus() throws IOException {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/hostile/EXPECTED.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(l -> !l.isBlank()).map(Row::parse).toList();
        }
    }

    private static byte[] bytes(String file) throws IOException {
        try (InputStream in = HostileCorpusTest.class.getResourceAsStream("/hostile/" + file)) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void eachFileGivesItsDocumentedOutcome(Row row) throws IOException {
        Outcome o = Outcome.of(bytes(row.file()));
        if (row.outcome().equals("OK")) {
            o.clean(row.frames());
        } else {
            o.failed(row.frames(), CaptureFormatException.Kind.valueOf(row.outcome()), row.offset());
        }
    }

    @Test
    void manifestListsEveryCorpusFile() throws IOException {
        Path dir = Path.of(System.getProperty("netlab.root", ".."), "capture/core/src/test/resources/hostile");
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(dir)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.matches(".*\\.pcap(ng)?(\\.gz)?"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = corpus().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(onDisk, listed);
        assertEquals(59, listed.size(), "corpus size (docs/robustness.md quotes it)");
    }
}
