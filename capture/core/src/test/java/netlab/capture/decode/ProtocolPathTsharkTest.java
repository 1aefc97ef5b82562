package netlab.capture.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import netlab.capture.Frame;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netlab's protocol path must be a prefix of tshark's {@code frame.protocols} (stored under
 * {@code tshark-protocols/}), and must not stop where tshark goes on into a protocol netlab knows.
 */
class ProtocolPathTsharkTest {
    /** Application protocols over TCP that tshark names on the last segment of a reassembled PDU. */
    private static final Set<String> REASSEMBLED = Set.of("http", "tls", "dns");

    static Stream<String> captures() throws IOException {
        List<String> names = new ArrayList<>();
        for (String dir : List.of("tcpdump", "pcapplusplus")) {
            try (Stream<Path> s = Files.list(TestCaptures.publicDir().resolve(dir))) {
                s.map(p -> dir + "/" + p.getFileName()).sorted().forEach(names::add);
            }
        }
        return names.stream().filter(n -> ProtocolPathTsharkTest.class.getResource(resource(n)) != null);
    }

    private static String resource(String name) {
        return "/tshark-protocols/" + name + ".txt";
    }

    @ParameterizedTest
    @MethodSource("captures")
    void pathAgreesWithTshark(String name) throws IOException {
        List<String> expected;
        try (InputStream in = getClass().getResourceAsStream(resource(name))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<Frame> frames = TestCaptures.read(TestCaptures.publicDir().resolve(name));
        assertEquals(expected.size(), frames.size(), "frame count of " + name);
        PacketView v = new PacketView();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Decoder.decode(frames.get(i), v);
            FrameSummary.line(frames.get(i), v);
            FrameDetails.layers(frames.get(i), v);
            String why = disagreement(v.path(), expected.get(i));
            if (why != null) {
                problems.add("frame " + (i + 1) + ": netlab " + v.path() + " tshark " + expected.get(i) + " " + why
                        + " failure=" + v.failure());
            }
        }
        assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    static String disagreement(String netlab, String tshark) {
        List<String> n = netlab.isEmpty() ? List.of() : Arrays.asList(netlab.split(":"));
        List<String> t = tshark.isEmpty() ? List.of() : Arrays.asList(tshark.split(":"));
        boolean reassembly = n.size() == t.size() + 1 && n.subList(0, t.size()).equals(t)
                && t.get(t.size() - 1).equals("tcp") && REASSEMBLED.contains(n.get(n.size() - 1));
        if (reassembly) {
            return null;
        }
        if (n.size() > t.size() || !t.subList(0, n.size()).equals(n)) {
            return "not a prefix";
        }
        if (n.size() == t.size()) {
            return null;
        }
        String next = t.get(n.size());
        String last = n.isEmpty() ? "" : n.get(n.size() - 1);
        if (Protocol.byShortName(next) == null) {
            return null;
        }
        if (last.equals("icmp") || last.equals("icmpv6")) {
            return null;
        }
        if (next.equals(last) && (last.equals("arp") || last.equals("igmp"))) {
            // tshark nests a second tree of the same name for fuzzed ARP records and IGMPv3 groups.
            return null;
        }
        if (last.equals("tcp") && REASSEMBLED.contains(next)) {
            return null;
        }
        return "stops before " + next;
    }
}
