package netlab.capture.decode.app;

import netlab.capture.decode.DecodeFailure;

/** Position in a TLS record with a movable read limit, keeping the first failure met. */
final class TlsCursor {
    final byte[] d;
    final int base;
    int p;
    int limit;
    DecodeFailure failure;

    TlsCursor(byte[] d, int base, int p, int limit) {
        this.d = d;
        this.base = base;
        this.p = p;
        this.limit = limit;
    }

    /** True when {@code n} bytes are readable at p, else a failure at p naming the field. */
    boolean need(int n, String what) {
        return limit - p >= n || fail(p, "truncated " + what);
    }

    boolean fail(int at, String reason) {
        if (failure == null) {
            failure = new DecodeFailure("tls", 6, at - base, reason);
        }
        return false;
    }

    int u8() {
        return d[p++] & 0xff;
    }

    int u16() {
        int v = Bytes.u16(d, p);
        p += 2;
        return v;
    }

    int u24() {
        int v = Bytes.u24(d, p);
        p += 3;
        return v;
    }

    /** Skips {@code n} bytes after checking them with {@link #need}. */
    boolean skip(int n, String what) {
        if (!need(n, what)) {
            return false;
        }
        p += n;
        return true;
    }
}
