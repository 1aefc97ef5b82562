package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void textReportHasItsSections() {
        Run r = Run.of("analyze", Run.sample("arp-icmp.pcap"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("""
                == Summary
                Frames:          12, 872 bytes (captured 872); unicast 9, broadcast 3, multicast 0
                Time:            2026-11-25T18:48:46.872240000Z to 2026-11-25T18:48:47.526258000Z (0.654018 s)
                Sources:         2 MACs, 2 IP addresses, no VLANs
                Decode failures: none
                Events:          2 (new_station 2)

                == Protocol hierarchy (frames per protocol path, like tshark -z io,phs)
                  protocol  frames  bytes
                  eth           12    872
                    arp          6    284
                    ip           6    588
                      icmp       6    588

                == Top talkers by source IP (2 addresses)
                  IP         frames  bytes
                  10.77.0.1       3    294
                  10.77.0.2       3    294
                """), r.out());
        assertTrue(r.out().contains("\nRequests 3, replies 3, 3 pairs, malformed 0; RTT min/median/p99/max"), r.out());
        assertTrue(r.out().endsWith("""
                == Events (2; the first of each type)
                  2026-11-25T18:48:46.872240000Z  new_station  new station 10.77.0.1 at 02:00:00:00:00:01
                  ... and 1 more (--full, or --json)
                """), r.out());
        assertEquals("", r.err());
    }

    @Test
    void fullPrintsEveryRowAndTheTablesTheDefaultLeavesOut() {
        Run r = Run.of("analyze", "--full", Run.sample("arp-icmp.pcap"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("""
                == Top talkers by source MAC (2 MACs)
                  MAC                frames  bytes
                  02:00:00:00:00:01       6    452
                  02:00:00:00:00:02       6    420
                """), r.out());
        assertTrue(r.out().contains("Top broadcast/multicast sources:\n"), r.out());
        assertTrue(r.out().endsWith("""
                == Events (2)
                  2026-11-25T18:48:46.872240000Z  new_station  new station 10.77.0.1 at 02:00:00:00:00:01
                  2026-11-25T18:48:46.872262000Z  new_station  new station 10.77.0.2 at 02:00:00:00:00:02
                """), r.out());
        assertTrue(!r.out().contains("--full, or --json"), r.out());
    }

    @Test
    void topCutsEveryTextTableButNotTheJsonDefault() throws IOException {
        Run r = Run.of("analyze", "--top", "1", Run.sample("arp-icmp.pcap"));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("""
                  IP         frames  bytes
                  10.77.0.1       3    294
                  ... and 1 more (--full, or --json)
                """), r.out());
        assertTrue(r.out().contains("""
                  protocol  frames  bytes
                  eth           12    872
                    arp          6    284
                  ... and 2 more (--full, or --json)
                """), r.out());
        JsonNode doc = JSON.readTree(Run.of("analyze", "--json", Run.sample("mac-flood.pcap")).out());
        assertEquals(10, doc.at("/top_talkers/mac").size());
        doc = JSON.readTree(Run.of("analyze", "--json", "--top", "3", Run.sample("mac-flood.pcap")).out());
        assertEquals(3, doc.at("/top_talkers/mac").size());
    }

    @Test
    void seriesPrintsOneRowPerIntervalAndTheTotals() {
        Run r = Run.of("analyze", "--series", "--interval", "100ms", Run.sample("mixed-session.pcap"));
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                == Time series (like tshark -z io,stat): 0.1 s rows from 2026-11-25T18:49:55.500000000Z
                  from (s)       to  frames  bytes  broadcast  multicast  ARP requests  ARP replies  unanswered
                         0  <>  0.1       2    689          1          0             0            0           0
                       0.1  <>  0.2       8   1129          2          0             1            1           0
                       0.2  <>  0.3      15   1338          0          0             0            0           0
                     total               25   3156          3          0             1            1           0
                """, r.out());
        Run both = Run.of("analyze", "--series", "--json", Run.sample("mixed-session.pcap"));
        assertEquals(ExitCode.USAGE, both.code());
        assertEquals("netlab: analyze: --series is a text table; it excludes --json (the JSON has the broadcast series)"
                + " (see 'netlab analyze --help')\n", both.err());
    }

    @Test
    void seriesOfALongCaptureSumsIntervalsToFitItsRows() {
        Run r = Run.of("analyze", "--series", Run.sample("public/tcpdump/arp-oobr.pcap"));
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals("== Time series (like tshark -z io,stat): 128 s rows from 2010-03-13T22:14:54.000000000Z", lines[0]);
        assertEquals("   (10336 intervals of 1 s, 128 per row to fit in 100 rows; --full: up to 2048)", lines[1]);
        assertTrue(lines.length <= 3 + 100 + 1, r.out());
        assertTrue(lines[lines.length - 1].matches(" +total +2282 +136380 .*"), lines[lines.length - 1]);
    }

    @Test
    void severalFilesMakeOneReport() throws IOException {
        Run r = Run.of("analyze", "--json", Run.sample("arp-icmp.pcap"), Run.sample("vlan.pcap"));
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(19, doc.get("frames").asInt());
        assertEquals(2, doc.get("files").size());
        assertEquals(12, doc.at("/files/0/frames").asInt());
        assertEquals(7, doc.at("/files/1/frames").asInt());
        assertTrue(doc.get("complete").asBoolean());
        assertTrue(doc.get("interrupted").isNull());
        assertEquals("[10,20,100]", doc.get("vlan_ids").toString());
    }

    @Test
    void damagedFileStillReportsAndSetsTheExitCode() throws IOException {
        Run r = Run.of("analyze", "--json", Run.sample("arp-icmp.pcap"), Run.sample("truncated.pcap"), "missing.pcap");
        assertEquals(ExitCode.DAMAGED_CAPTURE, r.code());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(17, doc.get("frames").asInt());
        assertFalse(doc.get("complete").asBoolean());
        assertEquals(5, doc.at("/files/1/frames").asInt());
        assertTrue(doc.at("/files/2/error").asText().contains("no such file"));
        assertEquals(2, r.err().lines().count(), r.err());
    }

    @Test
    void missingOnlyFileGivesNoReport() {
        Run r = Run.of("analyze", "missing.pcap");
        assertEquals(ExitCode.NO_INPUT, r.code());
        assertEquals("", r.out());
        assertEquals("netlab: missing.pcap: no such file (check the path)" + System.lineSeparator(), r.err());
    }

    @Test
    void filterApplies() throws IOException {
        JsonNode doc = JSON.readTree(Run.of("analyze", "--json", "-f", "arp", Run.sample("arp-icmp.pcap")).out());
        assertEquals(6, doc.get("frames").asInt());
        assertEquals(6, doc.at("/protocols/eth:arp").asInt());
    }

    @Test
    void decodeFailuresAreCountedWithOffsets() throws IOException {
        JsonNode doc = JSON.readTree(Run.of("analyze", "--json", Run.sample("public/pcapplusplus/ipv4-malformed.pcap")).out());
        assertEquals(2, doc.at("/decode_failures/frames").asInt());
        JsonNode first = doc.at("/decode_failures/reasons/0");
        assertEquals("ip", first.get("protocol").asText());
        assertEquals(3, first.get("layer").asInt());
        assertEquals("total length 11 < header length 20", first.get("reason").asText());
        assertEquals(1, first.get("first_frame").asInt());
        assertEquals(16, first.get("first_offset").asInt());
        assertEquals("version 5 != 4", doc.at("/decode_failures/reasons/1/reason").asText());
        assertEquals(2, doc.at("/decode_failures/reasons/1/first_frame").asInt());
    }
}
