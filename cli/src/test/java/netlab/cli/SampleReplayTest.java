package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netlab.analyzers.arp.ArpConfig;
import netlab.capture.decode.Protocol;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every bundled capture through {@code netlab analyze --json} and compares it with the expected-results
 * file that {@code sample-pcaps/expected/generate.sh} derived from tshark.
 */
class SampleReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Arrays.stream(Protocol.values()).map(Protocol::shortName)
            .collect(Collectors.toSet());

    /** Captures whose only link type netlab does not decode: exit 4, one line, no report. */
    private static final Set<String> UNSUPPORTED_LINK_TYPE = Set.of("public/tcpdump/hoobr_juniper3.pcap",
            "public/pcapplusplus/microsecs_big_endian.pcap");

    @TestFactory
    Stream<DynamicTest> everySampleMatchesItsExpectedResults() throws IOException {
        Path dir = Run.root().resolve("sample-pcaps/expected");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 40, "expected files present: " + files.size());
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path expectedFile) throws IOException {
        JsonNode want = JSON.readTree(expectedFile.toFile());
        String capture = Run.root().resolve("sample-pcaps").resolve(want.get("file").asText()).toString();
        Run r = Run.of("analyze", "--json", capture);
        if (UNSUPPORTED_LINK_TYPE.contains(want.get("file").asText())) {
            assertEquals(ExitCode.BAD_CAPTURE, r.code(), r.err());
            assertEquals("", r.out());
            assertTrue(r.err().matches("netlab: .*: unsupported link type .*\\R"), r.err());
            return;
        }
        boolean truncated = want.path("truncated").asBoolean(false);
        assertEquals(truncated ? ExitCode.DAMAGED_CAPTURE : ExitCode.OK, r.code(), r.err());
        JsonNode got = JSON.readTree(r.out());
        for (String key : List.of("frames", "bytes", "captured_bytes", "first_timestamp", "last_timestamp",
                "unicast_frames", "broadcast_frames", "multicast_frames", "distinct_src_macs", "vlan_ids")) {
            assertEquals(want.get(key), got.get(key), key);
        }
        assertEquals(want.at("/arp/requests"), got.at("/arp/requests"), "arp.requests");
        assertEquals(want.at("/arp/replies"), got.at("/arp/replies"), "arp.replies");
        assertBindings(want.at("/arp/bindings"), got.at("/arp/bindings"));
        assertEquals(comparable(want.get("protocols")), comparable(got.get("protocols")), "protocols");
    }

    /**
     * The same IPs, each claimed by the same MACs as tshark's arp.src fields say; netlab remembers at most
     * {@code HISTORY_CAP} MACs per IP, which must then all be among tshark's.
     */
    private static void assertBindings(JsonNode want, JsonNode got) {
        assertEquals(names(want), names(got), "arp.bindings IPs");
        for (String ip : names(want)) {
            Set<String> tshark = values(want.get(ip));
            Set<String> netlab = values(got.get(ip));
            if (tshark.size() <= ArpConfig.HISTORY_CAP) {
                assertEquals(tshark, netlab, "arp.bindings " + ip);
            } else {
                assertEquals(ArpConfig.HISTORY_CAP, netlab.size(), "arp.bindings " + ip);
                assertTrue(tshark.containsAll(netlab), "arp.bindings " + ip);
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * The paths made only of protocols netlab decodes (tshark's deeper dissectors are cut off), without
     * tshark's repeated names for fuzzed frames ({@code arp:arp}, {@code igmp:igmp}).
     */
    private static Map<String, Long> comparable(JsonNode protocols) {
        Map<String, Long> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = protocols.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] path = e.getKey().split(":");
            boolean repeated = false;
            for (int i = 1; i < path.length; i++) {
                repeated |= path[i].equals(path[i - 1]);
            }
            if (!repeated && Arrays.stream(path).allMatch(KNOWN::contains)) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        }
        return out;
    }
}
