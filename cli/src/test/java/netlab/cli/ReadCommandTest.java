package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    private static final String ARP_ICMP = Run.sample("arp-icmp.pcap");

    @Test
    void oneLinePerFrameLikeTcpdump() {
        Run r = Run.of("read", "-c", "3", ARP_ICMP);
        assertEquals(0, r.code(), r.err());
        // tcpdump -n -e -r sample-pcaps/arp-icmp.pcap (TZ=UTC), first three lines:
        assertEquals("""
                18:48:46.872240 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: Request who-has 10.77.0.2 tell 10.77.0.1, length 28
                18:48:46.872262 02:00:00:00:00:02 > 02:00:00:00:00:01, ethertype ARP (0x0806), length 42: Reply 10.77.0.2 is-at 02:00:00:00:00:02, length 28
                18:48:46.872266 02:00:00:00:00:01 > 02:00:00:00:00:02, ethertype IPv4 (0x0800), length 98: 10.77.0.1 > 10.77.0.2: ICMP echo request, id 29048, seq 1, length 64
                """, r.out());
        assertEquals("", r.err());
    }

    @Test
    void timestampFormatsFollowTcpdump() {
        assertTrue(Run.of("read", "-c", "1", "-t", ARP_ICMP).out().startsWith("02:00:00:00:00:01 >"));
        assertTrue(Run.of("read", "-c", "1", "-tt", ARP_ICMP).out().startsWith("1795632526.872240 "));
        String delta = Run.of("read", "-c", "2", "-ttt", ARP_ICMP).out();
        assertTrue(delta.lines().toList().get(1).startsWith(" 00:00:00.000022 "), delta);
        assertTrue(Run.of("read", "-c", "1", "-tttt", ARP_ICMP).out().startsWith("2026-11-25 18:48:46.872240 "));
        String rel = Run.of("read", "-c", "3", "-ttttt", ARP_ICMP).out();
        assertTrue(rel.lines().toList().get(2).startsWith(" 00:00:00.000026 "), rel);
        assertTrue(Run.of("read", "-c", "1", "--nano", "-tt", ARP_ICMP).out().startsWith("1795632526.872240000 "));
    }

    @Test
    void jsonLinesHaveEveryLayer() throws IOException {
        Run r = Run.of("read", "--json", ARP_ICMP);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(12, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(1, first.get("number").asInt());
        assertEquals("2026-11-25T18:48:46.872240000Z", first.get("timestamp").asText());
        assertEquals("eth:arp", first.get("protocols").asText());
        assertEquals(42, first.get("length").asInt());
        // The L1 layer gives the same time in the same form (nine digits, as every netlab JSON timestamp).
        assertEquals("2026-11-25T18:48:46.872240000Z", first.at("/layers/0/fields/timestamp").asText());
        JsonNode arp = first.get("layers").get(2);
        assertEquals("arp", arp.get("protocol").asText());
        assertEquals(3, arp.get("osi_layer").asInt());
        assertEquals("10.77.0.2", arp.at("/fields/target_ip").asText());
        assertTrue(first.get("decode_failure").isNull());
        JsonNode icmp = new ObjectMapper().readTree(lines.get(2));
        assertEquals("eth:ip:icmp", icmp.get("protocols").asText());
    }

    /** Every bundled capture: -v shows L1 to L7 for every frame, and nothing escapes as an exception. */
    @TestFactory
    Stream<DynamicTest> layersOfEverySample() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Run.root().resolve("sample-pcaps"))) {
            files = s.filter(p -> p.toString().matches(".*\\.pcapn?g?$")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            Run r = Run.of("read", "-v", "--all-layers", p.toString());
            assertTrue(r.code() == 0 || r.code() == ExitCode.BAD_CAPTURE || r.code() == ExitCode.DAMAGED_CAPTURE,
                    r.err());
            assertTrue(r.err().lines().count() <= 1, r.err());
            if (r.code() != ExitCode.BAD_CAPTURE) {
                long frames = r.out().lines().filter(l -> !l.startsWith(" ")).count();
                // L1 is the frame itself (a radiotap header, also L1, comes beside it); L5-L7 appear once each.
                for (String layer : List.of("L1 Physical     Frame (frame)", "L5 Session", "L6 Presentation",
                        "L7 Application")) {
                    assertEquals(frames, r.out().lines().filter(l -> l.startsWith("    " + layer)).count(), layer);
                }
            }
        }));
    }

    @Test
    void writeRoundTrips(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("copy.pcap");
        Run w = Run.of("read", "-f", "icmp", "-w", out.toString(), ARP_ICMP);
        assertEquals(0, w.code(), w.err());
        assertEquals("", w.out());
        Run back = Run.of("read", out.toString());
        Run orig = Run.of("read", "-f", "icmp", ARP_ICMP);
        assertEquals(orig.out(), back.out());
        assertEquals(6, back.out().lines().count());
        Path nano = dir.resolve("nano.pcap");
        Run.of("read", "--nano", "-w", nano.toString(), Run.sample("nanosecond.pcap"));
        assertArrayEquals(new byte[] {0x4d, 0x3c, (byte) 0xb2, (byte) 0xa1}, java.util.Arrays.copyOf(Files.readAllBytes(nano), 4));
        assertEquals(Run.of("read", "--nano", Run.sample("nanosecond.pcap")).out(), Run.of("read", "--nano", nano.toString()).out());
    }

    @Test
    void badInputsAreOneLineWithTheirExitCode(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pcap"));
        Object[][] cases = {
            {"nonexistent.pcap", ExitCode.NO_INPUT, "netlab: nonexistent.pcap: no such file (check the path)"},
            {dir.toString(), ExitCode.NO_INPUT, "netlab: " + dir + ": is a directory (give a pcap or pcapng file)"},
            {empty.toString(), ExitCode.BAD_CAPTURE, "netlab: " + empty + ": not a pcap or pcapng file (empty) at byte offset 0 (expected a pcap or pcapng file)"},
            {Run.root().resolve("README.md").toString(), ExitCode.BAD_CAPTURE, null},
            {Run.sample("public/pcapplusplus/microsecs_big_endian.pcap"), ExitCode.BAD_CAPTURE, null},
        };
        for (Object[] c : cases) {
            Run r = Run.of("read", (String) c[0]);
            assertEquals(c[1], r.code(), r.err());
            assertEquals("", r.out());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("netlab: "), r.err());
            if (c[2] != null) {
                assertEquals(c[2] + System.lineSeparator(), r.err());
            }
        }
    }

    @Test
    void truncatedFileReportsFramesBeforeTheDamage() {
        Run r = Run.of("read", Run.sample("truncated.pcap"));
        assertEquals(ExitCode.DAMAGED_CAPTURE, r.code());
        assertEquals(5, r.out().lines().count());
        assertEquals("netlab: " + Run.sample("truncated.pcap") + ": record data cut short (49 of 98 bytes) at byte offset 482"
                + " (frames before the damage were reported)" + System.lineSeparator(), r.err());
    }

    @Test
    void filterErrors() {
        Run bad = Run.of("read", "-f", "not a (filter", ARP_ICMP);
        assertEquals(ExitCode.BAD_FILTER, bad.code());
        assertTrue(bad.err().startsWith("netlab: filter 'not a (filter': "), bad.err());
        assertEquals(1, bad.err().lines().count());
        Run arp = Run.of("read", "-f", "arp", ARP_ICMP);
        assertEquals(6, arp.out().lines().count());
    }

    @Test
    void verboseAddsTheStackTrace() {
        Run r = Run.of("read", "--verbose", "nonexistent.pcap");
        assertEquals(ExitCode.NO_INPUT, r.code());
        assertTrue(r.err().lines().count() > 1);
        assertTrue(r.err().contains("NoSuchFileException"));
    }
}
