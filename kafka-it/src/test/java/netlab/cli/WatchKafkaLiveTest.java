package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch --kafka} end to end: a real Kafka broker (KRaft) runs in the watching host's namespace; hosts
 * announce addresses before, while and after the broker is stopped and restarted; a plain consumer then reads
 * the topic. Every event watch printed is in the topic once, in order, under the segment's key, and watch's
 * count of acknowledged events matches. Skipped unless root.
 */
class WatchKafkaLiveTest {
    private static final int T = 120;
    private static final int NET = 18;
    private static final int PORT = 19092;
    private static final String TOPIC = "netlab-it";
    private static final String SEGMENT = "lab/eth0";
    private static final Pattern SENT = Pattern.compile(
            "netlab: kafka \\S+: (\\d+) events sent to topic 'netlab-it' \\(acknowledged\\), (\\d+) not delivered, (\\d+) dropped");
    private static NamespaceLab lab;

    @BeforeAll
    static void setUp() {
        lab = NamespaceLab.bridged(NET, 3);
    }

    @AfterAll
    static void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    /** Host k announces {@code ip} (not its own) with gratuitous ARP: a new_station event at the watcher. */
    private static void announce(int k, String ip) {
        lab.announce(k, ip, T, "-c", "1");
    }

    private static String ip(int n) {
        return "10.77." + NET + "." + (100 + n);
    }

    @Test
    void everyEventWatchPrintedReachesTheTopicInOrderAcrossABrokerRestart(@TempDir Path dir) throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        Path watchDir = Files.createDirectories(dir.resolve("watch"));
        try (KafkaBroker broker = new KafkaBroker(lab.host(1), brokerDir, PORT)) {
            broker.start();
            Process watch = lab.start(lab.host(1), watchDir, "watch", "eth0", "--json", "--kafka", broker.bootstrap(),
                    "--topic", TOPIC, "--segment", SEGMENT);
            Path out = watchDir.resolve("out.txt");
            NamespaceLab.awaitText(watch, watchDir.resolve("err.txt"), "netlab: watching eth0", T);
            int n = 0;
            for (int phase = 0; phase < 3; phase++) {
                if (phase == 1) {
                    broker.stop();
                } else if (phase == 2) {
                    broker.start();
                }
                for (int k = 2; k <= 3; k++) {
                    announce(k, ip(++n));
                    NamespaceLab.awaitText(watch, out, "\"ip\":\"" + ip(n) + "\"", T);
                }
            }
            NamespaceLab.signal(watch, "INT");
            NamespaceLab.Result w = NamespaceLab.finish(watch, watchDir, T);
            assertEquals(ExitCode.SIGINT, w.code(), w.err());
            List<String> printed = w.out().lines().toList();
            Matcher m = SENT.matcher(w.err());
            assertTrue(m.find(), w.err());
            assertEquals(printed.size(), Integer.parseInt(m.group(1)), "acknowledged = printed: " + w.err());
            assertEquals("0 0", m.group(2) + " " + m.group(3), w.err());

            NamespaceLab.Result c = lab.exec(lab.host(1), T, Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "netlab.cli.TopicDump", broker.bootstrap(),
                    TOPIC, Integer.toString(printed.size()));
            assertEquals(0, c.code(), c.err());
            List<String> values = new ArrayList<>();
            for (String line : c.out().lines().toList()) {
                String[] f = line.split("\t", 4);
                assertEquals(SEGMENT, f[2], line);
                values.add(f[3]);
            }
            assertEquals(printed, values, "the topic holds what watch printed, once each, in order");
            List<String> stations = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (String v : values) {
                JsonNode e = json.readTree(v);
                if (e.get("type").asText().equals("new_station") && e.get("ip").asText().startsWith("10.77." + NET + ".1")) {
                    stations.add(e.get("ip").asText());
                }
            }
            assertEquals(List.of(ip(1), ip(2), ip(3), ip(4), ip(5), ip(6)), stations,
                    "the announcements, in the order they were made (two while the broker was down)");
        }
    }

    @Test
    void noBrokerIsOneLineAndExit8(@TempDir Path dir) throws Exception {
        NamespaceLab.Result r = lab.netlab(lab.host(2), T, "watch", "eth0", "--kafka", "127.0.0.1:" + (PORT + 7),
                "--topic", TOPIC, "--duration", "30");
        assertEquals(ExitCode.WRITE_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("netlab: kafka 127.0.0.1:" + (PORT + 7) + ": no answer about topic 'netlab-it' in 15 s "
                + "(is the broker up, and the topic there or auto-created?)"), r.err());
    }
}
