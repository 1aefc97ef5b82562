package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;

import static netlab.capture.CaptureFormatException.Kind.MALFORMED;
import static netlab.capture.CaptureFormatException.Kind.NOT_A_CAPTURE;
import static netlab.capture.CaptureFormatException.Kind.TRUNCATED;
import static netlab.capture.CaptureFormatException.Kind.UNSUPPORTED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Classic pcap built byte by byte, then damaged: every error has its exact kind and offset. */
class PcapReaderHostileTest {

    /** Global header: LE microsecond magic, version 2.4, snaplen, link type. */
    static Captures.Bytes header(int major, long snaplen, long linkType) {
        return new Captures.Bytes().u32(0xa1b2c3d4L).u16(major).u16(4).u32(0).u32(0).u32(snaplen).u32(linkType);
    }

    /**
     * Two records of 4 bytes: header at 0, records at 24 and 44, end at 64.
     * Record data is opaque to the reader: 0xdeadbeef then 0xcafef00d.
     */
    static byte[] twoRecords() {
        return header(2, 65535, 1)
                .u32(1_000_000_000L).u32(123_456).u32(4).u32(60).raw(0xde, 0xad, 0xbe, 0xef)
                .u32(1_000_000_001L).u32(999_999).u32(4).u32(4).raw(0xca, 0xfe, 0xf0, 0x0d)
                .build();
    }

    @Test
    void wellFormedFile() throws IOException {
        Outcome o = Outcome.of(twoRecords()).clean(2);
        Frame first = o.frames().get(0);
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}, first.bytes());
        assertEquals(1_000_000_000_123_456_000L, first.timestampNanos());
        assertEquals(60, first.originalLength());
        assertEquals(LinkType.ETHERNET, first.linkType());
        assertEquals(1_000_000_001_999_999_000L, o.frames().get(1).timestampNanos());
    }

    @Test
    void everyTruncationLength() {
        byte[] full = twoRecords();
        for (int len = 0; len <= full.length; len++) {
            Outcome o = Outcome.of(Arrays.copyOf(full, len));
            if (len == 0) {
                o.failed(0, NOT_A_CAPTURE, 0);
            } else if (len < 24) {
                o.failed(0, TRUNCATED, 0);
            } else if (len == 24 || len == 44 || len == 64) {
                o.clean((len - 24) / 20);
            } else if (len < 44) {
                o.failed(0, TRUNCATED, 24);
            } else {
                o.failed(1, TRUNCATED, 44);
            }
        }
    }

    @Test
    void truncatedGlobalHeaderDirectly() {
        byte[] full = twoRecords();
        for (int len = 1; len < 24; len++) {
            byte[] cut = Arrays.copyOf(full, len);
            CaptureFormatException e = assertThrows(CaptureFormatException.class,
                    () -> new PcapReader(new ByteArrayInputStream(cut)));
            assertEquals(TRUNCATED, e.kind());
            assertEquals(0, e.offset());
        }
        CaptureFormatException empty = assertThrows(CaptureFormatException.class,
                () -> new PcapReader(new ByteArrayInputStream(new byte[0])));
        assertEquals(NOT_A_CAPTURE, empty.kind());
    }

    @Test
    void emptyAndBadMagic() {
        Outcome.of(new byte[0]).failed(0, NOT_A_CAPTURE, 0);
        byte[] html = "<html><body>not a capture</body></html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Outcome o = Outcome.of(html).failed(0, NOT_A_CAPTURE, 0);
        assertEquals("not a pcap or pcapng file (magic 0x3c68746d)", o.error().reason());
        Outcome.of(new byte[] {'<', 'h'}).failed(0, NOT_A_CAPTURE, 0);
        Outcome.of(new byte[] {(byte) 0xd4, (byte) 0xc3}).failed(0, TRUNCATED, 0);
        Outcome.of(new byte[] {0x0a, 0x0d, 0x0d}).failed(0, TRUNCATED, 0);
    }

    @Test
    void versionOtherThanTwoIsUnsupported() {
        byte[] v3 = twoRecords();
        v3[4] = 3;
        Outcome.of(v3).failed(0, UNSUPPORTED, 4);
        byte[] v22 = twoRecords();
        v22[6] = 2;
        Outcome.of(v22).clean(2);
    }

    private static byte[] withSecondCaplen(long caplen, long snaplen) {
        byte[] b = twoRecords();
        byte[] snap = new Captures.Bytes().u32(snaplen).build();
        System.arraycopy(snap, 0, b, 16, 4);
        byte[] cap = new Captures.Bytes().u32(caplen).build();
        System.arraycopy(cap, 0, b, 44 + 8, 4);
        return b;
    }

    @Test
    void impossibleCaplenIsMalformedAtItsRecord() {
        Outcome.of(withSecondCaplen(0x8000_0000L, 65535)).failed(1, MALFORMED, 44);
        Outcome.of(withSecondCaplen(0xffff_ffffL, 65535)).failed(1, MALFORMED, 44);
        Outcome.of(withSecondCaplen(262_145, 65535)).failed(1, MALFORMED, 44);
        // Within max(262144, snaplen) the length is believed, so the file is merely cut short.
        Outcome.of(withSecondCaplen(262_144, 65535)).failed(1, TRUNCATED, 44);
        Outcome.of(withSecondCaplen(1_000_000, 1_000_000)).failed(1, TRUNCATED, 44);
        // A snaplen beyond 16 MiB is read as 262144, so it cannot raise the cap.
        Outcome.of(withSecondCaplen(262_145, 0x7fff_ffffL)).failed(1, MALFORMED, 44);
    }

    @Test
    void caplenAboveOriginalLengthIsKept() throws IOException {
        byte[] b = header(2, 65535, 1).u32(1).u32(0).u32(4).u32(2).raw(1, 2, 3, 4).build();
        Frame f = Outcome.of(b).clean(1).frames().get(0);
        assertEquals(4, f.capturedLength());
        assertEquals(2, f.originalLength());
    }

    @Test
    void bigEndianNanosecondFile() throws IOException {
        byte[] b = new Captures.Bytes(true).u32(0xa1b23c4dL).u16(2).u16(4).u32(0).u32(0).u32(96).u32(113)
                .u32(0xffff_ffffL).u32(999_999_999L).u32(2).u32(2).raw(7, 8).build();
        try (PcapReader r = new PcapReader(new ByteArrayInputStream(b))) {
            assertTrue(r.bigEndian());
            assertEquals(Precision.NANO, r.precision());
            assertEquals(96, r.snapLength());
            assertEquals(LinkType.LINUX_SLL, r.linkType());
            Frame f = r.next();
            assertEquals(0xffff_ffffL * 1_000_000_000L + 999_999_999L, f.timestampNanos());
            assertEquals(24, r.lastRecordOffset());
            assertEquals(42, r.position());
        }
    }

    @Test
    void zeroSnaplenReadsAsDefault() throws IOException {
        try (PcapReader r = new PcapReader(new ByteArrayInputStream(header(2, 0, 1).build()))) {
            assertEquals(262144, r.snapLength());
            assertEquals(-1, r.lastRecordOffset());
            assertEquals(null, r.next());
        }
    }
}
