package netlab.capture.decode.app;

import java.util.List;
import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Placeholder for the HTTP decoder written in parallel; replaced at merge. */
public final class HttpDecoder {
    private static final String[] STARTS =
            {"GET ", "POST ", "HEAD ", "PUT ", "DELETE ", "OPTIONS ", "CONNECT ", "TRACE ", "PATCH ", "HTTP/1."};

    private HttpDecoder() {
    }

    /** Decodes the bytes from {@code off} to {@code end} of {@code data}; offsets in the result are relative to {@code base}. */
    public static Layer decode(byte[] data, int base, int off, int end) {
        return new Layer(7, "http", "HTTP", off - base, Math.max(0, end - off),
                List.of(new Field("length", Math.max(0, end - off))), null);
    }

    /** True when the bytes start like an HTTP/1.x request line or status line. */
    public static boolean looksLikeHttp(byte[] data, int off, int end) {
        for (String s : STARTS) {
            if (end - off >= s.length()) {
                boolean match = true;
                for (int i = 0; i < s.length() && match; i++) {
                    match = data[off + i] == s.charAt(i);
                }
                if (match) {
                    return true;
                }
            }
        }
        return false;
    }
}
