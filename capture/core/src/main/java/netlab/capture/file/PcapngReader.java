package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.CaptureFormatException.Kind;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams frames from a pcapng file through one reusable buffer; each {@link Frame} is a view into
 * that buffer, valid until the next call.
 *
 * <p>Reads Section Header (both byte orders; a new section resets the interfaces), Interface
 * Description (link type, snap length, if_name, if_tsresol, if_tsoffset), Enhanced Packet, Simple
 * Packet and the obsolete Packet block; other blocks are skipped by their length. Choices:
 * <ul>
 *   <li>Empty input is {@code NOT_A_CAPTURE} ("empty file"), a first block that is not a section
 *       header is {@code NOT_A_CAPTURE}, a section header cut short is {@code TRUNCATED} at its offset.</li>
 *   <li>A block total length below 12, not a multiple of 4, below the block type's minimum, above
 *       16 MiB, or differing from the trailing copy is {@code MALFORMED} at the block's offset; a block
 *       that runs past the end of input is {@code TRUNCATED} there. Frames before it were returned.</li>
 *   <li>A packet block naming an interface the section has not declared, or a caplen larger than the
 *       block holds, is {@code MALFORMED} at the block's offset; so is an interface block beyond the
 *       {@value #MAX_INTERFACES}th of a section, which bounds the memory interfaces take.</li>
 *   <li>Timestamps are converted exactly for every if_tsresol 0..255 (see {@link TsClock}); a time
 *       beyond what a signed 64-bit nanosecond count holds (after 2262) saturates to
 *       {@link Long#MAX_VALUE} rather than failing the file.</li>
 *   <li>A Simple Packet Block uses interface 0 and captured length
 *       {@code min(original length, room in the block, snap length if non-zero)}. It has no timestamp
 *       (pcapng section 4.4), so it takes that of the packet block before it in the file, or 0 when none
 *       came before: a capture's duration then stays what its timestamped packets say, instead of reaching
 *       back to 1970.</li>
 *   <li>{@link #linkType()} and {@link #snapLength()} describe the first interface of the first
 *       section; with no interface at all they are Ethernet and 0.</li>
 * </ul>
 */
public final class PcapngReader implements FrameSource {
    static final int SHB = 0x0A0D0D0A;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int IDB = 1;
    private static final int PB = 2;
    private static final int SPB = 3;
    private static final int EPB = 6;
    static final int MAX_BLOCK = 16 << 20;
    /**
     * Interfaces one section may declare. Each costs far more heap than its 20 file bytes, so without a
     * cap a file of nothing but interface blocks could exhaust memory; real files hold a few (the largest
     * bundled sample has 95).
     */
    static final int MAX_INTERFACES = 65_536;

    private final ChunkedInput in;
    private final String name;
    private final List<Iface> interfaces = new ArrayList<>();
    private boolean bigEndian;
    private LinkType firstLinkType;
    private int firstSnapLength;
    private long lastBlockOffset = -1;
    private long lastTimestampNanos;

    /** Interface state for timestamp conversion, beside its public description. */
    private record Iface(InterfaceInfo info, TsClock clock) {
    }

    /** Reads the section header and the interface blocks before the first packet. */
    public PcapngReader(InputStream in) throws IOException {
        this(new ChunkedInput(in), "pcapng");
    }

    PcapngReader(ChunkedInput in, String name) throws IOException {
        this.in = in;
        this.name = name;
        if (!in.fill(4) || in.i32(in.pos(), true) != SHB) {
            throw notPcapng(in);
        }
        advance(true);
        if (firstLinkType == null) {
            firstLinkType = LinkType.ETHERNET;
        }
    }

    private static CaptureFormatException notPcapng(ChunkedInput in) {
        int n = in.available();
        if (n == 0) {
            return new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "empty file");
        }
        byte[] magic = {0x0A, 0x0D, 0x0D, 0x0A};
        for (int i = 0; i < Math.min(n, 4); i++) {
            if (in.buffer()[in.pos() + i] != magic[i]) {
                return new CaptureFormatException(Kind.NOT_A_CAPTURE, 0, "not a pcapng file (no section header)");
            }
        }
        return new CaptureFormatException(Kind.TRUNCATED, 0, "section header block cut short");
    }

    @Override
    public Frame next() throws IOException {
        return advance(false);
    }

    /**
     * Processes blocks until a packet block yields a frame (returned) or the input ends (null). With
     * {@code headersOnly}, stops in front of the first packet block without consuming it.
     */
    private Frame advance(boolean headersOnly) throws IOException {
        while (true) {
            long off = in.offset();
            if (!in.fill(8)) {
                if (in.available() == 0) {
                    return null;
                }
                throw new CaptureFormatException(Kind.TRUNCATED, off, "block header cut short");
            }
            int type = in.i32(in.pos(), bigEndian);
            if (type == SHB) {
                readSectionHeader(off);
                continue;
            }
            if (headersOnly && (type == EPB || type == SPB || type == PB)) {
                return null;
            }
            int total = loadBlock(off, type);
            int p = in.pos();
            Frame frame = switch (type) {
                case IDB -> addInterface(p, total, off);
                case EPB -> packet(p, total, off, in.u32(p + 8, bigEndian), "enhanced packet block");
                case PB -> packet(p, total, off, in.u16(p + 8, bigEndian), "packet block");
                case SPB -> simplePacket(p, total, off);
                default -> null;
            };
            in.skip(total);
            if (frame != null) {
                lastBlockOffset = off;
                return frame;
            }
        }
    }

    /** Checks the block's length fields and makes the whole block available; returns its length. */
    private int loadBlock(long off, int type) throws IOException {
        long total = in.u32(in.pos() + 4, bigEndian);
        int minimum = switch (type) {
            case SHB -> 28;
            case IDB -> 20;
            case SPB -> 16;
            case EPB, PB -> 32;
            default -> 12;
        };
        if (total < 12 || total % 4 != 0 || total < minimum || total > MAX_BLOCK) {
            throw new CaptureFormatException(Kind.MALFORMED, off, String.format(
                    "block type 0x%08x has impossible total length %d", type, total));
        }
        if (!in.fill((int) total)) {
            throw new CaptureFormatException(Kind.TRUNCATED, off, String.format(
                    "block type 0x%08x of %d bytes cut short after %d", type, total, in.available()));
        }
        long trailing = in.u32(in.pos() + (int) total - 4, bigEndian);
        if (trailing != total) {
            throw new CaptureFormatException(Kind.MALFORMED, off, String.format(
                    "block type 0x%08x: total length %d but trailing length %d", type, total, trailing));
        }
        return (int) total;
    }

    /** A section header sets the byte order and starts a section with no interfaces. */
    private void readSectionHeader(long off) throws IOException {
        if (!in.fill(12)) {
            throw new CaptureFormatException(Kind.TRUNCATED, off, "section header block cut short");
        }
        int p = in.pos();
        if (in.i32(p + 8, true) == BYTE_ORDER_MAGIC) {
            bigEndian = true;
        } else if (in.i32(p + 8, false) == BYTE_ORDER_MAGIC) {
            bigEndian = false;
        } else {
            throw new CaptureFormatException(Kind.MALFORMED, off + 8, String.format(
                    "section header byte-order magic 0x%08x", in.i32(p + 8, true)));
        }
        int total = loadBlock(off, SHB);
        int major = in.u16(in.pos() + 12, bigEndian);
        if (major != 1) {
            throw new CaptureFormatException(Kind.UNSUPPORTED, off + 12, "pcapng major version " + major);
        }
        interfaces.clear();
        in.skip(total);
    }

    private Frame addInterface(int p, int total, long off) throws CaptureFormatException {
        int index = interfaces.size();
        if (index == MAX_INTERFACES) {
            throw new CaptureFormatException(Kind.MALFORMED, off,
                    "more than " + MAX_INTERFACES + " interfaces in one section");
        }
        LinkType linkType = new LinkType(in.u16(p + 8, bigEndian));
        long snap = in.u32(p + 12, bigEndian);
        int snapLength = snap > Integer.MAX_VALUE ? 0 : (int) snap;
        IdbOptions options = IdbOptions.parse(in, p + 16, p + total - 4, bigEndian, off - p);
        TsClock clock = new TsClock(options.tsresol(), options.tsoffset());
        interfaces.add(new Iface(new InterfaceInfo(index, linkType, snapLength, options.name(), clock.describe()), clock));
        if (firstLinkType == null) {
            firstLinkType = linkType;
            firstSnapLength = snapLength;
        }
        return null;
    }

    private Iface iface(long id, long off, String block) throws CaptureFormatException {
        if (id >= interfaces.size()) {
            throw new CaptureFormatException(Kind.MALFORMED, off, block + " names interface " + id
                    + " but the section declares " + interfaces.size());
        }
        return interfaces.get((int) id);
    }

    /** Enhanced or obsolete Packet block: both hold timestamp, caplen and length at 12..27, data at 28. */
    private Frame packet(int p, int total, long off, long id, String block) throws CaptureFormatException {
        final int header = 28;
        Iface iface = iface(id, off, block);
        long caplen = in.u32(p + 20, bigEndian);
        long origlen = in.u32(p + 24, bigEndian);
        int room = total - header - 4;
        if (caplen > room) {
            throw new CaptureFormatException(Kind.MALFORMED, off,
                    block + " caplen " + caplen + " exceeds the " + room + " bytes the block holds");
        }
        long units = in.u32(p + 12, bigEndian) << 32 | in.u32(p + 16, bigEndian);
        long nanos = iface.clock().toNanos(units);
        lastTimestampNanos = nanos;
        int original = (int) Math.min(origlen, Integer.MAX_VALUE);
        return new Frame(in.buffer(), p + header, (int) caplen, original, nanos, iface.info().linkType(), (int) id);
    }

    private Frame simplePacket(int p, int total, long off) throws CaptureFormatException {
        Iface iface = iface(0, off, "simple packet block");
        long origlen = in.u32(p + 8, bigEndian);
        long captured = Math.min(origlen, total - 16);
        int snap = iface.info().snapLength();
        if (snap > 0) {
            captured = Math.min(captured, snap);
        }
        int original = (int) Math.min(origlen, Integer.MAX_VALUE);
        return new Frame(in.buffer(), p + 12, (int) captured, original, lastTimestampNanos, iface.info().linkType(), 0);
    }

    /** Interfaces declared so far in the current section, in id order. */
    public List<InterfaceInfo> interfaces() {
        List<InterfaceInfo> list = new ArrayList<>(interfaces.size());
        for (Iface i : interfaces) {
            list.add(i.info());
        }
        return List.copyOf(list);
    }

    @Override
    public LinkType linkType() {
        return firstLinkType;
    }

    @Override
    public int snapLength() {
        return firstSnapLength;
    }

    /** File offset of the next block to read. */
    public long position() {
        return in.offset();
    }

    /** File offset of the block of the frame last returned, or -1 before the first. */
    public long lastRecordOffset() {
        return lastBlockOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "pcapng reader of " + name;
    }
}
