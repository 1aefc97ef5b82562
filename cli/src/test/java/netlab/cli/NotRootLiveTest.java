package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live commands run as {@code nobody} (setpriv, inside the lab's namespace): one line, exit 9, no stack
 * trace. The classpath is copied to a world-readable directory first, since root's ~/.m2 is not readable.
 */
class NotRootLiveTest {
    private static final int T = 60;
    private static NamespaceLab lab;
    private static Path copy;
    private static String classpath;

    @BeforeAll
    static void setUp() throws IOException {
        lab = NamespaceLab.create();
        copy = Files.createTempDirectory("nlt-cp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path src = Path.of(e);
            if (Files.exists(src)) {
                Path dst = copy.resolve(n++ + "-" + src.getFileName());
                copyTree(src, dst);
                entries.add(dst.toString());
            }
        }
        classpath = String.join(java.io.File.pathSeparator, entries);
    }

    private static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> all = Files.walk(src)) {
            for (Path p : all.toList()) {
                Path to = dst.resolve(src.relativize(p).toString());
                Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }

    @AfterAll
    static void tearDown() throws IOException {
        if (lab != null) {
            lab.close();
        }
        if (copy != null) {
            try (Stream<Path> all = Files.walk(copy)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static NamespaceLab.Result asNobody(String... args) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups",
                "--inh-caps=-all", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", classpath, "netlab.cli.Main"));
        cmd.addAll(List.of(args));
        return lab.exec(lab.a, T, cmd.toArray(String[]::new));
    }

    private static void assertNotPermitted(NamespaceLab.Result r) {
        assertEquals(ExitCode.PERMISSION, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("netlab: veth0: "), r.err());
        assertTrue(r.err().endsWith(" (run as root (sudo), or give java CAP_NET_RAW and CAP_NET_ADMIN)\n"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void captureArpScanAndWatchSayNotPermittedInOneLine() {
        assertNotPermitted(asNobody("capture", "veth0"));
        assertNotPermitted(asNobody("arp-scan", "-i", "veth0", "10.77.0.0/24"));
        assertNotPermitted(asNobody("watch", "veth0"));
    }
}
