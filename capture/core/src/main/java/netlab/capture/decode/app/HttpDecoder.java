package netlab.capture.decode.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Decodes the start line and header block of an HTTP/1.x message (RFC 9112 §2-§5). */
public final class HttpDecoder {
    /** Header bytes examined at most; real header blocks are far smaller and this bounds the work per frame. */
    static final int LIMIT = 8192;
    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH",
        "CONNECT", "TRACE"};
    private static final String[] KNOWN = {"host", "user-agent", "content-type", "content-length", "server",
        "transfer-encoding", "connection", "location"};

    private HttpDecoder() {
    }

    /** True when the bytes start with a request method and a space, or with {@code HTTP/1.}. */
    public static boolean looksLikeHttp(byte[] data, int off, int end) {
        // Every method and "HTTP/1." starts with a capital letter: most payloads are rejected on one byte
        // (trying each method in turn was a tenth of decoding a realistic mix).
        if (end <= off || data[off] < 'A' || data[off] > 'Z') {
            return false;
        }
        if (startsWith(data, off, end, "HTTP/1.")) {
            return true;
        }
        for (String m : METHODS) {
            if (startsWith(data, off, end, m) && end - off > m.length() && data[off + m.length()] == ' ') {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] d, int off, int end, String s) {
        if (end - off < s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (d[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes {@code data[off..end)}; offsets are relative to {@code base}. Captured data that ends
     * before the blank line gives {@code headers_complete: false}, which is not a failure.
     */
    public static Layer decode(byte[] data, int base, int off, int end) {
        int stop = end - off > LIMIT ? off + LIMIT : end;
        List<Field> fields = new ArrayList<>();
        int eol = lineEnd(data, off, stop);
        DecodeFailure failure = startLine(data, base, off, eol < 0 ? stop : trimCr(data, off, eol), eol >= 0, fields);
        List<Object> headers = new ArrayList<>();
        boolean complete = false;
        int p = eol < 0 ? stop : eol + 1;
        while (failure == null && eol >= 0) {
            eol = lineEnd(data, p, stop);
            if (eol < 0) {
                break;
            }
            int le = trimCr(data, p, eol);
            if (le == p) {
                complete = true;
                p = eol + 1;
                break;
            }
            failure = header(data, base, p, le, headers);
            if (failure == null) {
                p = eol + 1;
            }
        }
        fields.add(new Field("headers", headers));
        for (Object h : headers) {
            List<?> nv = (List<?>) h;
            String key = nv.get(0).toString().toLowerCase(Locale.ROOT);
            for (String k : KNOWN) {
                if (k.equals(key)) {
                    fields.add(new Field(k.replace('-', '_'), known(k, nv.get(1).toString())));
                }
            }
        }
        fields.add(new Field("headers_complete", complete));
        if (complete) {
            fields.add(new Field("body_captured", end - p));
        }
        return new Layer(7, "http", "Hypertext Transfer Protocol", off - base, p - off, fields, failure);
    }

    private static Object known(String key, String value) {
        if (key.equals("content-length") && !value.isEmpty() && value.length() <= 18
                && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(value);
        }
        return value;
    }

    /** Index of the next LF in [p, stop), or -1. */
    private static int lineEnd(byte[] d, int p, int stop) {
        for (int i = p; i < stop; i++) {
            if (d[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** End of the line's content: before a CR that precedes the LF at {@code eol} (bare LF is tolerated). */
    private static int trimCr(byte[] d, int p, int eol) {
        return eol > p && d[eol - 1] == '\r' ? eol - 1 : eol;
    }

    private static int indexOf(byte[] d, int p, int le, char c) {
        for (int i = p; i < le; i++) {
            if (d[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Request line (method SP target SP version) or status line (version SP code SP reason), RFC 9112 §3, §4. */
    private static DecodeFailure startLine(byte[] d, int base, int p, int le, boolean whole, List<Field> out) {
        int s1 = indexOf(d, p, le, ' ');
        int s2 = s1 < 0 ? -1 : indexOf(d, s1 + 1, le, ' ');
        boolean response = startsWith(d, p, le, "HTTP/");
        out.add(new Field("type", response ? "response" : "request"));
        if (response) {
            if (s1 >= 0) {
                out.add(new Field("version", text(d, p, s1)));
                int ce = s2 < 0 ? le : s2;
                if (s2 >= 0 || whole) {
                    if (ce - s1 - 1 != 3 || !digits(d, s1 + 1, ce)) {
                        return new DecodeFailure("http", 7, s1 + 1 - base, "status code is not three digits");
                    }
                    out.add(new Field("status_code", Integer.parseInt(text(d, s1 + 1, ce))));
                }
                if (whole) {
                    out.add(new Field("reason", s2 < 0 ? "" : text(d, s2 + 1, le)));
                }
            }
        } else {
            if (s1 >= 0) {
                out.add(new Field("method", text(d, p, s1)));
            }
            if (s2 >= 0) {
                out.add(new Field("target", text(d, s1 + 1, s2)));
            }
            if (whole) {
                if (s2 < 0 || !startsWith(d, s2 + 1, le, "HTTP/")) {
                    return new DecodeFailure("http", 7, p - base, "malformed request line");
                }
                out.add(new Field("version", text(d, s2 + 1, le)));
            }
        }
        if (whole && s1 < 0) {
            return new DecodeFailure("http", 7, p - base, "malformed start line");
        }
        return null;
    }

    /** One field line (RFC 9112 §5); an obsolete folded line (leading SP/HTAB) continues the previous value. */
    private static DecodeFailure header(byte[] d, int base, int p, int le, List<Object> headers) {
        if ((d[p] == ' ' || d[p] == '\t') && !headers.isEmpty()) {
            List<?> last = (List<?>) headers.remove(headers.size() - 1);
            headers.add(List.of(last.get(0), last.get(1) + " " + text(d, p, le).strip()));
            return null;
        }
        int colon = indexOf(d, p, le, ':');
        if (colon <= p) {
            return new DecodeFailure("http", 7, p - base, "header line without a name and colon");
        }
        headers.add(List.of(text(d, p, colon), text(d, colon + 1, le).strip()));
        return null;
    }

    private static boolean digits(byte[] d, int p, int e) {
        for (int i = p; i < e; i++) {
            if (d[i] < '0' || d[i] > '9') {
                return false;
            }
        }
        return true;
    }

    /** Printable ASCII as is, other bytes escaped, so a hostile header can't inject control characters. */
    private static String text(byte[] d, int p, int e) {
        for (int i = p; i < e; i++) {
            if (d[i] < 0x20 && d[i] != '\t' || d[i] >= 0x7f || d[i] < 0 || d[i] == '\\') {
                return Bytes.escaped(d, p, e - p);
            }
        }
        return new String(d, p, e - p, StandardCharsets.US_ASCII);
    }
}
