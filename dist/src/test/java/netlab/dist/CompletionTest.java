package netlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netlab.cli.Netlab;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The bash completion script that the build generated (target/generated/completion/netlab, installed as
 * /usr/share/bash-completion/completions/netlab) completes commands and options: bash runs the function it
 * registers for netlab with COMP_WORDS and COMP_CWORD set as readline would, and prints COMPREPLY.
 */
class CompletionTest {
    private static final Path SCRIPT = Path.of("target/generated/completion/netlab");

    @Test
    void completesCommands() throws IOException, InterruptedException {
        assertEquals(List.of("capture"), complete("netlab", "ca"));
        assertEquals(List.of("arp-resolve", "arp-scan"), complete("netlab", "arp"));
        assertEquals(List.copyOf(netlab().getSubcommands().keySet()), complete("netlab", ""));
    }

    @Test
    void completesEachCommandsOwnOptions() throws IOException, InterruptedException {
        assertEquals(List.of("--count"), complete("netlab", "arp-resolve", "--co"));
        assertEquals(options("read", "--j"), sorted(complete("netlab", "read", "--j")));
        assertEquals(options("watch", "--d"), sorted(complete("netlab", "watch", "--d")));
        assertTrue(options("watch", "--d").contains("--db"));
        assertEquals(List.of(), complete("netlab", "subnet", "--count"));
    }

    /** The option names of COMMAND that start with PREFIX, sorted: what completion must offer, from the model. */
    private static List<String> options(String command, String prefix) {
        return netlab().getSubcommands().get(command).getCommandSpec().options().stream()
                .filter(o -> !o.hidden()).flatMap(o -> Stream.of(o.names()))
                .filter(n -> n.startsWith(prefix)).sorted().toList();
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().sorted().toList();
    }

    private static CommandLine netlab() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return Netlab.newCommandLine(none, none);
    }

    @Test
    void isSourcedNotRun() throws IOException {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        assertFalse(script.startsWith("#!"), "a completion file has no #! line (lintian bash-completion-with-hashbang)");
    }

    /** What bash offers for the last of WORDS (the word being typed), after sourcing the script. */
    private static List<String> complete(String... words) throws IOException, InterruptedException {
        StringBuilder quoted = new StringBuilder();
        for (String w : words) {
            quoted.append(" '").append(w).append('\'');
        }
        String line = String.join(" ", words);
        String program = "source '" + SCRIPT.toAbsolutePath() + "'\n"
                + "fn=$(complete -p netlab | sed -E 's/.* -F ([^ ]+) .*/\\1/')\n"
                + "COMP_WORDS=(" + quoted + " ); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "\"$fn\" netlab '" + words[words.length - 1] + "' '" + words[words.length - 2] + "'\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        // stderr: picocli's functions call compopt, which complains outside of a real completion.
        // stderr dropped: picocli's functions call compopt, which complains outside of a real completion.
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("bash did not finish");
        }
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(s -> !s.isEmpty()).toList();
    }
}
