package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code netlab analyze} on each scenario capture names exactly the events that happened (as made by
 * sample-pcaps/make-samples.sh) and no others, and {@code --fail-on} exits as documented.
 */
class ScenarioEventsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "arp-icmp.pcap       | new_station new_station                                    | unanswered,conflict,spoof,storm,flood,malformed | ",
        "arp-absent.pcap     | new_station                                                | conflict,spoof,storm,flood,malformed | unanswered",
        "arp-gratuitous.pcap | new_station                                                | unanswered,conflict,spoof,storm,flood,malformed | ",
        "arp-spoof.pcap      | new_station new_station unsolicited_reply arp_poisoning ip_conflict unsolicited_reply unsolicited_reply unsolicited_reply unsolicited_reply flip_flop | unanswered,storm,flood,malformed | conflict,spoof",
        "arp-burst.pcap      | new_station arp_storm arp_storm                            | conflict,spoof,flood,malformed | storm,unanswered",
        "mac-flood.pcap      | mac_flood                                                  | conflict,spoof,storm,unanswered,malformed | flood",
        "vlan.pcap           | new_station new_station new_station new_station new_station | conflict,spoof,storm,flood,malformed | unanswered",
        "mixed-session.pcap  | new_station new_station                                    | unanswered,conflict,spoof,storm,flood,malformed | ",
        "ipv6-nd.pcap        | ''                                                         | unanswered,conflict,spoof,storm,flood,malformed | ",
    })
    void namesExactlyWhatHappened(String file, String events, String quiet, String held) throws IOException {
        String path = Run.sample(file);
        Run r = Run.of("analyze", "--json", path);
        assertEquals(0, r.code(), r.err());
        List<String> types = new ArrayList<>();
        new ObjectMapper().readTree(r.out()).get("events").forEach((JsonNode e) -> types.add(e.get("type").asText()));
        assertEquals(events.isBlank() ? List.of() : List.of(events.trim().split("\\s+")), types);

        Run ok = Run.of("analyze", "--fail-on", quiet, path);
        assertEquals(ExitCode.OK, ok.code(), ok.err());
        if (held != null) {
            for (String condition : held.split(",")) {
                Run fail = Run.of("analyze", "--fail-on", condition, path);
                assertEquals(ExitCode.FINDING, fail.code(), condition);
                assertEquals("netlab: analyze: --fail-on held: " + condition + System.lineSeparator(), fail.err());
            }
        }
    }
}
