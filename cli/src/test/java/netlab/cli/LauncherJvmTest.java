package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.cli.support.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launchers' JVM settings ({@code dist/src/main/sh/netlab-jvm.sh}) give netlab: under the C locale a
 * UTF-8 file name still works (the JVM runs in C.UTF-8), and a SIGQUIT thread dump goes to stderr, not into a
 * JSON stdout. Each test sources the script under {@code LC_ALL=C} as the launchers do. File names are made by
 * the shell, so this test's own locale does not matter.
 */
class LauncherJvmTest {
    @TempDir
    Path dir;

    private static final String JVM = ". \"$NETLAB_ROOT/dist/src/main/sh/netlab-jvm.sh\"; netlab_jvm_opts read; ";

    private ProcessBuilder bash(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", JVM + script, "bash"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("LANG", "C");
        pb.environment().put("NETLAB_ROOT", Run.root().toString());
        pb.environment().put("NETLAB_CP", System.getProperty("java.class.path"));
        pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return pb;
    }

    @Test
    void aUtf8FileNameWorksUnderTheCLocale() throws Exception {
        Process p = bash("name=\"$(printf 'caf\\xc3\\xa9 \\xe2\\x82\\xac.pcap')\"; cp \"$1\" \"$name\"; "
                + "exec \"$JAVA\" \"${netlab_opts[@]}\" -cp \"$NETLAB_CP\" netlab.cli.Main read -c 1 \"$name\"",
                Run.sample("mixed-session.pcap")).redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals(1, out.lines().count(), out);
    }

