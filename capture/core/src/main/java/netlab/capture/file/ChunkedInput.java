package netlab.capture.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * One reusable buffer over an input stream, filled in large chunks, with the file offset of every byte.
 *
 * <p>Readers ask for {@code n} contiguous bytes with {@link #fill(int)} and then read them in place
 * at {@link #pos()}; frames handed out are views into {@link #buffer()}, valid until the next fill,
 * which may compact or grow the buffer. Nothing is allocated per record once the buffer is as large
 * as the largest record.
 */
final class ChunkedInput {
    /** Size of one read from the stream, and the initial buffer size. */
    static final int CHUNK = 1 << 20;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    /** File offset of {@code buf[0]}. */
    private long base;
    private boolean eof;

    ChunkedInput(InputStream in) {
        this.in = in;
        this.buf = new byte[CHUNK];
    }

    byte[] buffer() {
        return buf;
    }

    /** Index in {@link #buffer()} of the next unread byte. */
    int pos() {
        return pos;
    }

    /** File offset of the next unread byte. */
    long offset() {
        return base + pos;
    }

    /** Unread bytes already in the buffer. */
    int available() {
        return limit - pos;
    }

    /** Marks {@code n} bytes (already available) as read. */
    void skip(int n) {
        pos += n;
    }

    /**
     * Makes {@code n} contiguous bytes available at {@link #pos()}, reading only as much as the stream
     * has ready beyond that (so a live pipe is not made to wait for a whole chunk).
     *
     * @return false when the stream ends first; {@link #available()} then says how many bytes remain
     */
    boolean fill(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (eof) {
            return false;
        }
        makeRoom(n);
        while (limit - pos < n) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                return false;
            }
            limit += r;
        }
        return true;
    }

    /** Moves unread bytes to the front, and grows the buffer when {@code n} bytes would not fit. */
    private void makeRoom(int n) {
        if (buf.length - pos >= n && buf.length - limit >= CHUNK / 4) {
            return;
        }
        int unread = limit - pos;
        byte[] target = n > buf.length ? new byte[Math.max(n, buf.length + buf.length / 2)] : buf;
        System.arraycopy(buf, pos, target, 0, unread);
        base += pos;
        buf = target;
        pos = 0;
        limit = unread;
    }

    /** Unsigned 16-bit value at buffer index {@code i}. */
    int u16(int i, boolean bigEndian) {
        int a = buf[i] & 0xff;
        int b = buf[i + 1] & 0xff;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    /** 32-bit value at buffer index {@code i}. */
    int i32(int i, boolean bigEndian) {
        int a = buf[i] & 0xff;
        int b = buf[i + 1] & 0xff;
        int c = buf[i + 2] & 0xff;
        int d = buf[i + 3] & 0xff;
        return bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
    }

    /** Unsigned 32-bit value at buffer index {@code i}. */
    long u32(int i, boolean bigEndian) {
        return i32(i, bigEndian) & 0xffffffffL;
    }

    /** Signed 64-bit value at buffer index {@code i}, stored as two 32-bit halves in the byte order. */
    long i64(int i, boolean bigEndian) {
        long first = u32(i, bigEndian);
        long second = u32(i + 4, bigEndian);
        return bigEndian ? first << 32 | second : second << 32 | first;
    }

    void close() throws IOException {
        in.close();
    }
}
