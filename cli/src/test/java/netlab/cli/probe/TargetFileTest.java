package netlab.cli.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;
import netlab.cli.Run;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arp-scan --file}: the line format, each malformed line with its exact error, and unreadable files. */
class TargetFileTest {
    private static final String HINT = " (one target per line: a.b.c.d, a.b.c.d/len, a.b.c.d-e.f.g.h or net:mask; "
            + "# starts a comment)";

    private static List<TargetRange> parse(String text) throws IOException {
        return TargetFile.parse("t.txt", new StringReader(text), false);
    }

    /** The addresses scanned, in order, as ScanTargets builds them (no own address). */
    private static List<String> addresses(List<TargetRange> ranges) {
        ScanTargets t = ScanTargets.of(ranges, List.of(), false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(Ipv4Address.format(t.ip(i)));
        }
        return out;
    }

    private static String error(String text) {
        return assertThrows(NetlabException.class, () -> parse(text)).line();
    }

    @Test
    void everyFormOneALineWithCommentsAndBlankLines() throws IOException {
        List<TargetRange> r = parse("# lab hosts\n"
                + "10.0.0.9\n"
                + "\n"
                + "   \t\n"
                + "  10.0.1.0/30   # two hosts\n"
                + "10.0.2.5-10.0.2.7\r\n"
                + "10.0.3.0:255.255.255.254#no space before the comment\n"
                + "#10.0.4.1\n"
                + "10.0.0.9");
        assertEquals(List.of(new TargetRange(0x0a000009L, 0x0a000009L), new TargetRange(0x0a000101L, 0x0a000102L),
                new TargetRange(0x0a000205L, 0x0a000207L), new TargetRange(0x0a000300L, 0x0a000301L),
                new TargetRange(0x0a000009L, 0x0a000009L)), r);
        assertEquals(List.of("10.0.0.9", "10.0.1.1", "10.0.1.2", "10.0.2.5", "10.0.2.6", "10.0.2.7", "10.0.3.0",
                "10.0.3.1"), addresses(r));
    }

    @Test
    void aBadLineNamesTheFileAndLine() {
        assertEquals("netlab: t.txt:2: bad target '10.0.0.9-10.0.0.1': the start 10.0.0.9 is above the end 10.0.0.1"
                + HINT, error("10.0.0.1\n10.0.0.9-10.0.0.1\n"));
        assertEquals("netlab: t.txt:3: bad target '10.0.0.0:255.255.0.255': netmask 255.255.0.255 is not contiguous"
                + HINT, error("# c\n\n10.0.0.0:255.255.0.255 # mask\n"));
        assertEquals("netlab: t.txt:1: bad target '10.0.0.300': not an IPv4 address: 10.0.0.300" + HINT,
                error("10.0.0.300"));
        assertEquals("netlab: t.txt:1: bad target '10.0.0.0/33': prefix length 33 is not in 0..32" + HINT,
                error("10.0.0.0/33"));
        assertEquals("netlab: t.txt:1: bad target '10.0.0.1 router': not an IPv4 address: 10.0.0.1 router" + HINT,
                error("10.0.0.1 router\n"));
        assertEquals("netlab: t.txt:1: bad target 'host.example': not an IPv4 address: host.example" + HINT,
                error("host.example"));
        assertEquals("netlab: t.txt:1: bad target '?[31m1.2.3.4': not an IPv4 address: ?[31m1.2.3.4" + HINT,
                error("\u001b[31m1.2.3.4"));
    }

    @Test
    void noTargetAtAllIsAnError() {
        assertEquals("netlab: t.txt: holds no target" + HINT, error(""));
        assertEquals("netlab: t.txt: holds no target" + HINT, error("# only a comment\n\n   \n"));
        assertEquals(ExitCode.USAGE, assertThrows(NetlabException.class, () -> parse("\n")).exitCode());
    }

