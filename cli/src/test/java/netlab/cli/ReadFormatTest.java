package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netlab.cli.report.TimeFormat;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** read's tcpdump habits: -x/-xx/-X/-XX, the -t family, local time with --utc, -c checked as tcpdump does. */
class ReadFormatTest {
    private static final String ARP_ICMP = Run.sample("arp-icmp.pcap");

    private static String hexOf(String... flags) {
        List<String> args = new java.util.ArrayList<>(List.of("read", "-c", "1", "-t"));
        args.addAll(List.of(flags));
        args.add(ARP_ICMP);
        Run r = Run.of(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r.out().substring(r.out().indexOf('\n') + 1);
    }

    @Test
    void hexDumpsAreTcpdumps() {
        // tcpdump -n -r sample-pcaps/arp-icmp.pcap -c 1 -x / -xx / -X / -XX (the ARP request, 42 bytes):
        assertEquals("""
                \t0x0000:  0001 0800 0604 0001 0200 0000 0001 0a4d
                \t0x0010:  0001 0000 0000 0000 0a4d 0002
                """, hexOf("-x"));
        assertEquals("""
                \t0x0000:  ffff ffff ffff 0200 0000 0001 0806 0001
                \t0x0010:  0800 0604 0001 0200 0000 0001 0a4d 0001
                \t0x0020:  0000 0000 0000 0a4d 0002
                """, hexOf("-xx"));
        assertEquals("""
                \t0x0000:  0001 0800 0604 0001 0200 0000 0001 0a4d  ...............M
                \t0x0010:  0001 0000 0000 0000 0a4d 0002            .........M..
                """, hexOf("-X"));
        assertEquals("""
                \t0x0000:  ffff ffff ffff 0200 0000 0001 0806 0001  ................
                \t0x0010:  0800 0604 0001 0200 0000 0001 0a4d 0001  .............M..
                \t0x0020:  0000 0000 0000 0a4d 0002                 .......M..
                """, hexOf("-XX"));
    }

    /** Every bundled capture (VLAN, SLL, 802.3/LLC, pcapng): the hex lines equal tcpdump's, flag by flag. */
    @TestFactory
    Stream<DynamicTest> hexDumpsEqualTcpdumpOnEveryBundledCapture() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Run.root().resolve("sample-pcaps"))) {
            files = s.filter(p -> p.toString().matches(".*\\.pcapn?g?$")).sorted().toList();
        }
        List<Path> more = List.of(Run.root().resolve("sample-pcaps/public/pcapplusplus/sll.pcap"),
                Run.root().resolve("sample-pcaps/public/pcapplusplus/Stp.pcap"), Run.root().resolve("sample-pcaps/public/tcpdump/802.1ad_QinQ.pcap"),
                Run.root().resolve("sample-pcaps/public/pcapplusplus/llc_vlan.pcap"));
        return Stream.concat(files.stream(), more.stream()).flatMap(p -> Stream.of("-x", "-xx", "-X", "-XX")
                .map(flag -> DynamicTest.dynamicTest(p.getFileName() + " " + flag, () -> {
                    String theirs = tcpdump(flag, p);
                    String ours = Run.of("read", flag, p.toString()).out();
                    assertEquals(hexLines(theirs), hexLines(ours));
                })));
    }

    private static List<String> hexLines(String out) {
        return out.lines().filter(l -> l.startsWith("\t0x")).toList();
    }

    private static String tcpdump(String flag, Path file) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("tcpdump", "-n", flag, "-r", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Assumptions.assumeTrue(false, "tcpdump is not installed: comparison skipped");
            return "";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    @Test
    void deltasAreTcpdumps() {
        // tcpdump -n -e -ttt / -ttttt: a sign column, then hours:minutes:seconds.micros.
        List<String> ttt = Run.of("read", "-c", "3", "-ttt", ARP_ICMP).out().lines().toList();
        assertEquals(" 00:00:00.000000 02:00:00:00:00:01", ttt.get(0).substring(0, 34));
        assertEquals(" 00:00:00.000022 ", ttt.get(1).substring(0, 17));
        List<String> ttttt = Run.of("read", "-c", "3", "--nano", "-ttttt", ARP_ICMP).out().lines().toList();
        assertEquals(" 00:00:00.000026000 ", ttttt.get(2).substring(0, 20));
    }

    @Test
    void timesOfDayAreLocalUnlessUtc() {
        long t = 1_795_632_526_872_240_000L; // 2026-11-25T18:48:46.872240Z, the first frame of arp-icmp.pcap
        assertEquals("00:18:46.872240 ", new TimeFormat(0, false, ZoneId.of("Asia/Kolkata")).format(t));
        assertEquals("2026-11-25 13:48:46.872240 ", new TimeFormat(4, false, ZoneId.of("America/New_York")).format(t));
        assertEquals("18:48:46.872240 ", new TimeFormat(0, false, ZoneOffset.UTC).format(t));
        // Across a daylight-saving change the offset follows each frame (2026-03-29 01:00Z, Europe/Paris +1 -> +2).
        TimeFormat paris = new TimeFormat(0, false, ZoneId.of("Europe/Paris"));
        long change = 1_774_746_000_000_000_000L;
        assertEquals("01:59:59.000000 ", paris.format(change - 1_000_000_000L));
        assertEquals("03:00:00.000000 ", paris.format(change));
        // The surefire run sets TZ=UTC, so the default equals --utc here.
        assertEquals(Run.of("read", "-c", "2", ARP_ICMP).out(), Run.of("read", "--utc", "-c", "2", ARP_ICMP).out());
    }

    @Test
    void countsAreCheckedAsTcpdumpDoes() {
        for (String c : List.of("0", "-1")) {
            Run r = Run.of("read", "-c", c, ARP_ICMP);
            assertEquals(ExitCode.USAGE, r.code());
            assertEquals("", r.out());
            assertEquals("netlab: read: -c " + c + ": must be at least 1 (see 'netlab read --help')\n", r.err());
        }
    }

    /** read -w x.pcap.gz writes gzip; read and analyze read it back as the original. */
    @Test
    void gzipRoundTrips(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        String mixed = Run.sample("mixed-session.pcap");
        Path gz = dir.resolve("copy.pcap.gz");
        Run w = Run.of("read", "-w", gz.toString(), mixed);
        assertEquals(0, w.code(), w.err());
        byte[] bytes = Files.readAllBytes(gz);
        assertEquals(0x1f8b, (bytes[0] & 0xff) << 8 | bytes[1] & 0xff);
        assertEquals(Run.of("read", "-v", mixed).out(), Run.of("read", "-v", gz.toString()).out());
        assertEquals(Run.of("analyze", mixed).out(), Run.of("analyze", gz.toString()).out());
        Path back = dir.resolve("back.pcap");
        assertEquals(0, Run.of("read", "-w", back.toString(), gz.toString()).code());
        assertEquals(Files.size(Path.of(mixed)), Files.size(back));
    }

    /** -v leaves out layers the frame does not have (--all-layers lists them); numbers carry tshark's names. */
    @Test
    void layersTheFrameHasWithNamedValues() throws IOException {
        String v = Run.of("read", "-v", "-c", "1", ARP_ICMP).out();
        assertEquals(List.of("    L1 Physical     Frame (frame), 42 bytes at offset 0",
                "    L2 Data link    Ethernet II (eth), 14 bytes at offset 0",
                "    L3 Network      Address Resolution Protocol (arp), 28 bytes at offset 14"),
                v.lines().filter(l -> l.startsWith("    L")).toList());
        org.junit.jupiter.api.Assertions.assertTrue(v.contains("\n         opcode: request (1)\n"), v);
        org.junit.jupiter.api.Assertions.assertTrue(v.contains("\n         type: ARP (0x0806)\n"), v);
        String all = Run.of("read", "-v", "--all-layers", "-c", "1", ARP_ICMP).out();
        assertEquals(List.of("    L5 Session      —", "    L6 Presentation —", "    L7 Application  —"),
                all.lines().filter(l -> l.matches("    L[567] .*")).toList());
        String icmp = Run.of("read", "-v", "-c", "1", "-f", "icmp", ARP_ICMP).out();
        org.junit.jupiter.api.Assertions.assertTrue(icmp.contains("\n         protocol: ICMP (1)\n"), icmp);
        org.junit.jupiter.api.Assertions.assertTrue(icmp.contains("\n         type: echo request (8)\n"), icmp);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Run.of("read", "--json", "-c", "1", ARP_ICMP).out());
        assertEquals(1, json.at("/layers/2/fields/opcode").asInt());
        assertEquals("request", json.at("/layers/2/fields/opcode_name").asText());
        assertEquals("0x0806", json.at("/layers/1/fields/type").asText());
        assertEquals("ARP", json.at("/layers/1/fields/type_name").asText());
        String dhcp = Run.of("read", "-v", "-c", "1", Run.sample("mixed-session.pcap")).out();
        org.junit.jupiter.api.Assertions.assertTrue(dhcp.lines().findFirst().orElseThrow().endsWith(", DISCOVER"), dhcp);
        org.junit.jupiter.api.Assertions.assertTrue(dhcp.contains("\n         message_type: DISCOVER (1)\n"), dhcp);
    }
}
