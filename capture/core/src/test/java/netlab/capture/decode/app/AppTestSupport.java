package netlab.capture.decode.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import netlab.capture.decode.Layer;

/** Shared helpers for the application decoder tests. */
final class AppTestSupport {
    /** The payload is placed at this index of a larger array whose frame starts at BASE, to test offset arithmetic. */
    static final int OFF = 7;
    static final int BASE = 3;

    private AppTestSupport() {
    }

    /** A decoder under the common (data, base, off, end) calling convention. */
    interface Decoder {
        Layer decode(byte[] data, int base, int off, int end);
    }

    static byte[] hex(String... parts) {
        return HexFormat.of().parseHex(String.join("", parts));
    }

    /** The payload copied into a bigger array at OFF, with junk bytes after it that must never be read. */
    static byte[] embed(byte[] payload) {
        byte[] d = new byte[OFF + payload.length + 16];
        java.util.Arrays.fill(d, (byte) 0xc0);
        System.arraycopy(payload, 0, d, OFF, payload.length);
        return d;
    }

    static Layer decode(Decoder dec, byte[] payload) {
        return dec.decode(embed(payload), BASE, OFF, OFF + payload.length);
    }

    /**
     * Every capture length below {@code completeFrom} must fail at the start of the field holding the first
     * missing byte (the largest boundary not above the length), frame-relative; from there on, no failure.
     */
    static void assertTruncations(Decoder dec, byte[] payload, int[] boundaries, int completeFrom) {
        byte[] d = embed(payload);
        for (int len = 0; len <= payload.length; len++) {
            Layer l = dec.decode(d, BASE, OFF, OFF + len);
            if (len >= completeFrom) {
                assertNull(l.failure(), "length " + len);
                continue;
            }
            int expected = 0;
            for (int b : boundaries) {
                if (b <= len) {
                    expected = Math.max(expected, b);
                }
            }
            assertNotNull(l.failure(), "length " + len);
            assertEquals(OFF - BASE + expected, l.failure().offset(), "length " + len + ": " + l.failure());
        }
    }
}
