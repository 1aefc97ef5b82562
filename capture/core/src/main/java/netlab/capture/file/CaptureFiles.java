package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.CaptureFormatException.Kind;
import netlab.capture.FrameSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a capture file as a {@link FrameSource}, choosing classic pcap or pcapng by its magic number,
 * never by its name ({@code ipv4-malformed.pcap} is really pcapng); a gzip-compressed one is decompressed
 * as it is read ({@link GzipInput}), whatever its name.
 *
 * <p>An empty input, or one whose first four bytes are no known magic, is {@code NOT_A_CAPTURE} at
 * offset 0 with the bytes found in the reason. 1 to 3 bytes that begin a known magic are
 * {@code TRUNCATED} at offset 0. A missing or unreadable file surfaces as the
 * {@link java.nio.file.NoSuchFileException} or {@link java.nio.file.AccessDeniedException} the file
 * system throws.
 */
public final class CaptureFiles {
    /** The path that means standard input, as in tcpdump {@code -r -}. */
    public static final String STDIN = "-";

    private CaptureFiles() {
    }

    /** Opens {@code path}, or standard input when the path is {@code -}. */
    public static FrameSource open(Path path) throws IOException {
        if (path.toString().equals(STDIN)) {
            return open(System.in, "standard input");
        }
        InputStream in = Files.newInputStream(path);
        try {
            return open(in, path.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a capture read from {@code in}, which the returned source closes.
     *
     * @param name what the input is called (file name), shown by the source's {@code toString()}
     */
    public static FrameSource open(InputStream in, String name) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] two = new byte[2];
        int got = 0;
        for (int r = 0; got < 2 && r >= 0; got += Math.max(r, 0)) {
            r = peek.read(two, got, 2 - got);
        }
        peek.unread(two, 0, got);
        // Decided by the magic, not the name: a gzip stream (RFC 1952 §2.3.1) holds the capture.
        boolean gzip = got == 2 && ((two[0] & 0xff) << 8 | two[1] & 0xff) == GzipInput.MAGIC;
        ChunkedInput input = new ChunkedInput(gzip ? new GzipInput(peek) : peek);
        input.fill(4);
        int n = Math.min(4, input.available());
        int magic = 0;
        for (int i = 0; i < n; i++) {
            magic = magic << 8 | input.buffer()[input.pos() + i] & 0xff;
        }
        if (n == 4) {
            if (magic == PcapngReader.SHB) {
                return new PcapngReader(input, name);
            }
            if (PcapReader.precisionOf(magic) != null || PcapReader.precisionOf(Integer.reverseBytes(magic)) != null) {
                return new PcapReader(input, name);
            }
        }
        if (n == 0) {
            throw new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "not a pcap or pcapng file (empty)");
        }
        if (n < 4 && startsKnownMagic(magic, n)) {
            throw new CaptureFormatException(Kind.TRUNCATED, 0, "capture file header cut short (" + n + " bytes)");
        }
        throw new CaptureFormatException(Kind.NOT_A_CAPTURE, 0,
                String.format("not a pcap or pcapng file (magic 0x%0" + 2 * n + "x)", magic));
    }

    private static boolean startsKnownMagic(int prefix, int n) {
        int shift = 8 * (4 - n);
        int[] magics = {PcapngReader.SHB, Precision.MICRO.magic(), Integer.reverseBytes(Precision.MICRO.magic()),
            Precision.NANO.magic(), Integer.reverseBytes(Precision.NANO.magic())};
        for (int m : magics) {
            if (m >>> shift == prefix) {
                return true;
            }
        }
        return false;
    }
}
