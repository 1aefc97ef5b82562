package netlab.report.html;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Fills a page template: each {@code <!--NETLAB:NAME-->} marker is replaced by a part's text, which must
 * already be safe where the marker stands (see {@link WebAssets}).
 */
final class Page {
    /** One marker's replacement. */
    record Part(String name, String text) {
    }

    private Page() {
    }

    static void write(Writer out, String template, List<Part> parts) throws IOException {
        String page = WebAssets.resource(template);
        int at = 0;
        while (true) {
            int m = page.indexOf("<!--NETLAB:", at);
            if (m < 0) {
                break;
            }
            int end = page.indexOf("-->", m);
            String name = page.substring(m + "<!--NETLAB:".length(), end);
            out.write(page, at, m - at);
            out.write(parts.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no part for marker " + name)).text());
            at = end + 3;
        }
        out.write(page, at, page.length() - at);
    }
}
