package netlab.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/** JSON generators over a command's output; the stream is left open for the command to flush. */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }

    /** Indented output for one document. */
    public static JsonGenerator pretty(Writer out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).useDefaultPrettyPrinter();
    }

    /** Compact output for JSON Lines (the caller writes the newline). */
    public static JsonGenerator compact(Writer out) throws IOException {
        JsonGenerator g = FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // JSON Lines: no space between root values (jackson's default); the caller ends each line.
        g.setRootValueSeparator(null);
        return g;
    }
}
