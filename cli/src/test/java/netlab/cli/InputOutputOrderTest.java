package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.analyzers.oui.OuiTable;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs are created only once nothing before the first frame can fail; an output that is the input is
 * refused; an --oui-file is capped and checked before any report line; error lines escape control characters.
 */
class InputOutputOrderTest {
    @TempDir
    Path dir;

    @Test
    void aFilterThatDoesNotCompileLeavesAnExistingOutputUntouched() throws Exception {
        Path out = Files.writeString(dir.resolve("keep.pcap"), "precious\n");
        Run r = Run.of("read", Run.sample("mixed-session.pcap"), "-f", "tcp port ((", "-w", out.toString());
        assertEquals(ExitCode.BAD_FILTER, r.code(), r.err());
        assertEquals("precious\n", Files.readString(out));
    }

    @Test
    void anOutputThatIsTheInputIsRefusedAndTheInputKept() throws Exception {
        Path in = dir.resolve("in.pcap");
        Files.copy(Path.of(Run.sample("mixed-session.pcap")), in);
        byte[] before = Files.readAllBytes(in);
        Run r = Run.of("read", in.toString(), "-w", dir.resolve(".").resolve("in.pcap").toString());
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertEquals("netlab: " + dir.resolve(".").resolve("in.pcap") + ": cannot write: is the input file (write to "
                + "another file; netlab would truncate it before reading it)\n", r.err());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void readMinusWNeverWritesARecordLongerThanLibpcapReads() throws Exception {
        Path in = dir.resolve("big.pcap");
        byte[] frame = new byte[300_000];
        System.arraycopy(WriteFailureTest.frame(1), 0, frame, 0, 100);
        try (netlab.capture.file.PcapWriter w = new netlab.capture.file.PcapWriter(Files.newOutputStream(in),
                netlab.capture.LinkType.ETHERNET, 16 << 20, netlab.capture.file.Precision.MICRO)) {
            w.write(netlab.capture.Frame.of(frame, 1_700_000_000_000_000_000L, netlab.capture.LinkType.ETHERNET));
        }
        Path out = dir.resolve("out.pcap");
        Run r = Run.of("read", in.toString(), "-w", out.toString());
        assertEquals(0, r.code(), r.err());
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(out)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(262_144, b.getInt(16), "snaplen");
        assertEquals(262_144, b.getInt(24 + 8), "caplen");
        assertEquals(300_000, b.getInt(24 + 12), "original length");
        assertEquals(24 + 16 + 262_144, Files.size(out));
    }

    @Test
    void anOuiFileOverTheCapIsRefusedWithOneLineBeforeAnyReport() throws Exception {
        Path big = dir.resolve("big.txt");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(OuiTable.MAX_BYTES + 1L);
        }
        for (String oui : new String[] {big.toString(), "/dev/zero"}) {
            Run r = Run.of("analyze", Run.sample("mixed-session.pcap"), "--oui-file", oui);
            assertEquals(ExitCode.BAD_CAPTURE, r.code(), r.err());
            assertEquals("", r.out());
            assertEquals("netlab: " + oui + ": not loaded: larger than the 16 MiB an OUI file may hold (give a file in "
                    + "ieee-oui.txt or manuf format)\n", r.err());
        }
    }

    @Test
    void aMissingOuiFileIsReportedBeforeAnyReportLine() {
        Path missing = dir.resolve("missing.txt");
        Run r = Run.of("analyze", Run.sample("mixed-session.pcap"), "--oui-file", missing.toString());
        assertEquals(ExitCode.NO_INPUT, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("netlab: " + missing + ": no such file (check the path)\n", r.err());
    }

    @Test
    void controlCharactersInErrorLinesAreEscaped() {
        String name = dir.resolve("\033[2J\033]0;owned\007\u202e.pcap").toString();
        Run r = Run.of("read", name);
        assertEquals(ExitCode.NO_INPUT, r.code(), r.err());
        assertEquals("netlab: " + dir + "/\\x1b[2J\\x1b]0;owned\\x07\\u202e.pcap: no such file (check the path)\n", r.err());
        Run usage = Run.of("read", "-c", "\033[31m", name);
        assertEquals(ExitCode.USAGE, usage.code());
        assertFalse(usage.err().contains("\033"), usage.err());
        assertTrue(usage.err().contains("\\x1b[31m"), usage.err());
    }
}
