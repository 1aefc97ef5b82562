package netlab.dist;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.Netlab;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator of what the packages ship besides the jar, from the same picocli model that {@code --help}
 * prints, so neither can drift from it: one AsciiDoc man page per command (rendered to roff by asciidoctor next)
 * and the bash completion script.
 */
public final class DocGen {
    private DocGen() {
    }

    /** Arguments: the AsciiDoc output directory, the completion script's path. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DocGen ADOC_DIR COMPLETION_FILE");
        }
        Path adoc = Path.of(args[0]);
        Path completion = Path.of(args[1]);
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        // The full command line (every subcommand built), as `netlab --help` shows it.
        CommandLine netlab = Netlab.newCommandLine(none, none);
        Files.createDirectories(completion.toAbsolutePath().getParent());
        Files.writeString(completion, completionScript(netlab), StandardCharsets.UTF_8);
        // The help subcommand is picocli's (netlab help CMD = netlab CMD --help): no page of its own.
        netlab.getSubcommands().get("help").getCommandSpec().usageMessage().hidden(true);
        Files.createDirectories(adoc);
        int rc = ManPageGenerator.generateManPage(adoc.toFile(), null, new boolean[0], true, netlab.getCommandSpec());
        if (rc != 0) {
            throw new IllegalStateException("ManPageGenerator exited " + rc);
        }
        List<String> pages = new ArrayList<>();
        netlab.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                pages.add("netlab-" + name);
            }
        });
        for (String page : pages) {
            rewrite(adoc.resolve(page + ".adoc"), "*netlab*(1)");
        }
        rewrite(adoc.resolve("netlab.adoc"), String.join(", ", pages.stream().map(p -> "*" + p + "*(1)").toList()));
    }

    /**
     * Three fixes to picocli-codegen 4.7.7's AsciiDoc, and a SEE ALSO section: an option with only a short name
     * comes out as "*-x*, ::" (a stray comma), the exit-code heading keeps picocli's trailing colon, and the
     * command list links to .adoc files, which mean nothing in a man page; SEE ALSO names the pages instead.
     */
    static void rewrite(Path page, String seeAlso) throws IOException {
        String text = Files.readString(page, StandardCharsets.UTF_8)
                .replaceAll("(?m)^(\\*-[^*\\s]+\\*), ::$", "$1::")
                .replaceAll("(?m)^==\\s+(.+?):\\s*$", "== $1")
                .replaceAll("(?m)^xref:[^\\[]+\\[(\\*[^*]+\\*)\\]::$", "$1::");
        String footer = "// tag::picocli-generated-man-section-footer[]";
        if (!text.contains(footer)) {
            throw new IllegalStateException(page + ": no footer tag to put SEE ALSO before");
        }
        text = text.replace(footer, "== See also\n\n" + seeAlso + "\n\n" + footer);
        Files.writeString(page, text, StandardCharsets.UTF_8);
    }

    /**
     * picocli's script, sourced by bash-completion rather than run: its "#!" line goes (lintian:
     * bash-completion-with-hashbang), and a line saying where it comes from takes its place.
     */
    static String completionScript(CommandLine netlab) {
        String script = AutoComplete.bash("netlab", netlab);
        if (script.startsWith("#!")) {
            script = script.substring(script.indexOf('\n') + 1);
        }
        return "# bash completion for netlab, generated at build time from netlab's command-line model by picocli's\n"
                + "# AutoComplete (dist/src/main/java/netlab/dist/DocGen.java). Installed as\n"
                + "# /usr/share/bash-completion/completions/netlab, loaded by bash-completion on first use.\n"
                + script;
    }
}
