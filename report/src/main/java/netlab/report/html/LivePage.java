package netlab.report.html;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The page of {@code watch --web}: ECharts, styles and script inlined; the data comes over /events. */
public final class LivePage {
    private static volatile byte[] page;

    private LivePage() {
    }

    /** The page's HTML (made once: it holds no data). */
    public static byte[] html() {
        byte[] p = page;
        if (p == null) {
            StringWriter out = new StringWriter();
            try {
                Page.write(out, "live.html", List.of(
                        new Page.Part("TITLE", "netlab watch"),
                        new Page.Part("STYLE", WebAssets.resource("netlab.css")),
                        new Page.Part("ECHARTS", WebAssets.echarts()),
                        new Page.Part("COMMON", WebAssets.resource("common.js")),
                        new Page.Part("SCRIPT", WebAssets.resource("live.js"))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            p = out.toString().getBytes(StandardCharsets.UTF_8);
            page = p;
        }
        return p;
    }
}
