package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static netlab.capture.CaptureFormatException.Kind.MALFORMED;
import static netlab.capture.CaptureFormatException.Kind.NOT_A_CAPTURE;
import static netlab.capture.CaptureFormatException.Kind.TRUNCATED;
import static netlab.capture.CaptureFormatException.Kind.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** pcapng built block by block, then damaged: every error has its exact kind and offset. */
class PcapngReaderHostileTest {

    /** Section header block, 28 bytes, no options, section length -1. */
    static Captures.Bytes shb(Captures.Bytes b) {
        return b.u32(0x0A0D0D0AL).u32(28).u32(0x1A2B3C4DL).u16(1).u16(0).u32(0xffff_ffffL).u32(0xffff_ffffL).u32(28);
    }

    /** Interface description block, 20 bytes, no options. */
    static Captures.Bytes idb(Captures.Bytes b, int linkType, long snaplen) {
        return b.u32(1).u32(20).u16(linkType).u16(0).u32(snaplen).u32(20);
    }

    /** IDB with if_tsresol: 32 bytes. */
    static Captures.Bytes idbTsresol(Captures.Bytes b, int tsresol) {
        return b.u32(1).u32(32).u16(1).u16(0).u32(0).u16(9).u16(1).raw(tsresol, 0, 0, 0).u32(0).u32(32);
    }

    /** Enhanced packet block with 4 data bytes: 36 bytes. */
    static Captures.Bytes epb(Captures.Bytes b, long iface, long units, int... data) {
        return b.u32(6).u32(36).u32(iface).u32(units >>> 32).u32(units & 0xffff_ffffL).u32(4).u32(4)
                .raw(data).u32(36);
    }

    /** SHB at 0, IDB at 28, EPBs at 48 and 84, end at 120. */
    static byte[] twoPackets() {
        Captures.Bytes b = idb(shb(new Captures.Bytes()), 1, 0);
        epb(b, 0, 1_500_000_000_000_001L, 0xde, 0xad, 0xbe, 0xef);
        epb(b, 0, 1_500_000_000_000_002L, 0xca, 0xfe, 0xf0, 0x0d);
        return b.build();
    }

    private static byte[] patch(byte[] b, int at, long value) {
        byte[] copy = b.clone();
        System.arraycopy(new Captures.Bytes().u32(value).build(), 0, copy, at, 4);
        return copy;
    }