    @Test
    void aNameThatCannotBeEncodedIsOneLineNotACrash() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "netlab.cli.Main", "read", "caf\u00e9.pcap")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        // In a UTF-8 locale the name encodes and is simply missing; in an ASCII one it cannot be encoded at all.
        assertEquals(ExitCode.NO_INPUT, p.exitValue(), out);
        assertEquals(1, out.lines().count(), out);
        assertTrue(out.startsWith("netlab: caf"), out);
    }

    /**
     * The access netlab.jar's manifest gives ({@code Add-Opens}, honoured by the launchers' {@code java -jar}):
     * these tests run the classes, not the jar, so they give it on the command line.
     */
    private static final String OPENS = "--add-opens java.base/sun.nio.fs=ALL-UNNAMED ";

    private static final String NETLAB = "exec \"$JAVA\" \"${netlab_opts[@]}\" " + OPENS + "-cp \"$NETLAB_CP\" netlab.cli.Main ";

    /** Runs {@code script} (after the launcher's settings; $1 the sample capture), returning code, stdout, stderr. */
    private Run run(String script) throws Exception {
        Process p = bash(script, Run.sample("mixed-session.pcap")).redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    /** True when the test's directory holds a regular file named what {@code printf NAME} prints. */
    private boolean onDisk(String printf) throws Exception {
        return RawFileNamesTest.onDisk(dir, printf);
    }

    // caf\xe9.pcap is Latin-1, not UTF-8: under the launchers' C.UTF-8 the JVM decodes it to caf\uFFFD.pcap, and
    // netlab takes the bytes back from /proc/self/cmdline (RawArguments).
    @Test
    void aCaptureNamedInLatin1IsRead() throws Exception {
        Run r = run("cp \"$1\" \"$(printf 'caf\\351.pcap')\"; " + NETLAB + "read -c 1 \"$(printf 'caf\\351.pcap')\"");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("BOOTP/DHCP, Request"), r.out());
    }

    @Test
    void aCaptureNamedInLatin1IsAnalyzedAndNamedEscaped() throws Exception {
        Run r = run("cp \"$1\" \"$(printf 'caf\\351.pcap')\"; " + NETLAB + "analyze --json \"$(printf 'caf\\351.pcap')\"");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"path\" : \"caf\\\\xe9.pcap\""), r.out());
        assertTrue(r.out().contains("\"frames\" : 25"), r.out());
    }

    @Test
    void anOutputNamedInLatin1IsWrittenUnderExactlyThatName() throws Exception {
        Run r = run(NETLAB + "read \"$1\" -w \"$(printf 'caf\\351.pcap')\"");
        assertEquals(0, r.code(), r.err());
        assertTrue(onDisk("caf\\351.pcap"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "caf\\xe9.pcap and err.txt, nothing else");
        }
        Run back = run(NETLAB + "read \"$(printf 'caf\\351.pcap')\"");
        assertEquals(0, back.code(), back.err());
        assertEquals(25, back.out().lines().count(), back.out());
    }

    @Test
    void aMissingLatin1NameIsNamedWithItsByteEscaped() throws Exception {
        Run r = run(NETLAB + "read \"$(printf 'caf\\351\\033[2J.pcap')\"");
        assertEquals(ExitCode.NO_INPUT, r.code(), r.err());
        assertEquals("netlab: caf\\xe9\\x1b[2J.pcap: no such file (check the path)\n", r.err());
    }

    @Test
    void aLatin1NameWorksUnderTheCLocaleWithoutCUtf8Too() throws Exception {
        // LC_ALL=C after the launcher's settings: the JVM's file names are ASCII (sun.jnu.encoding).
        Run r = run("cp \"$1\" \"$(printf 'caf\\351 \\303\\251.pcap')\"; export LC_ALL=C; " + NETLAB
                + "read \"$1\" -c 2 -w \"$(printf 'out \\303\\251 \\351.pcap')\"");
        assertEquals(0, r.code(), r.err());
        assertTrue(onDisk("out \\303\\251 \\351.pcap"));
        Run read = run("export LC_ALL=C; " + NETLAB + "read \"$(printf 'caf\\351 \\303\\251.pcap')\"");
        assertEquals(0, read.code(), read.err());
        assertEquals(25, read.out().lines().count(), read.out());
    }

    // Without access to the JDK's Unix paths (a JVM run without netlab's jar manifest or --add-opens) such a
    // name cannot be made: netlab says so in one line rather than read "no such file" or write another name.
    @Test
    void withoutAccessToUnixPathsALatin1NameIsRefusedNamingItsBytes() throws Exception {
        Run r = run("exec \"$JAVA\" \"${netlab_opts[@]}\" -cp \"$NETLAB_CP\" netlab.cli.Main read \"$1\" "
                + "-w \"$(printf 'caf\\351.pcap')\"");
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals(Main.notUtf8Line("caf\\xe9.pcap") + "\n", r.err());
        assertFalse(onDisk("caf\\351.pcap"));
        assertFalse(onDisk("caf\\357\\277\\275.pcap"));
    }

    @Test
    void aNameThatReallyHoldsTheReplacementCharacterIsUsedAsItIs() throws Exception {
        Process p = bash("name=\"$(printf 'caf\\357\\277\\275.pcap')\"; cp \"$1\" \"$name\"; "
                + "exec \"$JAVA\" \"${netlab_opts[@]}\" -cp \"$NETLAB_CP\" netlab.cli.Main read -c 1 \"$name\"",
                Run.sample("mixed-session.pcap")).redirectError(dir.resolve("err.txt").toFile()).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals(1, out.lines().count(), out);
    }

    @Test
    void aSigquitThreadDumpGoesToStderrNotIntoJsonOutput() throws Exception {
        Path err = dir.resolve("err.txt");
        Process p = bash("exec \"$JAVA\" \"${netlab_opts[@]}\" -cp \"$NETLAB_CP\" netlab.cli.Main read --json -")
                .redirectError(err.toFile()).start();
        try (OutputStream in = p.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            in.write(Files.readAllBytes(Path.of(Run.sample("mixed-session.pcap"))));
            in.flush();
            assertTrue(out.readLine().startsWith("{"), "the JVM is up and printing frames");
            assertEquals(0, new ProcessBuilder("kill", "-QUIT", Long.toString(p.pid())).start().waitFor());
            awaitDump(p, err);
            in.close();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                assertTrue(line.startsWith("{") && line.endsWith("}"), line);
            }
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(err));
    }

    /** Waits (hang guard: 2 minutes) until the thread dump has reached stderr. */
    private static void awaitDump(Process p, Path err) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (Files.readString(err).contains("Full thread dump")) {
                return;
            }
            assertFalse(!p.isAlive(), "the child ended: " + Files.readString(err));
            Thread.sleep(100);
        }
        fail("no thread dump on stderr: " + Files.readString(err));
    }
}
