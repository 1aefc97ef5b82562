package netlab.report.html;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The pages' parts and how each is made safe to inline: templates, styles and scripts from the classpath,
 * ECharts from its WebJar (a Maven dependency, never a copy in the sources), JSON with {@code <}, {@code >}
 * and {@code &} escaped so no string in the data can close its script element, and text for HTML.
 */
public final class WebAssets {
    private static final String BASE = "/netlab/html/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final Pattern SCRIPT_END = Pattern.compile("</(script)", Pattern.CASE_INSENSITIVE);
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HtmlSafe ESCAPES = new HtmlSafe();
    private static volatile String echarts;

    private WebAssets() {
    }

    /** A compact JSON generator whose output can stand inside a {@code <script>} element. */
    public static JsonGenerator json(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out);
        g.setCharacterEscapes(ESCAPES);
        return g;
    }

    /** A text resource of the pages (UTF-8). */
    public static String resource(String name) {
        return read(BASE + name);
    }

    /** ECharts' minified build from the WebJar on the classpath, safe to inline in a script element. */
    public static String echarts() {
        String e = echarts;
        if (e == null) {
            Properties p = new Properties();
            try (InputStream in = WebAssets.class.getResourceAsStream(WEBJAR_POM)) {
                if (in == null) {
                    throw new IllegalStateException("ECharts WebJar not on the classpath (" + WEBJAR_POM + ")");
                }
                p.load(in);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
            String path = "/META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
            e = SCRIPT_END.matcher(read(path)).replaceAll("<\\\\/$1");
            echarts = e;
        }
        return e;
    }

    /** {@code s} with HTML's special characters escaped, for element text and attribute values. */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String read(String path) {
        try (InputStream in = WebAssets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON escapes plus {@code < > &} as {@code \\u00XX}, so {@code </script>} cannot appear in the data. */
    private static final class HtmlSafe extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafe() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
