package netlab.capture.decode.app;

import java.util.List;

import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Shows an undecoded payload as its length plus a hex and ASCII preview of its first bytes. */
public final class PayloadPreview {
    /** Bytes shown in the preview; enough to recognise a protocol by eye without flooding the output. */
    static final int PREVIEW = 64;

    private PayloadPreview() {
    }

    /** Decodes {@code data[off..end)} as opaque data; offsets in the result are relative to {@code base}. */
    public static Layer decode(byte[] data, int base, int off, int end) {
        int len = Math.max(0, end - off);
        int shown = Math.min(len, PREVIEW);
        List<Field> fields = List.of(
                new Field("length", len),
                new Field("hex", Bytes.hex(data, off, shown)),
                new Field("ascii", Bytes.dots(data, off, shown)));
        return new Layer(7, "data", "Data", off - base, len, fields, null);
    }
}
