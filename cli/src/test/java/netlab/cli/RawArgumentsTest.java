package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How arguments that are not UTF-8 are found in the raw command line, recovered and shown. */
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

    @Test
    void anArgumentDecodedToTheReplacementCharacterGetsItsRawBytesBack() throws Exception {
        Path f = dir.resolve("cmdline");
        Files.write(f, new byte[] {'j', 'a', 'v', 'a', 0, '-', 'j', 'a', 'r', 0, 'n', '.', 'j', 'a', 'r', 0,
            'r', 'e', 'a', 'd', 0, 'x', (byte) 0xe9, 0, (byte) 0xef, (byte) 0xbf, (byte) 0xbd, 0});
        String[] args = {"read", "x\uFFFD", "\uFFFD"};
        assertArrayEquals(new String[] {"read", "x\udce9", "\uFFFD"}, RawArguments.recover(args, f));
        // Arguments that do not line up with the command line's last entries (an @argfile): not guessed at.
        assertNull(RawArguments.recover(new String[] {"read", "q\uFFFD", "z"}, f));
        assertNull(RawArguments.recover(args, dir.resolve("missing")));
        String[] plain = {"read", "caf\u00e9.pcap"};
        assertSame(plain, RawArguments.recover(plain, dir.resolve("missing")));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedOutsideAFileArgument() {
        Run r = Run.of("read", Run.sample("mixed-session.pcap"), "-f", "host \udce9");
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals("netlab: read: argument 'host \\xe9' of --filter: not valid UTF-8, which only a FILE may be "
                + "(see 'netlab read --help')\n", r.err());
        Run iface = Run.of("interfaces", "--frobnicate=\udce9");
        assertEquals(ExitCode.USAGE, iface.code(), iface.err());
        assertTrue(iface.err().contains("\\xe9"), iface.err());
    }
}