    @Test
    void aLongLineOrTooManyAddressesStopTheRead() {
        String longLine = "1".repeat(TargetFile.MAX_LINE + 1);
        assertEquals("netlab: t.txt:2: line longer than 1024 characters" + HINT, error("10.0.0.1\n" + longLine));
        String max = "# pad" + " ".repeat(TargetFile.MAX_LINE - 5) + "\n10.0.0.1";
        assertEquals(1, assertDoesNotThrow(max).size());
        assertEquals(65536, addresses(assertDoesNotThrow("10.0.0.0/16\n10.1.0.0/30\n")).size());
        assertEquals("netlab: t.txt:3: the targets up to here exceed the limit of 65536 addresses "
                + "(give --force to scan up to 16777216)", error("10.0.0.0/16\n10.1.0.0/30\n10.2.0.1\n"));
        NetlabException e = assertThrows(NetlabException.class,
                () -> TargetFile.parse("t.txt", new StringReader("0.0.0.0/8\n1.0.0.0/24\n"), true));
        assertEquals("netlab: t.txt:2: the targets up to here exceed the limit of 16777216 addresses "
                + "(scan smaller prefixes one at a time)", e.line());
    }

    private static List<TargetRange> assertDoesNotThrow(String text) {
        try {
            return parse(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void dashReadsStdin() {
        List<TargetRange> r = TargetFile.read("-", new ByteArrayInputStream(
                "10.0.0.1-10.0.0.2\n".getBytes(StandardCharsets.US_ASCII)), false);
        assertEquals(List.of("10.0.0.1", "10.0.0.2"), addresses(r));
        NetlabException e = assertThrows(NetlabException.class,
                () -> TargetFile.read("-", new ByteArrayInputStream("x\n".getBytes(StandardCharsets.US_ASCII)), false));
        assertEquals("netlab: stdin:1: bad target 'x': not an IPv4 address: x" + HINT, e.line());
    }

    @Test
    void aFileIsReadAsBytesAndBinaryIsABadLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("targets.txt");
        Files.write(f, "10.0.0.5\n10.0.0.6/32\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("10.0.0.5", "10.0.0.6"), addresses(TargetFile.read(f.toString(), null, false)));
        Files.write(f, new byte[] {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0});
        NetlabException e = assertThrows(NetlabException.class, () -> TargetFile.read(f.toString(), null, false));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("netlab: " + f + ":1: bad target '??????': not an IPv4 address: ??????" + HINT, e.line());
    }

    @Test
    void anUnreadableFileExitsThreeLikeOtherInputFiles(@TempDir Path dir) {
        NetlabException e = assertThrows(NetlabException.class,
                () -> TargetFile.read(dir.resolve("missing.txt").toString(), null, false));
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
        assertEquals("netlab: " + dir.resolve("missing.txt") + ": no such file (check the path)", e.line());
        e = assertThrows(NetlabException.class, () -> TargetFile.read(dir.toString(), null, false));
        assertEquals(ExitCode.NO_INPUT, e.exitCode());
        assertEquals("netlab: " + dir + ": is a directory (give a text file of targets)", e.line());
    }

    @Test
    void theCommandReportsFileErrorsOnOneLine(@TempDir Path dir) throws IOException {
        Run r = Run.of("arp-scan", "-f", dir.resolve("missing.txt").toString());
        assertEquals(ExitCode.NO_INPUT, r.code());
        assertEquals("netlab: " + dir.resolve("missing.txt") + ": no such file (check the path)\n", r.err());
        Path f = dir.resolve("t.txt");
        Files.writeString(f, "10.0.0.1\n10.0.0.0:255.0.0.255\n");
        r = Run.of("arp-scan", "--file", f.toString(), "10.0.0.2");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: " + f + ":2: bad target '10.0.0.0:255.0.0.255': netmask 255.0.0.255 is not contiguous"
                + HINT + "\n", r.err());
        Files.writeString(f, "10.0.0.0/16\n");
        r = Run.of("arp-scan", "--file", f.toString(), "10.1.0.0/24");
        assertEquals(ExitCode.USAGE, r.code());
        assertEquals("netlab: arp-scan: 65788 addresses exceed the limit of 65536 (give --force to scan up to 16777216)\n",
                r.err());
    }
}
