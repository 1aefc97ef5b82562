package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How arguments that are not UTF-8 are found in the raw command line and shown. */
class RawArgumentsTest {
    @TempDir
    Path dir;

    @Test
    void malformedBytesAndControlCharactersBecomeEscapesValidUtf8StaysText() {
        byte[] raw = {'c', 'a', 'f', (byte) 0xe9, '-', (byte) 0xc3, (byte) 0xa9, 0x1b, '[', '2', 'J', (byte) 0xff};
        assertEquals("caf\\xe9-\u00e9\\x1b[2J\\xff", RawArguments.show(raw));
        assertFalse(RawArguments.isUtf8(raw));
        assertTrue(RawArguments.isUtf8("caf\u00e9 \u20ac".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCutMultiByteSequenceAtTheEndIsShownByteByByte() {
        assertEquals("ab\\xe2\\x82", RawArguments.show(new byte[] {'a', 'b', (byte) 0xe2, (byte) 0x82}));
    }

    @Test
    void cmdlineEntriesAreSplitOnNul() throws Exception {
        Path f = dir.resolve("cmdline");
        Files.write(f, new byte[] {'j', 'a', 'v', 'a', 0, 'r', 'e', 'a', 'd', 0, 'x', (byte) 0xe9, 0});
        List<byte[]> entries = RawArguments.cmdline(f);
        assertEquals(3, entries.size());
        assertEquals("read", new String(entries.get(1), StandardCharsets.US_ASCII));
        assertEquals(2, entries.get(2).length);
        assertEquals(List.of(), RawArguments.cmdline(dir.resolve("missing")));
    }

    @Test
    void argumentsWithoutTheReplacementCharacterAreNeverLookedUp() {
        assertNull(RawArguments.firstNotUtf8(new String[] {"read", "caf\u00e9.pcap", "-w", "x.pcap"}));
    }
}
