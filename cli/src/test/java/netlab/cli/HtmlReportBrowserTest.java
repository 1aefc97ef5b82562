package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code analyze --html} in a real browser: the page for every bundled scenario capture opens in headless
 * Chromium with no console error and no network request, every chart paints its canvas, and the figures
 * shown (frames, broadcast peak, IP conflicts, table rows) equal those of {@code analyze --json} on the same
 * file. Screenshots go to {@code cli/target/screenshots/}.
 */
class HtmlReportBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Canvas pixels (of about 300,000) a chart must paint: axes and labels alone paint thousands. */
    private static final int MIN_PAINTED = 1000;
    private static Chromium browser;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start(List.of(), 1400, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static Stream<String> scenarios() throws Exception {
        try (Stream<Path> files = Files.list(Run.root().resolve("sample-pcaps"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap") || n.endsWith(".pcapng"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void reportOpensWithoutErrorsAndShowsTheJsonFigures(String capture) throws Exception {
        JsonNode report = JSON.readTree(Run.of("analyze", "--json", Run.sample(capture)).out());
        Path page = dir.resolve(capture + ".html");
        Run html = Run.of("analyze", "--html", page.toString(), Run.sample(capture));
        assertTrue(html.code() == 0 || html.code() == ExitCode.DAMAGED_CAPTURE, html.err());
        assertEquals("", html.out(), "the text report is replaced by the page");
        JsonNode shown = open(page);
        assertEquals(report.get("frames").asLong(), shown.get("frames").asLong(), capture);
        assertEquals(report.path("broadcast").path("peaks").path("broadcast_fps").asDouble(),
                shown.get("broadcastPeak").asDouble(), 1e-9, capture);
        assertEquals(report.path("event_counts").path("ip_conflict").asLong(0), shown.get("conflicts").asLong(), capture);
        assertEquals(Math.min(1000, report.get("mac_table").size()), shown.get("stationRows").asInt(), capture);
        java.util.Map<String, Integer> perType = new java.util.HashMap<>();
        report.get("events").forEach(e -> perType.merge(e.get("type").asText(), 1, Integer::sum));
        assertEquals(perType.values().stream().mapToInt(n -> Math.min(200, n)).sum(), shown.get("eventRows").asInt(),
                capture);
        if (capture.equals("arp-spoof.pcap") || capture.equals("arp-burst.pcap")) {
            browser.screenshot(Path.of("target", "screenshots", "report-" + capture.replace(".pcap", "") + ".png"), 1400);
        }
    }

    @Test
    void pageIsSelfContained() throws Exception {
        Path page = dir.resolve("mixed.html");
        Run.of("analyze", "--html", page.toString(), Run.sample("mixed-session.pcap"));
        String text = Files.readString(page);
        assertTrue(text.contains("echarts"), "the chart library is inlined");
        assertTrue(!text.contains("<script src") && !text.contains("<link"), "no external script or style");
        open(page);
    }

    /** Opens a page and returns the figures it shows, after checking errors, requests and charts. */
    private static JsonNode open(Path page) throws Exception {
        browser.errors.clear();
        browser.requests.clear();
        browser.navigate(page.toUri().toString());
        browser.waitFor("document.body.getAttribute('data-ready') === '1'");
        JsonNode charts = browser.eval("Array.prototype.map.call(document.querySelectorAll('.chart'), function (d) {"
                + " var c = d.querySelector('canvas'); if (!c) { return [d.id, 0]; }"
                + " var x = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                + " for (var i = 3; i < x.length; i += 4) { if (x[i] > 0) { n++; } } return [d.id, n]; })");
        assertEquals(7, charts.size(), charts.toString());
        for (JsonNode c : charts) {
            assertTrue(c.get(1).asInt() > MIN_PAINTED, page + ": chart " + c.get(0).asText() + " painted "
                    + c.get(1).asInt() + " pixels");
        }
        assertEquals(List.of(), browser.errors, page.toString());
        assertEquals(List.of(page.toUri().toString()), browser.requests, "the page fetches nothing");
        return browser.eval("(function () { function v(f) { return Number(document.querySelector("
                + "'[data-figure=\"' + f + '\"] .value').getAttribute('data-value')); }"
                + " return { frames: v('frames'), broadcastPeak: v('broadcast-peak'), conflicts: v('ip-conflicts'),"
                + " stationRows: document.querySelectorAll('#table-stations tbody tr').length,"
                + " eventRows: document.querySelectorAll('#table-events tbody tr').length }; })()");
    }
}
