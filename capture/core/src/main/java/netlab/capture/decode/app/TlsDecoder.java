package netlab.capture.decode.app;

import java.util.ArrayList;
import java.util.List;

import netlab.capture.decode.Field;
import netlab.capture.decode.Layer;

/** Decodes the first TLS record of a segment (RFC 8446 §5.1, RFC 5246 §6.2.1) and the hello messages in it. */
public final class TlsDecoder {
    /** RFC 8446 §5.2: a ciphertext fragment may exceed 2^14 by at most 256; 2048 is RFC 5246's looser bound. */
    private static final int MAX_RECORD = (1 << 14) + 2048;
    private static final int HANDSHAKE = 22;

    private TlsDecoder() {
    }

    /** Content type 20..24, major version 3, minor 0..4 and a plausible length. */
    public static boolean looksLikeTls(byte[] data, int off, int end) {
        if (end - off < 5) {
            return false;
        }
        int ct = data[off] & 0xff;
        return ct >= 20 && ct <= 24 && data[off + 1] == 3 && (data[off + 2] & 0xff) <= 4
                && Bytes.u16(data, off + 3) <= MAX_RECORD;
    }

    /**
     * The stricter test for TCP ports not registered to TLS, where other protocols' bytes can start like a
     * record header (0x17 0x03 0x01 is as likely as any other three bytes): a handshake record whose first
     * message has a handshake type and a length that fits in the record (RFC 8446 section 4), or a change-cipher-spec,
     * alert or application-data record (1 byte or more) that ends exactly at the segment's end or is followed
     * by another record header.
     */
    public static boolean looksLikeTlsAnyPort(byte[] data, int off, int end) {
        if (end - off < 6 || !looksLikeTls(data, off, end)) {
            return false;
        }
        int ct = data[off] & 0xff;
        int len = Bytes.u16(data, off + 3);
        if (ct == HANDSHAKE) {
            int type = data[off + 5] & 0xff;
            return isHandshakeType(type) && end - off >= 9 && len >= 4
                    && ((data[off + 6] & 0xff) << 16 | Bytes.u16(data, off + 7)) + 4 <= len;
        }
        if (ct < 20 || ct > 23 || len == 0) {
            return false;
        }
        int next = off + 5 + len;
        return next == end || next < end && looksLikeTls(data, next, end);
    }

    /** RFC 8446 section 4 / RFC 5246 section 7.4 handshake message types. */
    private static boolean isHandshakeType(int type) {
        return switch (type) {
            case 1, 2, 4, 5, 8, 11, 12, 13, 14, 15, 16, 20, 24 -> true;
            default -> false;
        };
    }

    /** Decodes the record at {@code off}; offsets are relative to {@code base}; OSI layer 6. */
    public static Layer decode(byte[] data, int base, int off, int end) {
        TlsCursor c = new TlsCursor(data, base, off, end);
        List<Field> fields = new ArrayList<>();
        int len = record(c, fields);
        if (len >= 0) {
            int fragEnd = end - c.p > len ? c.p + len : end;
            if (fragEnd - c.p < len) {
                fields.add(new Field("fragment_captured", fragEnd - c.p));
            }
            int ct = data[off] & 0xff;
            if (ct == HANDSHAKE) {
                handshakes(c, c.p, fragEnd, c.p + len, fields);
            } else if (ct == 21 && len == 2 && fragEnd - c.p == 2) {
                fields.add(new Field("alert_level", (data[c.p] & 0xff) == 2 ? "fatal" : "warning"));
                fields.add(new Field("alert_description", TlsNames.alert(data[c.p + 1] & 0xff)));
            }
            c.p = fragEnd;
        }
        return new Layer(6, "tls", "Transport Layer Security", off - base, c.p - off, fields, c.failure);
    }

    /** The five-byte record header; returns the fragment length, or -1 after a truncation failure. */
    private static int record(TlsCursor c, List<Field> fields) {
        if (!c.need(1, "content type")) {
            return -1;
        }
        fields.add(new Field("content_type", TlsNames.contentType(c.u8())));
        if (!c.need(2, "version")) {
            return -1;
        }
        fields.add(new Field("version", TlsNames.version(c.u16())));
        if (!c.need(2, "length")) {
            return -1;
        }
        int len = c.u16();
        fields.add(new Field("length", len));
        return len;
    }

    /**
     * Lists the handshake messages in the captured part of the fragment and decodes the hellos.
     * A message that would run past the record is taken as encrypted (e.g. Finished after ChangeCipherSpec).
     */
    private static void handshakes(TlsCursor c, int p, int capEnd, int recEnd, List<Field> fields) {
        List<String> types = new ArrayList<>();
        fields.add(new Field("handshake_types", types));
        boolean first = true;
        while (c.failure == null && p < recEnd) {
            // A message that starts past the captured bytes is cut at their end, not at its own start.
            c.p = Math.min(p, capEnd);
            if (!c.need(1, "handshake type")) {
                return;
            }
            int type = c.u8();
            String name = TlsNames.handshake(type);
            if (name == null || recEnd - p < 4) {
                encrypted(first, fields);
                return;
            }
            if (!c.need(3, "handshake length")) {
                return;
            }
            int hlen = c.u24();
            if (hlen > recEnd - p - 4) {
                encrypted(first, fields);
                return;
            }
            types.add(name);
            if (first) {
                fields.add(new Field("handshake_type", name));
                fields.add(new Field("handshake_length", hlen));
                if (type == 1 || type == 2) {
                    c.limit = Math.min(capEnd, c.p + hlen);
                    TlsHello.decode(c, type == 1, c.p + hlen, fields);
                    c.limit = capEnd;
                }
            }
            first = false;
            p += 4 + hlen;
        }
    }

    private static void encrypted(boolean first, List<Field> fields) {
        if (first) {
            fields.add(new Field("encrypted_handshake", true));
        }
    }
}
