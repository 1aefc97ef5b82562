package netlab.capture.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import netlab.capture.CaptureFormatException;
import netlab.capture.CaptureFormatException.Kind;

/**
 * A gzip-compressed capture (RFC 1952; {@code .pcap.gz}, as tshark and libpcap-based tools read them),
 * decompressed as it streams: memory is the inflater's 32 KiB window and one 64 KiB input buffer, whatever
 * the file's size. Damage surfaces as {@link CaptureFormatException}s at the offset in the decompressed
 * capture, so a damaged .gz follows the rules of a damaged pcap: a bad gzip header is not a capture, a
 * stream cut short is truncated, corrupt deflate data or a CRC mismatch is malformed; the frames before
 * are delivered first, except those decompressed in the read that meets corrupt deflate data (at most
 * 64 KiB of the capture). Concatenated members (RFC 1952 §2.2) are read one after another.
 */
final class GzipInput extends InputStream {
    /** RFC 1952 §2.3.1: ID1 ID2. */
    static final int MAGIC = 0x1f8b;
    private static final int BUFFER = 1 << 16;

    private final CountingInput raw;
    private final GZIPInputStream gzip;
    private long delivered;

    /** @throws CaptureFormatException NOT_A_CAPTURE when the gzip header is bad, TRUNCATED when cut short */
    GzipInput(InputStream in) throws IOException {
        raw = new CountingInput(in);
        try {
            gzip = new GZIPInputStream(raw, BUFFER);
        } catch (EOFException e) {
            throw new CaptureFormatException(Kind.TRUNCATED, 0, "gzip header cut short (file byte " + raw.count + ")");
        } catch (ZipException e) {
            throw new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "not a gzip-compressed capture: " + e.getMessage());
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            // At most 64 KiB a read: the inflater fails a whole read that meets damage, losing what it held.
            int n = gzip.read(b, off, Math.min(len, BUFFER));
            if (n > 0) {
                delivered += n;
            }
            return n;
        } catch (EOFException e) {
            throw new CaptureFormatException(Kind.TRUNCATED, delivered,
                    "gzip data cut short (file byte " + raw.count + ")");
        } catch (ZipException e) {
            throw new CaptureFormatException(Kind.MALFORMED, delivered,
                    "corrupt gzip data (" + e.getMessage() + ", file byte " + raw.count + ")");
        }
    }

    @Override
    public void close() throws IOException {
        gzip.close();
    }

    /** Counts the compressed bytes read, to name where in the .gz file the damage was met. */
    private static final class CountingInput extends InputStream {
        private final InputStream in;
        private long count;

        CountingInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
