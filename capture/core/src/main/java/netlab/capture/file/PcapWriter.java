package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.FrameSink;
import netlab.capture.LinkType;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import java.nio.file.Path;

/**
 * Writes frames as a classic pcap file (version 2.4, little-endian, as libpcap writes on x86), readable
 * by tcpdump, tshark and {@link PcapReader}.
 *
 * <p>Choices: nanosecond timestamps become micro- or nanoseconds by truncation within the second, as
 * libpcap does ({@code floor} for times before 1970, so the fraction is never negative). Seconds must fit
 * the unsigned 32-bit field (1970 to 2106); other times, and frames whose link type differs from the
 * file's, are rejected with {@link IllegalArgumentException} because pcap cannot hold them. A frame
 * longer than the snap length is cut to it, as a capture would; the original length is written as
 * the frame states it.
 */
public final class PcapWriter implements FrameSink {
    /** libpcap's default and maximum snap length. */
    public static final int DEFAULT_SNAPLEN = PcapReader.DEFAULT_SNAPLEN;
    private static final int BUFFER = 1 << 16;

    private final OutputStream raw;
    private final OutputStream out;
    private boolean failed;
    private final LinkType linkType;
    private final int snapLength;
    private final Precision precision;
    private final byte[] header = new byte[PcapReader.RECORD_HEADER];

    /** Writes the global header to {@code out}, which this writer buffers and closes. */
    public PcapWriter(OutputStream out, LinkType linkType, int snapLength, Precision precision) throws IOException {
        if (snapLength <= 0) {
            throw new IllegalArgumentException("snap length " + snapLength + " must be positive");
        }
        this.raw = out;
        this.out = new BufferedOutputStream(out, BUFFER);
        this.linkType = linkType;
        this.snapLength = snapLength;
        this.precision = precision;
        byte[] global = new byte[PcapReader.GLOBAL_HEADER];
        putInt(global, 0, precision.magic());
        global[4] = 2;
        global[6] = 4;
        putInt(global, 16, snapLength);
        putInt(global, 20, linkType.value());
        this.out.write(global);
    }

    /** A writer with the default snap length of 262144. */
    public PcapWriter(OutputStream out, LinkType linkType, Precision precision) throws IOException {
        this(out, linkType, DEFAULT_SNAPLEN, precision);
    }

    /**
     * Creates (or truncates) {@code path} and writes the global header; a symbolic link or a file another
     * user planted in a shared directory is refused ({@link OutputFiles}). A name ending in {@code .gz} is
     * written gzip-compressed (RFC 1952), as {@code read} reads it back.
     */
    public static PcapWriter create(Path path, LinkType linkType, int snapLength, Precision precision)
            throws IOException {
        OutputStream file = OutputFiles.create(path);
        OutputStream out = file;
        try {
            if (path.getFileName() != null && path.getFileName().toString().endsWith(".gz")) {
                // Sync-flushed, so each flush (-U, rotation, exit) leaves a decodable prefix (RFC 1951 §3.2.4).
                out = new GZIPOutputStream(file, BUFFER, true);
            }
            return new PcapWriter(out, linkType, snapLength, precision);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    @Override
    public void write(Frame frame) throws IOException {
        if (!frame.linkType().equals(linkType)) {
            throw new IllegalArgumentException("frame link type " + frame.linkType()
                    + " differs from the file's " + linkType);
        }
        long ns = frame.timestampNanos();
        long seconds = Math.floorDiv(ns, 1_000_000_000L);
        if (seconds < 0 || seconds > 0xffffffffL) {
            throw new IllegalArgumentException("timestamp " + ns + " ns is outside pcap's 1970..2106 range");
        }
        long fraction = Math.floorMod(ns, 1_000_000_000L) / precision.nanosPerUnit();
        int caplen = Math.min(frame.capturedLength(), snapLength);
        putInt(header, 0, (int) seconds);
        putInt(header, 4, (int) fraction);
        putInt(header, 8, caplen);
        putInt(header, 12, frame.originalLength());
        try {
            out.write(header);
            out.write(frame.data(), frame.offset(), caplen);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    public LinkType linkType() {
        return linkType;
    }

    public int snapLength() {
        return snapLength;
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /**
     * Flushes and closes. After a failed write (a full disk) the buffer is dropped instead: writing it
     * again could repeat bytes already on disk, and the file must end with at most one partial record.
     */
    @Override
    public void close() throws IOException {
        if (failed) {
            raw.close();
        } else {
            out.close();
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
