package netlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * netlab-jvm.sh's class-data archive (issue 16): made from one training JVM, it holds the classes of the short
 * commands and, where a throw-away network namespace can be made (as root here), of the live ARP commands; a
 * run with the flags netlab_archive_opts gives loads netlab's classes from it.
 */
class ArchiveTest {
    private static final Path REPO = Path.of(System.getProperty("netlab.root", "..")).toAbsolutePath().normalize();

    private Path dir;
    private Path jar;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory("netlab-archive");
        jar = dir.resolve("netlab.jar");
        Files.copy(REPO.resolve("cli/target/netlab.jar"), jar);
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void archiveCoversTheCommandsAndIsUsed() throws IOException, InterruptedException {
        Path jsa = dir.resolve("netlab.jsa");
        String classes = bash("netlab_make_archive \"$1\" \"$2\" \"$3\"; "
                + "java -XX:SharedArchiveFile=\"$2\" -XX:+PrintSharedArchiveAndExit -XX:+PrintSharedDictionary "
                + "-cp \"$1\" 2>&1", jar.toString(), jsa.toString(), REPO.resolve("sample-pcaps/mixed-session.pcap").toString());
        assertTrue(Files.isRegularFile(jsa), "archive made");
        assertTrue(Files.size(dir.resolve("netlab.jni/" + System.mapLibraryName("jnidispatch"))) > 10_000,
                "JNA's native library beside it");
        for (String c : List.of("netlab.cli.command.NetlabCommand ", "netlab.cli.command.SubnetCommand ", "netlab.cli.command.AnalyzeCommand ",
                "picocli.CommandLine$Help ")) {
            assertTrue(classes.contains(c), c + "in the archive");
        }
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            assertTrue(classes.contains("netlab.cli.probe.ArpExchange "), "arp-resolve trained in a namespace");
            assertTrue(classes.contains("org.pcap4j.core.PcapHandle "), "libpcap's handle trained");
        }
        String loaded = bash(". \"$0\"; netlab_jvm_opts --version; netlab_archive_opts \"$2\"; "
                + "java \"${netlab_opts[@]}\" -Xlog:class+load -jar \"$1\" --version",
                jar.toString(), jsa.toString());
        assertTrue(loaded.contains("netlab.cli.command.NetlabCommand source: shared objects file"), loaded);
    }

    /** Runs SCRIPT in bash with netlab-jvm.sh sourced ($0 is its path, then ARGS), returns stdout; exit 0. */
    private static String bash(String script, String... args) throws IOException, InterruptedException {
        Path sh = REPO.resolve("dist/src/main/sh/netlab-jvm.sh");
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "-c", ". \"$0\"; " + script, sh.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "bash finished");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
