package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapReader;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code read -w} onto a full or read-only file system (a real tmpfs), through a planted symbolic link, and
 * onto a file another user planted in a sticky shared directory: one line, exit 8, and on a full disk every
 * complete record written so far stays readable.
 */
class WriteFailureTest {
    /** 2000 records of 16 + 100 bytes: about 232 KB, far more than the 64 KiB tmpfs holds. */
    static final int FRAMES = 2000;

    @TempDir
    Path dir;

    /** Frame {@code k}: 100 bytes, Ethernet II to ff:ff:ff:ff:ff:ff, EtherType 0x88b5, k in the payload. */
    static byte[] frame(int k) {
        byte[] b = new byte[100];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) 0xff;
        }
        b[11] = 2;
        b[12] = (byte) 0x88;
        b[13] = (byte) 0xb5;
        b[14] = (byte) (k >>> 8);
        b[15] = (byte) k;
        return b;
    }

    private Path input() throws IOException {
        Path in = dir.resolve("in.pcap");
        try (PcapWriter w = PcapWriter.create(in, LinkType.ETHERNET, 65535, Precision.MICRO)) {
            for (int k = 0; k < FRAMES; k++) {
                w.write(Frame.of(frame(k), 1_700_000_000_000_000_000L + k * 1000L, LinkType.ETHERNET));
            }
        }
        return in;
    }

    /** The frames of {@code file} up to its first damage, which may only be a truncated last record. */
    static List<byte[]> readablePrefix(Path file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (PcapReader r = new PcapReader(Files.newInputStream(file))) {
            for (Frame f = r.next(); f != null; f = r.next()) {
                out.add(f.bytes());
            }
        } catch (CaptureFormatException e) {
            assertEquals(CaptureFormatException.Kind.TRUNCATED, e.kind(), e.getMessage());
        }
        return out;
    }

    @Test
    void aFullDiskGivesOneLineExitEightAndKeepsTheCompleteRecords() throws IOException {
        Path in = input();
        try (TinyMount m = TinyMount.mount(dir, "size=64k")) {
            Path out = m.dir.resolve("out.pcap");
            Run r = Run.of("read", in.toString(), "-w", out.toString());
            assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
            assertEquals("netlab: " + out + ": cannot write: no space left on device (check the directory exists, "
                    + "is writable and has space)\n", r.err());
            List<byte[]> kept = readablePrefix(out);
            assertTrue(kept.size() > 100 && kept.size() < FRAMES, "kept " + kept.size());
            for (int k = 0; k < kept.size(); k++) {
                assertArrayEquals(frame(k), kept.get(k), "frame " + k);
            }
        }
    }

    @Test
    void aReadOnlyFileSystemGivesOneLineExitEight() throws IOException {
        Path in = input();
        try (TinyMount m = TinyMount.mount(dir, "size=64k,ro")) {
            Path out = m.dir.resolve("out.pcap");
            Run r = Run.of("read", in.toString(), "-w", out.toString());
            assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
            assertEquals("netlab: " + out + ": cannot write: read-only file system (check the directory exists, "
                    + "is writable and has space)\n", r.err());
            assertTrue(Files.notExists(out));
        }
    }

    @Test
    void aMissingDirectoryGivesOneLineExitEight() throws IOException {
        Path out = dir.resolve("no/such/out.pcap");
        Run r = Run.of("read", input().toString(), "-w", out.toString());
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertEquals("netlab: " + out + ": cannot write: no such directory (check the directory exists, "
                + "is writable and has space)\n", r.err());
    }

    @Test
    void aPlantedSymlinkInTmpIsRefusedAndItsTargetLeftUntouched() throws IOException {
        TinyMount.assumeRoot();
        long pid = ProcessHandle.current().pid();
        Path target = Path.of("/etc/netlab-test-target-" + pid);
        Path link = Path.of("/tmp/x-" + pid + ".pcap");
        try {
            Files.writeString(target, "precious\n");
            Files.createSymbolicLink(link, target);
            Run r = Run.of("read", input().toString(), "-w", link.toString());
            assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
            assertEquals("netlab: " + link + ": cannot write: is a symbolic link, which netlab does not write "
                    + "through (remove it or write elsewhere; netlab refuses such paths because it often runs as root)\n",
                    r.err());
            assertEquals("precious\n", Files.readString(target));
            assertTrue(Files.isSymbolicLink(link));
        } finally {
            Files.deleteIfExists(link);
            Files.deleteIfExists(target);
        }
    }

    @Test
    void aFileAnotherUserPlantedInAStickySharedDirectoryIsRefused() throws IOException {
        TinyMount.assumeRoot();
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setAttribute(shared, "unix:mode", 01777);
        Path planted = Files.writeString(shared.resolve("out.pcap"), "planted\n");
        Files.setAttribute(planted, "unix:uid", 65534);
        Run r = Run.of("read", input().toString(), "-w", planted.toString());
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertEquals("netlab: " + planted + ": cannot write: belongs to uid 65534 in the shared directory " + shared
                + ", so another user may have planted it (remove it or write elsewhere; netlab refuses such paths "
                + "because it often runs as root)\n", r.err());
        assertEquals("planted\n", Files.readString(planted));
        Path own = Files.writeString(shared.resolve("own.pcap"), "old\n");
        Run ok = Run.of("read", input().toString(), "-w", own.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(FRAMES, readablePrefix(own).size());
    }
}
