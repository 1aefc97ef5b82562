package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.CaptureFormatException.Kind;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams frames from a classic pcap file (either byte order, micro- or nanosecond magic) through one
 * reusable buffer; each {@link Frame} is a view into that buffer, valid until the next call.
 *
 * <p>Behaviour on odd input, chosen to match libpcap's {@code sf-pcap.c} where it is lenient and to be
 * stricter only where a length could make a reader allocate or read without bound:
 * <ul>
 *   <li>An empty input is {@code NOT_A_CAPTURE} ("empty file"); a global header cut short (1 to 23
 *       bytes whose start agrees with a pcap magic) is {@code TRUNCATED} at offset 0; a wrong magic is
 *       {@code NOT_A_CAPTURE} at offset 0.</li>
 *   <li>Major version must be 2 (any minor, as libpcap); anything else is {@code UNSUPPORTED} at offset 4.</li>
 *   <li>The link-type field's low 16 bits are the link type; the upper bits (FCS length flags,
 *       0x30000084 in tcpdump's {@code hoobr_juniper3.pcap}) are ignored.</li>
 *   <li>A snap length of 0 or above 16 MiB (as unsigned) is reported as 262144, as libpcap adjusts it.</li>
 *   <li>A record whose caplen exceeds {@code max(262144, snaplen)} (snaplen capped at 16 MiB) is
 *       {@code MALFORMED} at the record header's offset (libpcap: "invalid packet capture length").
 *       Unlike libpcap, a caplen between the snap length and that cap is kept whole, not cut to the
 *       snap length, so no captured byte is hidden.</li>
 *   <li>caplen greater than the original length is accepted as stored (libpcap and tcpdump accept it).</li>
 *   <li>A fraction at or above one second (tcpdump's {@code timestamp_invalid_*.pcap}) is kept, and
 *       folded into the nanosecond timestamp arithmetically: {@code sec * 1e9 + fraction * unit}.
 *       Seconds are unsigned 32-bit, so files up to 2106 read correctly; nothing can overflow.</li>
 *   <li>A record header or record data cut short by the end of input is {@code TRUNCATED} at the
 *       offset of that record's header; every earlier frame has been returned. A clean end after the
 *       last record returns {@code null}.</li>
 * </ul>
 */
public final class PcapReader implements FrameSource {
    static final int GLOBAL_HEADER = 24;
    static final int RECORD_HEADER = 16;
    /** libpcap's MAXIMUM_SNAPLEN. */
    static final int DEFAULT_SNAPLEN = 262_144;
    /** Upper bound on any record, whatever the header claims: one record never needs a bigger buffer. */
    static final int MAX_RECORD = 16 << 20;

    private final ChunkedInput in;
    private final String name;
    private final boolean bigEndian;
    private final Precision precision;
    private final LinkType linkType;
    private final int rawLinkTypeField;
    private final int snapLength;
    private final int maxCaplen;
    private long lastRecordOffset = -1;

    /** Reads the global header from {@code in}; the stream is closed by {@link #close()}. */
    public PcapReader(InputStream in) throws IOException {
        this(new ChunkedInput(in), "pcap");
    }

    PcapReader(ChunkedInput in, String name) throws IOException {
        this.in = in;
        this.name = name;
        if (!in.fill(GLOBAL_HEADER)) {
            throw shortHeader(in);
        }
        int p = in.pos();
        int magicBe = in.i32(p, true);
        int magicLe = in.i32(p, false);
        Precision found = precisionOf(magicBe);
        bigEndian = found != null;
        precision = found != null ? found : precisionOf(magicLe);
        if (precision == null) {
            throw new CaptureFormatException(Kind.NOT_A_CAPTURE, 0,
                    String.format("not a pcap file (magic 0x%08x)", magicBe));
        }
        int major = in.u16(p + 4, bigEndian);
        if (major != 2) {
            throw new CaptureFormatException(Kind.UNSUPPORTED, 4,
                    "pcap version " + major + "." + in.u16(p + 6, bigEndian) + " (only 2.x is read)");
        }
        long snap = in.u32(p + 16, bigEndian);
        snapLength = snap == 0 || snap > MAX_RECORD ? DEFAULT_SNAPLEN : (int) snap;
        maxCaplen = Math.max(DEFAULT_SNAPLEN, snapLength);
        rawLinkTypeField = in.i32(p + 20, bigEndian);
        linkType = new LinkType(rawLinkTypeField & 0xffff);
        in.skip(GLOBAL_HEADER);
    }

    /** TRUNCATED when the bytes present start like a pcap magic, NOT_A_CAPTURE otherwise. */
    private static CaptureFormatException shortHeader(ChunkedInput in) {
        int n = in.available();
        if (n == 0) {
            return new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "empty file");
        }
        byte[] b = in.buffer();
        for (Precision pr : Precision.values()) {
            if (prefixMatches(b, in.pos(), n, pr.magic(), true) || prefixMatches(b, in.pos(), n, pr.magic(), false)) {
                return new CaptureFormatException(Kind.TRUNCATED, 0,
                        "pcap global header cut short (" + n + " of " + GLOBAL_HEADER + " bytes)");
            }
        }
        return new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "not a pcap file (" + n + " bytes)");
    }

    private static boolean prefixMatches(byte[] b, int at, int n, int magic, boolean bigEndian) {
        for (int i = 0; i < Math.min(n, 4); i++) {
            int shift = bigEndian ? 24 - 8 * i : 8 * i;
            if ((b[at + i] & 0xff) != (magic >>> shift & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /** The precision whose magic is {@code magic} read in one byte order, or null. */
    static Precision precisionOf(int magic) {
        for (Precision pr : Precision.values()) {
            if (pr.magic() == magic) {
                return pr;
            }
        }
        return null;
    }

    @Override
    public Frame next() throws IOException {
        long headerOffset = in.offset();
        if (!in.fill(RECORD_HEADER)) {
            if (in.available() == 0) {
                return null;
            }
            throw new CaptureFormatException(Kind.TRUNCATED, headerOffset, "record header cut short ("
                    + in.available() + " of " + RECORD_HEADER + " bytes)");
        }
        int p = in.pos();
        long seconds = in.u32(p, bigEndian);
        long fraction = in.u32(p + 4, bigEndian);
        long caplen = in.u32(p + 8, bigEndian);
        long origlen = in.u32(p + 12, bigEndian);
        if (caplen > maxCaplen) {
            throw new CaptureFormatException(Kind.MALFORMED, headerOffset,
                    "record caplen " + caplen + " exceeds the maximum of " + maxCaplen);
        }
        int len = (int) caplen;
        if (!in.fill(RECORD_HEADER + len)) {
            throw new CaptureFormatException(Kind.TRUNCATED, headerOffset, "record data cut short ("
                    + (in.available() - RECORD_HEADER) + " of " + len + " bytes)");
        }
        lastRecordOffset = headerOffset;
        int dataAt = in.pos() + RECORD_HEADER;
        in.skip(RECORD_HEADER + len);
        long nanos = seconds * 1_000_000_000L + fraction * precision.nanosPerUnit();
        int original = origlen > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) origlen;
        return new Frame(in.buffer(), dataAt, len, original, nanos, linkType, 0);
    }

    /** Link type: the low 16 bits of the header's link-type field. */
    @Override
    public LinkType linkType() {
        return linkType;
    }

    @Override
    public int snapLength() {
        return snapLength;
    }

    /** The header's whole link-type field, including the FCS flag bits above bit 15. */
    public int rawLinkTypeField() {
        return rawLinkTypeField;
    }

    /** Timestamp resolution announced by the magic number. */
    public Precision precision() {
        return precision;
    }

    /** True when the file was written big-endian. */
    public boolean bigEndian() {
        return bigEndian;
    }

    /** File offset of the next record header (after the last frame returned). */
    public long position() {
        return in.offset();
    }

    /** File offset of the header of the frame last returned, or -1 before the first. */
    public long lastRecordOffset() {
        return lastRecordOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "pcap reader of " + name;
    }
}
