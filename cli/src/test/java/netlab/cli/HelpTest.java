package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every command's --help renders cleanly: exit 0, usage on stdout, no picocli format warnings. */
class HelpTest {

    @Test
    void everyCommandHasCleanHelp() {
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            for (String name : Netlab.newCommandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                    new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().keySet()) {
                if (name.equals("help")) {
                    continue;
                }
                Run r = Run.of(name, "--help");
                assertEquals(0, r.code(), name + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: netlab " + name), name + ": " + r.out());
                assertEquals("", r.err(), name);
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", warnings.toString(StandardCharsets.UTF_8));
    }

    /** Main builds only the subcommand it runs: help, usage errors and --verbose must not notice. */
    @Test
    void oneSubcommandBehavesAsInTheFullCommandLine() {
        for (String name : Netlab.newCommandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter())).getSubcommands().keySet()) {
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}, {name, "--verbose", "--help"}}) {
                Run lazy = Run.of(args);
                Run full = Run.full(args);
                assertEquals(full, lazy, String.join(" ", args));
            }
        }
        assertEquals(Run.full("--help"), Run.of("--help"));
        assertEquals(Run.full("analyz"), Run.of("analyz"));
        assertEquals(Run.full("--version"), Run.of("--version"));
        assertEquals(Run.full("-V"), Run.of("-V"));
        assertTrue(Run.of("--help").out().contains("arp-scan"), "top-level help lists every command");
    }

    /** The version comes from the build (resources filtered by Maven), wherever the command class lives. */
    @Test
    void versionIsTheProjectVersion() {
        Run r = Run.of("--version");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)netlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nJava .*"), r.out());
    }
}
