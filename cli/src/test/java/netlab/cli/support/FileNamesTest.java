package netlab.cli.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names of any bytes: the escaped text netlab carries them as (bytes that are not UTF-8 as U+DC80..U+DCFF),
 * the paths made of them, and how messages show them. What is on disk is checked with the shell's printf, not
 * with the code under test.
 */
class FileNamesTest {
    @TempDir
    Path dir;

    private static final byte[] LATIN1 = {'c', 'a', 'f', (byte) 0xe9, '.', 'p', 'c', 'a', 'p'};

    /** True when {@code dir} holds a regular file whose name is what {@code printf FORMAT} prints. */
    private static boolean onDisk(Path dir, String format) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "test -f \"$1/$(printf \"$2\")\"", "sh", dir.toString(), format)
                .start();
        return p.waitFor() == 0;
    }

    @Test
    void bytesThatAreNotUtf8BecomeLoneSurrogatesAndBack() {
        byte[] raw = {'a', (byte) 0xe9, (byte) 0xc3, (byte) 0xa9, (byte) 0xff, (byte) 0xe2, (byte) 0x82};
        String s = FileNames.decode(raw);
        assertEquals("a\udce9\u00e9\udcff\udce2\udc82", s);
        assertArrayEquals(raw, FileNames.bytes(s));
        assertEquals("caf\u00e9 \u20ac \ud83d\ude00", FileNames.decode("caf\u00e9 \u20ac \ud83d\ude00".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void onlyALoneLowSurrogateInTheByteRangeIsAnEscapedByte() {
        assertTrue(FileNames.escapedByte("\udce9", 0));
        assertFalse(FileNames.escapedByte("\udc7f", 0));
        // U+10080 is D800 DC80: a pair, not an escape.
        assertFalse(FileNames.escapedByte("\ud800\udc80", 1));
        assertEquals("\ud800\udc80", FileNames.shown("\ud800\udc80"));
        assertEquals("caf\\xe9.pcap", FileNames.shown("caf\udce9.pcap"));
    }

    @Test
    void messagesShowEscapedBytesAsHex() {
        assertEquals("netlab: caf\\xe9\\x1b.pcap: no", Messages.text("netlab: caf\udce9\u001b.pcap: no"));
        assertEquals("\ud83d\ude00", Messages.text("\ud83d\ude00"));
    }

    @Test
    void asciiAndUtf8NamesAreJavasOwnPaths() {
        assertEquals(Path.of("a//b/"), FileNames.path("a//b/"));
        assertEquals(Path.of("caf\u00e9.pcap"), FileNames.path("caf\u00e9.pcap"));
        assertEquals("caf\u00e9.pcap", FileNames.name(Path.of("caf\u00e9.pcap")));
        assertEquals("x/y", FileNames.name(Path.of("x/y")));
    }

    @Test
    void aLatin1NameIsCreatedReadAndShownUnderItsOwnBytes() throws Exception {
        assertTrue(FileNames.raw(), "surefire gives --add-opens java.base/sun.nio.fs (cli/pom.xml)");
        Path p = dir.resolve(FileNames.path("caf\udce9.pcap"));
        Files.writeString(p, "frames");
        assertTrue(onDisk(dir, "caf\\351.pcap"));
        assertFalse(onDisk(dir, "caf\\357\\277\\275.pcap"), "not written as U+FFFD");
        assertEquals("frames", Files.readString(p));
        assertEquals("caf\udce9.pcap", FileNames.name(p.getFileName()));
        assertEquals(dir + "/caf\\xe9.pcap", Messages.path(p));
        try (var entries = Files.list(dir)) {
            assertEquals(p, entries.findFirst().orElseThrow());
        }
        assertArrayEquals(LATIN1, FileNames.bytes(FileNames.name(p.getFileName())));
    }

    @Test
    void aRawNameIsNormalizedAsJavaNormalizesOne() {
        assertEquals("a/b\udce9", FileNames.name(FileNames.path("a//b\udce9/")));
        assertEquals(FileNames.path("b\udce9"), FileNames.path("a//b\udce9/").getFileName());
        assertNotEquals(FileNames.path("b\udce9"), FileNames.path("b\udce8"));
    }

    @Test
    void siblingsKeepTheBytesOfTheName() throws Exception {
        Path db = dir.resolve(FileNames.path("st\udce9.json"));
        Path lock = FileNames.sibling(db, ".", ".lock");
        Files.writeString(lock, "1");
        assertTrue(onDisk(dir, ".st\\351.json.lock"));
        assertEquals(Path.of("x/.plain.lock"), FileNames.sibling(Path.of("x/plain"), ".", ".lock"));
    }

    @Test
    void aTemporaryFileWithAnEscapedPrefixIsNewAndPrivate() throws Exception {
        Path a = FileNames.createTempFile(dir, ".st\udce9.json.", ".tmp");
        Path b = FileNames.createTempFile(dir, ".st\udce9.json.", ".tmp");
        assertNotEquals(a, b);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        String name = FileNames.name(a.getFileName());
        assertTrue(name.startsWith(".st\udce9.json.") && name.endsWith(".tmp"), name);
        assertTrue(onDisk(dir, name.replace("\udce9", "\\351")));
    }

    @Test
    void anExceptionNamesTheFileByItsEscapedName() {
        Path p = dir.resolve(FileNames.path("gone\udce9"));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(NoSuchFileException.class, () -> Files.size(p));
        assertTrue(e.getMessage().contains("gone\ufffd"), e.getMessage());
        assertEquals(dir + "/gone\udce9", FileNames.message(e, p));
        assertEquals("plain", FileNames.message(new IOException("plain"), p));
    }
}
