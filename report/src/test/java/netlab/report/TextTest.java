package netlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The text report's building blocks: plurals, elision, aligned tables that never collide, wrapping, cuts. */
class TextTest {
    private static String print(Consumer<PrintWriter> p) {
        StringWriter s = new StringWriter();
        PrintWriter w = new PrintWriter(s);
        p.accept(w);
        w.flush();
        return s.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void countsAreSingularForExactlyOne() {
        assertEquals("0 frames", Text.count(0, "frame"));
        assertEquals("1 frame", Text.count(1, "frame"));
        assertEquals("2 frames", Text.count(2, "frame"));
        assertEquals("1 entry", Text.count(1, "entry", "entries"));
        assertEquals("16384 entries", Text.count(16384, "entry", "entries"));
    }

    @Test
    void eventCountsNameEachTypeNotAJavaMap() {
        Map<String, Long> counts = new LinkedHashMap<>();
        assertEquals("none", Text.eventCounts(counts));
        counts.put("ip_conflict", 2L);
        counts.put("unanswered", 10L);
        assertEquals("12 (ip_conflict 2, unanswered 10)", Text.eventCounts(counts));
    }

    @Test
    void longEventCountsWrapUnderTheFirstCount() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            counts.put("event_type_" + i, 100L + i);
        }
        String out = print(w -> Text.printEventCounts(w, "Events:          ", counts));
        String[] lines = out.split("\n");
        assertEquals(3, lines.length, out);
        assertEquals("Events:          1266 (event_type_0 100, event_type_1 101, event_type_2 102, event_type_3 103,"
                + " event_type_4 104,", lines[0]);
        assertEquals("                 event_type_5 105, event_type_6 106, event_type_7 107, event_type_8 108,"
                + " event_type_9 109,", lines[1]);
        assertEquals("                 event_type_10 110, event_type_11 111)", lines[2]);
    }

    @Test
    void elisionEndsInAnEllipsisWithinTheWidth() {
        assertEquals("MICRO-STAR INTERNATIONA…", Text.elide("MICRO-STAR INTERNATIONAL CO., LTD", 24));
        assertEquals("(Unknown: locally admin…", Text.elide("(Unknown: locally administered)", 24));
        assertEquals("Intel Corporate", Text.elide("Intel Corporate", 24));
    }

    @Test
    void aListIsCutToWhatFitsWithTheRestCounted() {
        List<String> macs = List.of("00:00:00:00:00:01", "00:00:00:00:00:02", "00:00:00:00:00:03");
        assertEquals("00:00:00:00:00:01, 00:00:00:00:00:02, 00:00:00:00:00:03", Text.fit(macs, 100));
        assertEquals("00:00:00:00:00:01, 00:00:00:00:00:02 (+1)", Text.fit(macs, 45));
        assertEquals("00:00:00:00:00:01 (+2)", Text.fit(macs, 30));
    }

    @Test
    void columnsTakeTheirWidthFromTheDataAndNumbersAlignRight() {
        TextTable t = new TextTable("MAC", ">frames", "vendor", "IPs").maxWidth(2, 24);
        t.row("00:19:db:2b:57:d7", 2, "MICRO-STAR INTERNATIONAL CO., LTD", "192.168.0.34");
        t.row("00:1f:29:da:2d:79", 1753, "Hewlett Packard", "192.168.1.104");
        assertEquals("""
                  MAC                frames  vendor                    IPs
                  00:19:db:2b:57:d7       2  MICRO-STAR INTERNATIONA…  192.168.0.34
                  00:1f:29:da:2d:79    1753  Hewlett Packard           192.168.1.104
                """, print(w -> t.print(w, "  ")));
    }

    @Test
    void theLastColumnWrapsInFullAndIsCutOnOneLine() {
        String reason = "word ".repeat(40).trim();
        TextTable wrap = new TextTable("", "").row("2026-01-01T00:00:00.000000000Z", reason);
        String wrapped = print(w -> wrap.print(w, "  "));
        assertEquals(3, wrapped.split("\n").length, wrapped);
        for (String l : wrapped.split("\n")) {
            assertEquals(true, l.length() <= Text.WIDTH, l);
        }
        assertEquals(" ".repeat(34) + "word", wrapped.split("\n")[1].substring(0, 38));
        TextTable one = new TextTable("", "").oneLine(true).row("2026-01-01T00:00:00.000000000Z", reason);
        String cut = print(w -> one.print(w, "  "));
        assertEquals(1, cut.split("\n").length, cut);
        assertEquals(Text.WIDTH - 1, cut.trim().length() + 2, "the space before the ellipsis is dropped");
        assertEquals(true, cut.trim().endsWith("word…"), cut);
    }

    @Test
    void aCutTableSaysHowManyRowsAreLeftOut() {
        assertEquals("  ... and 221 more (--full, or --json)\n", print(w -> Text.more(w, "  ", 221)));
        assertEquals("", print(w -> Text.more(w, "  ", 0)));
    }
}
