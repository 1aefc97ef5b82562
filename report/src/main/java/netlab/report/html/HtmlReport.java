package netlab.report.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * {@code analyze --html}: one self-contained page (ECharts, styles, script and data inlined; nothing is
 * fetched when it opens) drawn from the same analyzers as {@code analyze --json}. The data is one JSON object
 * ({@link ReportData}) in a {@code <script type="application/json">} element; the page's script draws the
 * charts and tables from it. Size: the chart library (about 1 MB) plus capped data, whatever the capture's
 * length.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** Writes the page for {@code in}, titled {@code title}. */
    public static void write(Writer out, ReportInput in, String title) throws IOException {
        StringWriter data = new StringWriter();
        try (JsonGenerator g = WebAssets.json(data)) {
            ReportData.write(g, in);
        }
        Page.write(out, "report.html", List.of(
                new Page.Part("TITLE", WebAssets.text(title)),
                new Page.Part("STYLE", WebAssets.resource("netlab.css")),
                new Page.Part("ECHARTS", WebAssets.echarts()),
                new Page.Part("COMMON", WebAssets.resource("common.js")),
                new Page.Part("SCRIPT", WebAssets.resource("report.js")),
                new Page.Part("DATA", data.toString())));
    }
}
