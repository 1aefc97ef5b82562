package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/**
 * Without libpcap only {@code -f} fails (exit 7, one line); reading and analysing files still work. A child
 * JVM is pointed at a libpcap that does not exist, which is what a machine without the package looks like
 * to Pcap4j.
 */
class NoLibpcapTest {

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap-for-test.so",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheFilterNeedsLibpcap() throws Exception {
        Result filtered = run("read", "-f", "arp", Run.sample("arp-icmp.pcap"));
        assertEquals(ExitCode.NO_LIBPCAP, filtered.code(), filtered.err());
        assertEquals("", filtered.out());
        assertEquals(1, filtered.err().lines().count(), filtered.err());
        assertTrue(filtered.err().startsWith("netlab: filter 'arp': "), filtered.err());
        assertTrue(filtered.err().contains("libpcap"), filtered.err());

        Result plain = run("analyze", Run.sample("arp-icmp.pcap"));
        assertEquals(0, plain.code(), plain.err());
        assertTrue(plain.out().contains("Frames:          12"), plain.out());
    }
}
