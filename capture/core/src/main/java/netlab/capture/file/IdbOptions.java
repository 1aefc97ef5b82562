package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.CaptureFormatException.Kind;

import java.nio.charset.StandardCharsets;

/**
 * The interface-description options netlab uses: if_name (2), if_tsresol (9), if_tsoffset (14).
 *
 * <p>Options run to opt_endofopt (code 0) or the end of the block. An option whose length runs past
 * the block, or an if_tsresol/if_tsoffset of the wrong size (1 and 8 bytes), is MALFORMED at the
 * option's offset, since timestamps would otherwise be silently wrong. Unknown options are skipped.
 *
 * @param name     if_name, or "" when absent
 * @param tsresol  if_tsresol byte, 6 (microseconds) when absent
 * @param tsoffset if_tsoffset in seconds, 0 when absent
 */
record IdbOptions(String name, int tsresol, long tsoffset) {
    private static final int END = 0;
    private static final int IF_NAME = 2;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    /**
     * Parses options from buffer index {@code from} to {@code end}; {@code fileDelta} maps a buffer
     * index to a file offset.
     */
    static IdbOptions parse(ChunkedInput in, int from, int end, boolean bigEndian, long fileDelta)
            throws CaptureFormatException {
        String name = "";
        int tsresol = 6;
        long tsoffset = 0;
        int q = from;
        while (q + 4 <= end) {
            int code = in.u16(q, bigEndian);
            int len = in.u16(q + 2, bigEndian);
            if (code == END) {
                break;
            }
            if (q + 4 + len > end) {
                throw bad(q, fileDelta, "interface option " + code + " of " + len + " bytes runs past its block");
            }
            int v = q + 4;
            switch (code) {
                case IF_NAME -> name = text(in.buffer(), v, len);
                case IF_TSRESOL -> {
                    if (len != 1) {
                        throw bad(q, fileDelta, "if_tsresol of " + len + " bytes (must be 1)");
                    }
                    tsresol = in.buffer()[v] & 0xff;
                }
                case IF_TSOFFSET -> {
                    if (len != 8) {
                        throw bad(q, fileDelta, "if_tsoffset of " + len + " bytes (must be 8)");
                    }
                    tsoffset = in.i64(v, bigEndian);
                }
                default -> { }
            }
            q = v + ((len + 3) & ~3);
        }
        return new IdbOptions(name, tsresol, tsoffset);
    }

    /** UTF-8 text without the NUL padding some writers leave inside the option length. */
    private static String text(byte[] b, int from, int len) {
        int n = len;
        while (n > 0 && b[from + n - 1] == 0) {
            n--;
        }
        return new String(b, from, n, StandardCharsets.UTF_8);
    }

    private static CaptureFormatException bad(int q, long fileDelta, String reason) {
        return new CaptureFormatException(Kind.MALFORMED, q + fileDelta, reason);
    }
}
