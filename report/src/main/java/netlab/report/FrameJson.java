package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import netlab.capture.Frame;
import netlab.capture.Timestamps;
import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.Field;
import netlab.capture.decode.Named;
import netlab.capture.decode.FrameSummary;
import netlab.capture.decode.Layer;
import netlab.capture.decode.PacketView;

/** The JSON object {@code read --json} prints for each frame (schema in the README). */
public final class FrameJson {
    private FrameJson() {
    }

    /** Writes frame {@code number} as one JSON object: summary line, layers and fields, any decode failure. */
    public static void write(JsonGenerator g, long number, Frame f, PacketView v, List<Layer> layers) throws IOException {
        g.writeStartObject();
        g.writeNumberField("number", number);
        g.writeStringField("timestamp", Timestamps.rfc3339(f.timestampNanos()));
        g.writeNumberField("length", f.originalLength());
        g.writeNumberField("captured_length", f.capturedLength());
        g.writeNumberField("interface", f.interfaceIndex());
        g.writeStringField("link_type", f.linkType().name());
        g.writeStringField("protocols", v.path());
        g.writeStringField("summary", FrameSummary.line(f, v));
        g.writeArrayFieldStart("layers");
        for (Layer l : layers) {
            g.writeStartObject();
            g.writeNumberField("osi_layer", l.osiLayer());
            g.writeStringField("protocol", l.protocol());
            g.writeStringField("title", l.title());
            g.writeNumberField("offset", l.offset());
            g.writeNumberField("length", l.length());
            g.writeObjectFieldStart("fields");
            for (Field field : l.fields()) {
                g.writeFieldName(field.name());
                if (field.value() instanceof Named named) {
                    // The number as before, and tshark's name for it beside it (opcode 1, opcode_name "request").
                    value(g, named.value());
                    g.writeFieldName(field.name() + "_name");
                    value(g, named.name());
                    continue;
                }
                value(g, field.value());
            }
            g.writeEndObject();
            failure(g, l.failure());
            g.writeEndObject();
        }
        g.writeEndArray();
        failure(g, v.failure());
        g.writeEndObject();
    }

    private static void failure(JsonGenerator g, DecodeFailure d) throws IOException {
        if (d == null) {
            g.writeNullField("decode_failure");
            return;
        }
        g.writeObjectFieldStart("decode_failure");
        g.writeStringField("protocol", d.protocol());
        g.writeNumberField("layer", d.osiLayer());
        g.writeNumberField("offset", d.offset());
        g.writeStringField("reason", d.reason());
        g.writeEndObject();
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeString(v.toString());
        }
    }
}
