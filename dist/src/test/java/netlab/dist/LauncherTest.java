package netlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clone's {@code ./netlab} as another user runs it: as {@code nobody}, through a symbolic link in that user's
 * home, from a copy of the repository that nobody cannot write. The copy holds what the launcher reads (itself, its
 * shell fragment, the poms, one source file, a capture) and the jar built by this build, so no test runs Maven: where
 * the launcher would build, a stand-in {@code mvn} first on PATH records how it was called and copies that jar.
 */
class LauncherTest {
    private static final int SECONDS = 120;
    private static final Path REPO = repo();

    private Path dir;
    private Path clone;
    private Path home;
    private Path jar;

    @BeforeEach
    void setUp() throws IOException {
        assumeRootWithRunuser();
        dir = Files.createTempDirectory("netlab-launcher", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        clone = copyClone(dir.resolve("clone"));
        home = dir.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin/netlab"), clone.resolve("netlab"));
        giveToNobody(home);
        giveToNobody(home.resolve("bin"));
        jar = clone.resolve("cli/target/netlab.jar");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (dir != null) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void runsThroughASymlinkFromACopyNobodyCannotWrite() throws IOException {
        Result r = asNobody(home, List.of(), "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.matches("netlab \\S+\nJava .*\n"), r.out);
        assertEquals("", r.err);
        // The jar was fresh: no build. Its archive could not go next to it, so it went to nobody's cache.
        assertTrue(Files.isRegularFile(cache(home).resolve("netlab.jsa")), "archive in " + cache(home));
        assertFalse(Files.exists(clone.resolve("cli/target/netlab.jsa")));

        Result subnet = asNobody(home, List.of(), "subnet", "192.0.2.77/24");
        assertEquals(0, subnet.code, subnet.err);
        assertTrue(subnet.out.contains("192.0.2.0"), subnet.out);
    }

    @Test
    void aStaleCopyIsBuiltInTheUsersCacheOnce() throws IOException {
        Path fakeBin = fakeMaven("mkdir -p cli/target && cp '" + jar + "' cli/target/netlab.jar");
        Files.setLastModifiedTime(clone.resolve("cli/src/main/java/netlab/cli/Main.java"), ago(Duration.ofMinutes(30)));

        Result first = asNobody(home, List.of(fakeBin), "--version");
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.startsWith("netlab "), first.out);
        Path src = cache(home).resolve("src");
        assertEquals("netlab: " + clone + " is not writable: building a copy in " + src + "\n"
                + "netlab: building " + src + "/cli/target/netlab.jar (first run or sources changed)...\n", first.err);
        assertEquals(src + " -q -B -DskipTests -pl cli -am package\n", Files.readString(home.resolve("mvn.log")));
        assertTrue(Files.isRegularFile(src.resolve("cli/src/main/java/netlab/cli/Main.java")));
        assertTrue(Files.isRegularFile(src.resolve("analyzers/pom.xml")));
        assertTrue(Files.isRegularFile(src.resolve("cli/target/netlab.jsa")), "archive next to the cache's jar");

        Result second = asNobody(home, List.of(fakeBin), "--version");
        assertEquals(0, second.code, second.err);
        assertEquals("", second.err);
        assertEquals(1, Files.readAllLines(home.resolve("mvn.log")).size(), "built once");
    }

    @Test
    void nowhereToBuildIsOneLineAndExit11() throws IOException {
        Files.setLastModifiedTime(clone.resolve("cli/src/main/java/netlab/cli/Main.java"), ago(Duration.ZERO));
        Path nowhere = Path.of("/nonexistent");
        Result r = asNobody(nowhere, List.of(fakeMaven("exit 99")), "--version");
        assertEquals(11, r.code, r.err);
        assertEquals("netlab: build: cannot write " + clone + "/cli/target nor " + cache(nowhere)
                + " (run ./netlab once as the clone's owner, or set XDG_CACHE_HOME to a writable directory)\n", r.err);
        assertEquals("", r.out);
    }

    @Test
    void aFailedBuildIsExit11NotABug() throws IOException {
        Files.setLastModifiedTime(clone.resolve("cli/src/main/java/netlab/cli/Main.java"), ago(Duration.ZERO));
        Result r = asNobody(home, List.of(fakeMaven("echo '[ERROR] stand-in failure'; exit 1")), "--version");
        assertEquals(11, r.code, r.err);
        List<String> lines = r.err.lines().toList();
        assertTrue(lines.contains("[ERROR] stand-in failure"), r.err);
        assertEquals("netlab: build: mvn package failed in " + cache(home).resolve("src") + " (output above) (run 'mvn -B "
                + "-pl cli -am package' there to see it in full)", lines.get(lines.size() - 1));
        assertEquals("", r.out);
    }

    // caf\xe9.pcap is Latin-1: the launcher's java -jar gives the JVM access to the JDK's Unix paths (the jar's
    // manifest), with which netlab uses such a name's own bytes (docs/robustness.md, "File names and locales").
    // LANG=C, as under cron: the launcher switches the JVM to C.UTF-8, and the byte still is not UTF-8.
    @Test
    void aLatin1FileNameIsReadAndWrittenThroughTheLauncherUnderTheCLocale() throws Exception {
        String script = "cp \"$3\" \"$1/$(printf 'caf\\351.pcap')\" && chown nobody \"$1/$(printf 'caf\\351.pcap')\" && "
                + "runuser -u nobody -- env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=\"$1\" LANG=C sh -c "
                + "'cd \"$HOME\" && \"$0\" read -c 3 \"$(printf \"caf\\351.pcap\")\" -w \"$(printf \"out\\351.pcap\")\" "
                + "&& \"$0\" read \"$(printf \"out\\351.pcap\")\"' \"$2\"";
        Process p = new ProcessBuilder("sh", "-c", script, "sh", home.toString(), home.resolve("bin/netlab").toString(),
                REPO.resolve("sample-pcaps/mixed-session.pcap").toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(SECONDS, TimeUnit.SECONDS), "finished");
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertEquals("", err);
        assertEquals(3, Files.readString(dir.resolve("out.txt")).lines().count());
        Process onDisk = new ProcessBuilder("sh", "-c", "test -f \"$1/$(printf 'out\\351.pcap')\"", "sh", home.toString())
                .start();
        assertEquals(0, onDisk.waitFor(), "out\\xe9.pcap under its own bytes");
    }

    private record Result(int code, String out, String err) {
    }

    /** Runs {@code HOME/bin/netlab ARGS} (or the clone's launcher when HOME has no bin) as nobody, from /. */
    private Result asNobody(Path userHome, List<Path> pathFirst, String... args) throws IOException {
        Path launcher = Files.exists(userHome.resolve("bin/netlab")) ? userHome.resolve("bin/netlab") : home.resolve("bin/netlab");
        List<String> path = new ArrayList<>();
        pathFirst.forEach(p -> path.add(p.toString()));
        path.addAll(List.of("/usr/local/bin", "/usr/bin", "/bin"));
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", "nobody", "--", "env", "-i",
                "PATH=" + String.join(":", path), "HOME=" + userHome, "LANG=C.UTF-8", launcher.toString()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(Path.of("/").toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("netlab " + String.join(" ", args) + " did not finish in " + SECONDS + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A directory holding an executable {@code mvn} that logs its directory and arguments, then runs BODY. */
    private Path fakeMaven(String body) throws IOException {
        Path bin = dir.resolve("fake-bin");
        Files.createDirectories(bin);
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$PWD $*\" >> \"$HOME/mvn.log\"\n" + body + "\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** Where the launcher builds for nobody: the cache under HOME, named by a hash of the clone's real path. */
    private Path cache(Path userHome) throws IOException {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(clone.toRealPath().toString().getBytes(StandardCharsets.UTF_8));
            return userHome.resolve(".cache/netlab").resolve(HexFormat.of().formatHex(h).substring(0, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies what the launcher reads, root-owned (so nobody cannot write it), sources a day old, the jar an hour old. */
    private static Path copyClone(Path to) throws IOException {
        List<String> files = new ArrayList<>(List.of("netlab", "dist/src/main/sh/netlab-jvm.sh", "pom.xml",
                "cli/src/main/java/netlab/cli/Main.java", "sample-pcaps/mixed-session.pcap"));
        try (Stream<Path> modules = Files.list(REPO)) {
            modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
                    .forEach(m -> files.add(m.getFileName() + "/pom.xml"));
        }
        for (String f : files) {
            Path target = to.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(REPO.resolve(f), target);
            Files.setLastModifiedTime(target, ago(Duration.ofDays(1)));
        }
        Path built = REPO.resolve("cli/target/netlab.jar");
        assertTrue(Files.isRegularFile(built), built + " is built by the cli module, before this one");
        Path jar = to.resolve("cli/target/netlab.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(built, jar);
        Files.setLastModifiedTime(jar, ago(Duration.ofHours(1)));
        try (Stream<Path> all = Files.walk(to)) {
            for (Path p : all.toList()) {
                boolean exec = Files.isDirectory(p) || p.getFileName().toString().equals("netlab");
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return to;
    }

    private static FileTime ago(Duration d) {
        return FileTime.from(Instant.now().minus(d));
    }

    private static void giveToNobody(Path p) throws IOException {
        UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(users.lookupPrincipalByName("nobody"));
        GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
        view.setGroup(group);
    }

    /** Skips (or fails with NETLAB_REQUIRE_LIVE=1) when not root, as only root can run a command as nobody. */
    private static void assumeRootWithRunuser() {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean runuser = Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"));
        String why = !root ? "the launcher tests run it as nobody, which needs root"
                : !runuser ? "the launcher tests need util-linux's runuser" : null;
        if (why != null) {
            if ("1".equals(System.getenv("NETLAB_REQUIRE_LIVE"))) {
                fail(why + ", and NETLAB_REQUIRE_LIVE=1");
            }
            Assumptions.abort(why);
        }
    }

    private static Path repo() {
        String r = System.getProperty("netlab.root");
        return (r != null ? Path.of(r) : Path.of("..")).toAbsolutePath().normalize();
    }
}
