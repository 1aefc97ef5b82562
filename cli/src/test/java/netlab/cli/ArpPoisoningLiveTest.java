package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ARP man in the middle in a namespace lab: hosts A and B and a poisoner M on one bridge; M sends a
 * bounded number of unsolicited unicast replies (A: "B is at M", B: "A is at M", {@link PoisonMain});
 * {@code netlab capture -c} on M's bridge port records a fixed number of them, and {@code analyze --fail-on spoof} on that file
 * exits 1 with arp_poisoning events naming M and both victims, while {@code --fail-on conflict} is quiet
 * (no IP was claimed from a MAC that also claimed it itself).
 */
class ArpPoisoningLiveTest {
    private static final int T = 60;
    private static final int SUBNET = 61;
    private static final int ROUNDS = 4;
    private static final int FRAMES = 6;
    private static final int ATTEMPTS = 10;

    @Test
    void poisonerIsNamedWithBothVictims(@TempDir Path dir) throws Exception {
        try (NamespaceLab lab = NamespaceLab.bridged(SUBNET, 3)) {
            String a = NamespaceLab.bridgedMac(SUBNET, 1);
            String b = NamespaceLab.bridgedMac(SUBNET, 2);
            String m = NamespaceLab.bridgedMac(SUBNET, 3);
            Path pcap = dir.resolve("poison.pcap");
            // Only what M sends: its ARP replies (opcode 2 at arp[6:2]).
            Process cap = lab.start(lab.bridge(), dir, "capture", "p3", "-c", String.valueOf(FRAMES), "-w",
                    pcap.toString(), "arp and ether src " + m + " and arp[6:2] = 2");
            NamespaceLab.awaitText(cap, dir.resolve("err.txt"), "listening on", T);
            // A capture may start receiving a moment after it says it listens: M sends bursts of ROUNDS rounds
            // (at most ATTEMPTS of them) until the capture has its FRAMES and exits by itself.
            for (int i = 0; i < ATTEMPTS && cap.isAlive(); i++) {
                NamespaceLab.Result sent = lab.exec(lab.host(3), T, Path.of(System.getProperty("java.home"), "bin",
                        "java").toString(), "-cp", System.getProperty("java.class.path"), PoisonMain.class.getName(),
                        "eth0", String.valueOf(ROUNDS), "100", m, NamespaceLab.bridgedIp(SUBNET, 1), a,
                        NamespaceLab.bridgedIp(SUBNET, 2), b);
                assertEquals(0, sent.code(), sent.err());
            }
            NamespaceLab.Result c = NamespaceLab.finish(cap, dir, T);
            assertEquals(ExitCode.OK, c.code(), c.err());

            Run r = Run.of("analyze", "--json", pcap.toString());
            assertEquals(0, r.code(), r.err());
            JsonNode report = new ObjectMapper().readTree(r.out());
            assertEquals(FRAMES, report.get("frames").asLong());
            List<String> poisonings = new ArrayList<>();
            report.get("events").forEach(e -> {
                if (e.get("type").asText().equals("arp_poisoning")) {
                    poisonings.add(e.get("attacker_mac").asText() + " told " + e.get("victim_ip").asText() + " "
                            + e.get("victim_mac").asText() + " that " + e.get("ip").asText() + " is at it, owner "
                            + e.get("owner_mac").asText());
                }
            });
            String ipA = NamespaceLab.bridgedIp(SUBNET, 1);
            String ipB = NamespaceLab.bridgedIp(SUBNET, 2);
            // The capture may begin with either victim's reply: the order of the two events follows it.
            assertEquals(List.of(m + " told " + ipA + " " + a + " that " + ipB + " is at it, owner " + b,
                    m + " told " + ipB + " " + b + " that " + ipA + " is at it, owner " + a),
                    poisonings.stream().sorted().toList());
            assertEquals(ExitCode.FINDING, Run.of("analyze", "--fail-on", "spoof", pcap.toString()).code());
            assertEquals(ExitCode.OK, Run.of("analyze", "--fail-on", "conflict", pcap.toString()).code());
        }
    }
}
