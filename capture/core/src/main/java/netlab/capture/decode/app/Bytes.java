package netlab.capture.decode.app;

/** Bounds-free byte helpers for the application decoders; callers check bounds before calling. */
final class Bytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bytes() {
    }

    static int u8(byte[] d, int i) {
        return d[i] & 0xff;
    }

    static int u16(byte[] d, int i) {
        return ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
    }

    static int u24(byte[] d, int i) {
        return ((d[i] & 0xff) << 16) | u16(d, i + 1);
    }

    static long u32(byte[] d, int i) {
        return ((long) u16(d, i) << 16) | u16(d, i + 2);
    }

    /** Lower-case hex of {@code len} bytes at {@code off}, no separators. */
    static String hex(byte[] d, int off, int len) {
        char[] c = new char[len * 2];
        for (int i = 0; i < len; i++) {
            int v = d[off + i] & 0xff;
            c[2 * i] = HEX[v >>> 4];
            c[2 * i + 1] = HEX[v & 0xf];
        }
        return new String(c);
    }

    /** {@code 0x} and {@code digits} lower-case hex digits of {@code v}, as {@code String.format("0x%04x")} without its cost. */
    static String hex0x(long v, int digits) {
        char[] c = new char[digits + 2];
        c[0] = '0';
        c[1] = 'x';
        for (int i = 0; i < digits; i++) {
            c[2 + i] = HEX[(int) (v >>> (4 * (digits - 1 - i))) & 0xf];
        }
        return new String(c);
    }

    /** Same bytes with every byte outside printable ASCII (0x20..0x7e) shown as '.'. */
    static String dots(byte[] d, int off, int len) {
        char[] c = new char[len];
        for (int i = 0; i < len; i++) {
            int v = d[off + i] & 0xff;
            c[i] = v >= 0x20 && v < 0x7f ? (char) v : '.';
        }
        return new String(c);
    }

    /** Printable ASCII kept as is, anything else escaped as {@code \xNN} so the text stays one safe line. */
    static String escaped(byte[] d, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            int v = d[off + i] & 0xff;
            if (v >= 0x20 && v < 0x7f && v != '\\') {
                sb.append((char) v);
            } else if (v == '\\') {
                sb.append("\\\\");
            } else {
                sb.append("\\x").append(HEX[v >>> 4]).append(HEX[v & 0xf]);
            }
        }
        return sb.toString();
    }

    /** Dotted-quad of the four bytes at {@code off}. */
    static String ipv4(byte[] d, int off) {
        return u8(d, off) + "." + u8(d, off + 1) + "." + u8(d, off + 2) + "." + u8(d, off + 3);
    }
}
