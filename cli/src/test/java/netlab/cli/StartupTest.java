package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;

/** Issue 16's start-up pieces: which runs preload libpcap, the training run's command lines, the trace. */
class StartupTest {

    @Test
    void onlyLiveCommandsThatWillRunPreloadLibpcap() {
        assertTrue(Main.needsLibpcap(new String[] {"arp-resolve", "10.0.0.1"}));
        assertTrue(Main.needsLibpcap(new String[] {"arp-scan", "-l"}));
        assertTrue(Main.needsLibpcap(new String[] {"capture", "eth0"}));
        assertFalse(Main.needsLibpcap(new String[] {"arp-scan", "--help"}));
        assertFalse(Main.needsLibpcap(new String[] {"arp-resolve", "-h", "10.0.0.1"}));
        assertFalse(Main.needsLibpcap(new String[] {"capture"}), "usage error: nothing to open");
        assertFalse(Main.needsLibpcap(new String[] {"read", "f.pcap"}));
        assertFalse(Main.needsLibpcap(new String[] {"--version"}));
        assertFalse(Main.needsLibpcap(new String[0]));
    }

    /** Main answers a lone --version without picocli: the same lines picocli prints for it. */
    @Test
    void versionWithoutPicocliPrintsWhatPicocliPrints() {
        java.io.StringWriter fast = new java.io.StringWriter();
        assertEquals(ExitCode.OK, Main.version(new java.io.PrintWriter(fast)));
        assertEquals(Run.full("--version").out(), fast.toString());
        assertTrue(fast.toString().startsWith("netlab "), fast.toString());
    }

    @Test
    void trainingSplitsItsArgumentsIntoCommandLines() {
        List<String[]> lines = Training.split(new String[] {"analyze", "f", "--", "--version", "--", "--", "x"});
        assertEquals(3, lines.size());
        assertArrayEquals(new String[] {"analyze", "f"}, lines.get(0));
        assertArrayEquals(new String[] {"--version"}, lines.get(1));
        assertArrayEquals(new String[] {"x"}, lines.get(2));
        assertEquals(0, Training.split(new String[0]).size());
    }

    /** A child JVM: the trace is on stderr after the output, one line per phase, and stdout is unchanged. */
    @Test
    void traceListsThePhasesOnStderr() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "-Dnetlab.trace.startup=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "subnet", "10.0.0.1/8"));
        Process p = new ProcessBuilder(cmd).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("10.0.0.0/8"), out);
        List<String> phases = err.lines().map(l -> l.substring("netlab: startup: ".length(), 51).strip()).toList();
        assertEquals(List.of("JVM start until main", "command line model (picocli)", "arguments parsed (picocli)",
                "command", "exit", "total"), phases, err);
        assertTrue(err.lines().allMatch(l -> l.matches("netlab: startup: .{34} +[0-9.]+ ms wall +[0-9.]+ ms CPU \\(.*\\)")),
                err);
    }
}
