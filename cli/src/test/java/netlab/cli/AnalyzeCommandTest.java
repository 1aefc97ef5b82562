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
                Frames:          12
                Bytes:           872 (captured 872)
                First frame:     2026-11-25T18:48:46.872240000Z
                Last frame:      2026-11-25T18:48:47.526258000Z
                Duration:        0.654018 s
                Unicast:         9
                Broadcast:       3
                Multicast:       0
                Source MACs:     2
                VLANs:           none
                Decode failures: 0
                """), r.out());
        assertTrue(r.out().contains("""
                  eth                                    frames:12        bytes:872
                    arp                                  frames:6         bytes:284
                    ip                                   frames:6         bytes:588
                      icmp                               frames:6         bytes:588
                """), r.out());
        assertTrue(r.out().contains("== Top talkers by source MAC\n  02:00:00:00:00:01    frames 6         bytes 452\n"), r.out());
        assertEquals("", r.err());
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
