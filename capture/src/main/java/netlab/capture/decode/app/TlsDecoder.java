package netlab.capture.decode.app;

import java.util.List;
import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Placeholder for the TLS decoder written in parallel; replaced at merge. */
public final class TlsDecoder {
    private TlsDecoder() {
    }

    /** Decodes the bytes from {@code off} to {@code end} of {@code data}; offsets in the result are relative to {@code base}. */
    public static Layer decode(byte[] data, int base, int off, int end) {
        return new Layer(6, "tls", "TLS", off - base, Math.max(0, end - off),
                List.of(new Field("length", Math.max(0, end - off))), null);
    }

    /** True when the bytes start with a TLS record header: content type 20..23, version 3.0..3.4. */
    public static boolean looksLikeTls(byte[] data, int off, int end) {
        return end - off >= 5 && data[off] >= 20 && data[off] <= 23 && data[off + 1] == 3 && data[off + 2] >= 0 && data[off + 2] <= 4;
    }
}
