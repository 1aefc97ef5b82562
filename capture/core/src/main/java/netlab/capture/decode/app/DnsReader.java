package netlab.capture.decode.app;

import netlab.capture.decode.DecodeFailure;

/** Bounds-checked cursor over one DNS message that keeps the first failure it meets. */
final class DnsReader {
    /** Far more pointers than any legitimate name needs; the backwards rule already forbids loops. */
    static final int MAX_JUMPS = 64;
    /** RFC 1035 §2.3.4: a name is at most 255 octets on the wire, counting length bytes and the root. */
    static final int MAX_NAME = 255;

    final byte[] d;
    final int base;
    final int msg;
    final int end;
    final String protocol;
    int pos;
    DecodeFailure failure;

    DnsReader(byte[] d, int base, int msg, int end, String protocol) {
        this.d = d;
        this.base = base;
        this.msg = msg;
        this.end = end;
        this.protocol = protocol;
        this.pos = msg;
    }

    /** Records a failure at absolute index {@code at} (the first one wins) and returns false. */
    boolean fail(int at, String reason) {
        if (failure == null) {
            failure = new DecodeFailure(protocol, 7, at - base, reason);
        }
        return false;
    }

    /** True when {@code n} more bytes are captured at pos, else a truncation failure at pos. */
    boolean need(int n, String what) {
        return end - pos >= n || fail(pos, "truncated " + what);
    }

    int u16() {
        int v = Bytes.u16(d, pos);
        pos += 2;
        return v;
    }

    long u32() {
        long v = Bytes.u32(d, pos);
        pos += 4;
        return v;
    }

    /**
     * Reads a possibly compressed name at pos (RFC 1035 §4.1.4) and moves pos past its wire form;
     * null on failure. A pointer must point before the start of the labels being read, which makes
     * every jump go strictly backwards, so loops are impossible and the jump bound is a safety net.
     */
    String name(String what) {
        StringBuilder sb = new StringBuilder();
        int p = pos;
        int segment = pos;
        int after = -1;
        int jumps = 0;
        int wire = 1;
        while (true) {
            if (p >= end) {
                fail(p, "truncated " + what);
                return null;
            }
            int len = d[p] & 0xff;
            if ((len & 0xc0) == 0xc0) {
                if (end - p < 2) {
                    fail(p, "truncated " + what + " pointer");
                    return null;
                }
                int target = msg + (Bytes.u16(d, p) & 0x3fff);
                if (target >= end) {
                    fail(p, "compression pointer past end of data");
                    return null;
                }
                if (target >= segment || ++jumps > MAX_JUMPS) {
                    fail(p, "compression pointer does not point backwards");
                    return null;
                }
                if (after < 0) {
                    after = p + 2;
                }
                segment = target;
                p = target;
                continue;
            }
            if ((len & 0xc0) != 0) {
                fail(p, "unsupported label type 0x" + Integer.toHexString(len & 0xc0));
                return null;
            }
            if (len == 0) {
                p++;
                break;
            }
            if (end - p - 1 < len) {
                fail(p, "truncated " + what + " label");
                return null;
            }
            wire += len + 1;
            if (wire > MAX_NAME) {
                fail(p, "name longer than 255 bytes");
                return null;
            }
            appendLabel(sb, p + 1, len);
            p += 1 + len;
        }
        pos = after >= 0 ? after : p;
        return sb.length() == 0 ? "." : sb.toString();
    }

    /** Appends one label and its dot; '.', '\' and non-printables are escaped as in RFC 4343 §2.1. */
    private void appendLabel(StringBuilder sb, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int c = d[i] & 0xff;
            if (c == '.' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c > 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append('\\').append((char) ('0' + c / 100)).append((char) ('0' + c / 10 % 10))
                        .append((char) ('0' + c % 10));
            }
        }
        sb.append('.');
    }
}