    @Test
    void wellFormed() {
        Outcome o = Outcome.of(twoPackets()).clean(2);
        Frame f = o.frames().get(0);
        assertEquals(1_500_000_000_000_001_000L, f.timestampNanos());
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, f.bytes());
        assertEquals(0, f.interfaceIndex());
    }

    @Test
    void everyTruncationLength() {
        byte[] full = twoPackets();
        for (int len = 0; len <= full.length; len++) {
            Outcome o = Outcome.of(Arrays.copyOf(full, len));
            if (len == 0) {
                o.failed(0, NOT_A_CAPTURE, 0);
            } else if (len < 28) {
                o.failed(0, TRUNCATED, 0);
            } else if (len == 28 || len == 48 || len == 84 || len == 120) {
                o.clean(len <= 48 ? 0 : (len - 48) / 36);
            } else if (len < 48) {
                o.failed(0, TRUNCATED, 28);
            } else if (len < 84) {
                o.failed(0, TRUNCATED, 48);
            } else {
                o.failed(1, TRUNCATED, 84);
            }
        }
    }

    @Test
    void impossibleBlockLengths() {
        byte[] full = twoPackets();
        Outcome.of(patch(full, 88, 37)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 88, 8)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 88, 0)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 88, 28)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 88, 0x8000_0000L)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 88, 1000)).failed(1, TRUNCATED, 84);
        Outcome.of(patch(full, 116, 40)).failed(1, MALFORMED, 84);
        Outcome.of(patch(full, 4, 27)).failed(0, MALFORMED, 0);
        Outcome.of(patch(full, 32, 16)).failed(0, MALFORMED, 28);
    }

    @Test
    void packetsNeedDeclaredInterfaces() {
        byte[] noInterface = epb(shb(new Captures.Bytes()), 0, 1, 1, 2, 3, 4).build();
        Outcome.of(noInterface).failed(0, MALFORMED, 28);
        Outcome.of(patch(twoPackets(), 84 + 8, 5)).failed(1, MALFORMED, 84);
        Outcome.of(patch(twoPackets(), 84 + 8, 1)).failed(1, MALFORMED, 84);
        Outcome.of(patch(twoPackets(), 84 + 20, 5)).failed(1, MALFORMED, 84);
        Outcome.of(patch(twoPackets(), 84 + 20, 0xffff_ffffL)).failed(1, MALFORMED, 84);
    }

    @Test
    void sectionHeaderFields() {
        byte[] badOrder = patch(twoPackets(), 8, 0x11223344L);
        Outcome.of(badOrder).failed(0, MALFORMED, 8);
        byte[] major2 = twoPackets();
        major2[12] = 2;
        Outcome.of(major2).failed(0, UNSUPPORTED, 12);
        byte[] notPcapng = patch(twoPackets(), 0, 0x0A0D0D0BL);
        Outcome.of(notPcapng).failed(0, NOT_A_CAPTURE, 0);
    }

    private static long firstTimestamp(int tsresol, long units) {
        Captures.Bytes b = idbTsresol(shb(new Captures.Bytes()), tsresol);
        return Outcome.of(epb(b, 0, units, 1, 2, 3, 4).build()).clean(1).frames().get(0).timestampNanos();
    }

    @Test
    void tsresolExtremesNeverFail() {
        assertEquals(1_000_000_000L, firstTimestamp(0, 1));
        assertEquals(9_223_372_036_000_000_000L, firstTimestamp(0, 9_223_372_036L));
        assertEquals(Long.MAX_VALUE, firstTimestamp(0, 9_223_372_037L));
        assertEquals(Long.MAX_VALUE, firstTimestamp(0, -1));
        assertEquals(0, firstTimestamp(63, -1));
        assertEquals(0, firstTimestamp(255, -1));
        assertEquals(0, firstTimestamp(255, 1L << 62));
        assertEquals(1_844_674_407_370_955_161L, firstTimestamp(10, -1));
        assertEquals(5_500_000_000L, firstTimestamp(0x94, 5L << 20 | 1L << 19));
        assertEquals(1_000_000_000L, firstTimestamp(0x80, 1));
        assertEquals(Long.MAX_VALUE, firstTimestamp(0x80, 1L << 40));
        assertEquals(999_999_999L, firstTimestamp(0x80 | 63, (1L << 63) - 1));
    }

    @Test
    void tsresolDescribedAndOffsetApplied() throws IOException {
        Captures.Bytes b = shb(new Captures.Bytes());
        // IDB with if_name "eth0", if_tsresol 2^-20, if_tsoffset -100 s (little-endian 64-bit): 52 bytes
        b.u32(1).u32(52).u16(1).u16(0).u32(96)
                .u16(2).u16(4).raw('e', 't', 'h', '0')
                .u16(9).u16(1).raw(0x94, 0, 0, 0)
                .u16(14).u16(8).u32(-100L & 0xffff_ffffL).u32(-100L >>> 32 & 0xffff_ffffL)
                .u32(0).u32(52);
        epb(b, 0, 1000L << 20, 1, 2, 3, 4);
        try (PcapngReader r = new PcapngReader(new ByteArrayInputStream(b.build()))) {
            assertEquals(List.of(new InterfaceInfo(0, LinkType.ETHERNET, 96, "eth0", "2^-20 s, offset -100 s")),
                    r.interfaces());
            assertEquals(900_000_000_000L, r.next().timestampNanos());
        }
    }

    @Test
    void optionRunningPastItsBlockIsMalformedAtTheOption() {
        Captures.Bytes b = shb(new Captures.Bytes());
        b.u32(1).u32(28).u16(1).u16(0).u32(0).u16(2).u16(200).raw('a', 'b', 'c', 'd').u32(28);
        Outcome.of(b.build()).failed(0, MALFORMED, 44);
        Captures.Bytes wrongSize = shb(new Captures.Bytes());
        wrongSize.u32(1).u32(28).u16(1).u16(0).u32(0).u16(9).u16(2).raw(6, 6, 0, 0).u32(28);
        Outcome.of(wrongSize.build()).failed(0, MALFORMED, 44);
    }

    @Test
    void newSectionResetsInterfacesAndByteOrder() throws IOException {
        Captures.Bytes b = idb(shb(new Captures.Bytes()), 1, 0);
        epb(b, 0, 1, 1, 2, 3, 4);
        Captures.Bytes be = new Captures.Bytes(true);
        idb(shb(be), 113, 0);
        epb(be, 0, 2, 5, 6, 7, 8);
        byte[] le = b.build();
        byte[] bigPart = be.build();
        byte[] file = Arrays.copyOf(le, le.length + bigPart.length);
        System.arraycopy(bigPart, 0, file, le.length, bigPart.length);
        try (PcapngReader r = new PcapngReader(new ByteArrayInputStream(file))) {
            assertEquals(LinkType.ETHERNET, r.next().linkType());
            Frame second = r.next();
            assertEquals(LinkType.LINUX_SLL, second.linkType());
            assertEquals(2_000, second.timestampNanos());
            assertArrayEquals(new byte[] {5, 6, 7, 8}, second.bytes());
            assertEquals(List.of(new InterfaceInfo(0, LinkType.LINUX_SLL, 0, "", "10^-6 s")), r.interfaces());
            assertEquals(LinkType.ETHERNET, r.linkType());
            assertEquals(null, r.next());
        }
        // The second section declares no interface before its packet.
        byte[] orphan = Arrays.copyOf(file, le.length + 28 + 36);
        System.arraycopy(bigPart, 48, orphan, le.length + 28, 36);
        Outcome.of(orphan).failed(1, MALFORMED, le.length + 28);
    }

    @Test
    void simpleAndObsoletePacketBlocksAndUnknownBlocks() {
        Captures.Bytes b = idb(shb(new Captures.Bytes()), 1, 2);
        b.u32(0x0BAD).u32(16).u32(0xffff_ffffL).u32(16);
        b.u32(3).u32(20).u32(4).raw(9, 8, 7, 6).u32(20);
        b.u32(2).u32(36).u16(0).u16(0).u32(0).u32(3).u32(4).u32(4).raw(1, 2, 3, 4).u32(36);
        List<Frame> frames = Outcome.of(b.build()).clean(2).frames();
        Frame simple = frames.get(0);
        assertEquals(2, simple.capturedLength());
        assertEquals(4, simple.originalLength());
        assertEquals(0, simple.timestampNanos());
        assertArrayEquals(new byte[] {9, 8}, simple.bytes());
        assertEquals(3_000, frames.get(1).timestampNanos());
        assertArrayEquals(new byte[] {1, 2, 3, 4}, frames.get(1).bytes());
    }

    /** A simple packet block has no timestamp: it takes the previous packet's, not 1970's (a 42-year duration). */
    @Test
    void simplePacketBlockTakesThePreviousTimestamp() {
        Captures.Bytes b = idb(shb(new Captures.Bytes()), 1, 0);
        epb(b, 0, 1_700_000_000_000_000L, 1, 2, 3, 4);
        b.u32(3).u32(20).u32(4).raw(9, 8, 7, 6).u32(20);
        List<Frame> frames = Outcome.of(b.build()).clean(2).frames();
        assertEquals(1_700_000_000_000_000_000L, frames.get(0).timestampNanos());
        assertEquals(frames.get(0).timestampNanos(), frames.get(1).timestampNanos());
        assertArrayEquals(new byte[] {9, 8, 7, 6}, frames.get(1).bytes());
    }

    @Test
    void lastRecordOffsetNamesTheBlock() throws IOException {
        try (PcapngReader r = new PcapngReader(new ByteArrayInputStream(twoPackets()))) {
            assertEquals(48, r.position());
            r.next();
            assertEquals(48, r.lastRecordOffset());
            r.next();
            assertEquals(84, r.lastRecordOffset());
            assertEquals(120, r.position());
        }
    }

    @Test
    void interfacesPerSectionAreCapped() {
        int cap = PcapngReader.MAX_INTERFACES;
        Captures.Bytes full = shb(new Captures.Bytes());
        for (int i = 0; i < cap; i++) {
            idb(full, 1, 0);
        }
        epb(full, cap - 1, 1, 1, 2, 3, 4);
        Outcome o = Outcome.of(full.build()).clean(1);
        assertEquals(cap - 1, o.frames().get(0).interfaceIndex());
        // One more interface block: refused at its offset, before it costs any memory.
        Captures.Bytes over = shb(new Captures.Bytes());
        for (int i = 0; i <= cap; i++) {
            idb(over, 1, 0);
        }
        epb(over, 0, 1, 1, 2, 3, 4);
        Outcome.of(over.build()).failed(0, MALFORMED, 28 + 20L * cap);
    }
}
