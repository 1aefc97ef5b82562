package netlab.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netlab.cli.Netlab;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * Every man page that the build rendered (target/generated/man, roff from picocli-codegen's AsciiDoc) lists the
 * same options, with the same descriptions, in the same order, as the command's {@code --help}; and netlab(1)
 * lists every command.
 */
class ManPageTest {
    private static final Path MAN = Path.of("target/generated/man");

    static Stream<String> commands() {
        return Stream.of("", "read", "analyze", "subnet", "interfaces", "capture", "arp-resolve", "arp-scan", "watch");
    }

    @ParameterizedTest(name = "netlab {0}")
    @MethodSource("commands")
    void manPageOptionsAreTheHelpOptions(String command) throws IOException {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        StringWriter out = new StringWriter();
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        CommandLine cl = Netlab.newCommandLine(new PrintWriter(out), none, args);
        assertEquals(0, cl.execute(args));
        CommandLine target = command.isEmpty() ? cl : cl.getSubcommands().get(command);
        String optionList = new Help(target.getCommandSpec(), Help.defaultColorScheme(Help.Ansi.OFF)).optionList();
        assertTrue(out.toString().contains(optionList), "--help prints this option list:\n" + optionList);

        List<String[]> help = helpOptions(target.getCommandSpec(), optionList);
        List<String[]> man = manOptions(Files.readString(MAN.resolve(page(command) + ".1"), StandardCharsets.UTF_8));
        assertEquals(terms(help), terms(man), page(command) + "(1) option names");
        for (int i = 0; i < help.size(); i++) {
            assertEquals(text(help.get(i)[1]), man.get(i)[1], page(command) + "(1) " + help.get(i)[0]);
        }
        assertTrue(help.size() >= 3, "every command has at least --help, --version, --verbose");
    }

    @ParameterizedTest(name = "netlab(1) lists {0}")
    @MethodSource("commands")
    void netlabPageListsEveryCommand(String command) throws IOException {
        String roff = text(Files.readString(MAN.resolve("netlab.1"), StandardCharsets.UTF_8));
        if (!command.isEmpty()) {
            assertTrue(roff.contains("netlab-" + command + "(1)"), "netlab(1) names netlab-" + command + "(1)");
        } else {
            assertTrue(roff.contains("EXIT CODES"), "netlab(1) has the exit-code table");
        }
    }

    private static String page(String command) {
        return command.isEmpty() ? "netlab" : "netlab-" + command;
    }

    private static List<String> terms(List<String[]> options) {
        return options.stream().map(o -> o[0]).toList();
    }

    /**
     * (term, description) of each option as --help prints it, in its order there: picocli's own option renderer
     * gives the columns of each option's rows (short name, ",", long name and label, description).
     */
    static List<String[]> helpOptions(CommandLine.Model.CommandSpec spec, String optionList) {
        Help help = new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF));
        Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
        List<String[]> options = new ArrayList<>();
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            Help.Ansi.Text[][] rows = renderer.render(option, help.createDefaultParamLabelRenderer(), help.colorScheme());
            String term = (rows[0][1].plainString() + rows[0][2].plainString() + " " + rows[0][3].plainString()).strip();
            StringBuilder description = new StringBuilder();
            for (Help.Ansi.Text[] row : rows) {
                description.append(' ').append(row[4].plainString());
            }
            assertTrue(optionList.contains(term), "--help shows " + term);
            options.add(new String[] {term, description.toString().replaceAll("\\s+", " ").strip()});
        }
        options.sort(java.util.Comparator.comparingInt(o -> optionList.indexOf(o[0])));
        return options;
    }

    /** (term, description) pairs of the roff OPTIONS section: ".sp", the term, ".RS 4", description, ".RE". */
    static List<String[]> manOptions(String roff) {
        List<String[]> options = new ArrayList<>();
        boolean inOptions = false;
        String term = null;
        StringBuilder description = null;
        String previous = "";
        for (String line : roff.split("\n")) {
            if (line.startsWith(".SH ")) {
                inOptions = line.equals(".SH \"OPTIONS\"");
            } else if (inOptions && line.equals(".RS 4")) {
                term = text(previous);
                description = new StringBuilder();
            } else if (inOptions && line.equals(".RE") && term != null) {
                options.add(new String[] {term, description.toString().strip()});
                term = null;
            } else if (term != null && !line.startsWith(".")) {
                description.append(' ').append(text(line));
            }
            previous = line;
        }
        return options;
    }

    /** The text a roff line shows: font changes dropped, escapes for '-', quotes and hard breaks resolved. */
    static String text(String roff) {
        return roff.replace("\\fB", "").replace("\\fI", "").replace("\\fP", "").replace("\\fR", "")
                .replace("\\-", "-").replace("\\(cq", "'").replace("\\(aq", "'").replace("\\*(Aq", "'")
                .replace("\\(ga", "`").replace("\\(lq", "\"").replace("\\(rq", "\"").replace("\\&", "")
                .replace("\\e", "\\").replaceAll("\\s+", " ").strip();
    }
}
