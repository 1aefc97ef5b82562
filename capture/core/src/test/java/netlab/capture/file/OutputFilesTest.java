package netlab.capture.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputFiles}: new files are created, own files truncated, symbolic links never written through. */
class OutputFilesTest {
    @TempDir
    Path dir;

    @Test
    void createsANewFileAndTruncatesAnExistingOne() throws IOException {
        Path p = dir.resolve("a.bin");
        try (OutputStream o = OutputFiles.create(p)) {
            o.write(new byte[] {1, 2, 3});
        }
        try (OutputStream o = OutputFiles.create(p)) {
            o.write(4);
        }
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(p));
    }

    @Test
    void refusesASymbolicLinkAndLeavesItsTargetAlone() throws IOException {
        Path target = Files.writeString(dir.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve("link.pcap"), target);
        UnsafeOutputException e = assertThrows(UnsafeOutputException.class,
                () -> PcapWriter.create(link, LinkType.ETHERNET, 65535, Precision.MICRO));
        assertEquals("is a symbolic link, which netlab does not write through", e.getReason());
        assertEquals("keep", Files.readString(target));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void refusesADanglingSymbolicLinkWithoutCreatingItsTarget() throws IOException {
        Path target = dir.resolve("would-be-created");
        Path link = Files.createSymbolicLink(dir.resolve("dangling.pcap"), target);
        assertThrows(UnsafeOutputException.class, () -> OutputFiles.create(link));
        assertTrue(Files.notExists(target));
    }
}
