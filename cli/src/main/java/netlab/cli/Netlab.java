package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import netlab.capture.live.Platform;
import netlab.capture.pcap4j.NativePlatform;
import netlab.cli.command.AnalyzeCommand;
import netlab.cli.command.ArpResolveCommand;
import netlab.cli.command.ArpScanCommand;
import netlab.cli.command.CaptureCommand;
import netlab.cli.command.InterfacesCommand;
import netlab.cli.command.NetlabCommand;
import netlab.cli.command.ReadCommand;
import netlab.cli.command.SubnetCommand;
import netlab.cli.command.WatchCommand;
import netlab.cli.io.StdoutException;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;
import netlab.cli.support.StartupTrace;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** The one factory for netlab's command line, used by {@link Main} and by the tests. */
public final class Netlab {
    private Netlab() {
    }

    /** The machine's own platform (libpcap, libc): the one place the native implementation is wired in. */
    private static final Platform NATIVE = new NativePlatform();

    /** The subcommands, in the order {@code netlab --help} lists them, each made for a platform. */
    private static final Map<String, Function<Platform, Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Function<Platform, Object>> subcommands() {
        Map<String, Function<Platform, Object>> m = new LinkedHashMap<>();
        m.put("read", ReadCommand::new);
        m.put("analyze", AnalyzeCommand::new);
        m.put("subnet", p -> new SubnetCommand());
        m.put("interfaces", InterfacesCommand::new);
        m.put("capture", CaptureCommand::new);
        m.put("arp-resolve", ArpResolveCommand::new);
        m.put("arp-scan", ArpScanCommand::new);
        m.put("watch", WatchCommand::new);
        m.put("help", p -> new CommandLine.HelpCommand());
        return m;
    }

    /** The machine's own platform: live capture through libpcap, the user switch through libc. */
    public static Platform nativePlatform() {
        return NATIVE;
    }

    /** A command line whose results go to {@code out} and diagnostics to {@code err}, with every subcommand. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, new String[0]);
    }

    /**
     * The command line {@code args} will run: when {@code args[0]} names a subcommand only that one is built,
     * none for a lone {@code --version}, else all of them (top-level help, a mistyped name). picocli builds a
     * command's model by reflection at start-up, ~25 ms for the seven that a run does not use; a subcommand's
     * parsing, help and errors depend on nothing but its own model, so they come out the same either way
     * (HelpTest checks).
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, String... args) {
        return newCommandLine(NATIVE, out, err, args);
    }

    /** As {@link #newCommandLine(PrintWriter, PrintWriter, String...)}, with live capture on {@code platform}. */
    public static CommandLine newCommandLine(Platform platform, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new NetlabCommand());
        Function<Platform, Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null && !args[0].equals("help")) {
            cl.addSubcommand(args[0], only.apply(platform));
        } else if (!(args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")))) {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.apply(platform)));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // File names of any bytes (FileNames): picocli's own converter would refuse or change them.
        cl.registerConverter(Path.class, FileNames::path);
        cl.setParameterExceptionHandler(Netlab::onParameterError);
        cl.setExecutionExceptionHandler(Netlab::onExecutionError);
        cl.setExecutionStrategy(parsed -> {
            StartupTrace.mark("arguments parsed (picocli)");
            RawArguments.refuseOutsideFiles(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandName();
        String hint = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            // picocli's suggestions: subcommands or options close to the mistyped word (netlab Read -> read).
            hint = "did you mean " + String.join(" or ", u.getSuggestions().stream().limit(1).toList()) + "?; " + hint;
        }
        cmd.getErr().println(Messages.text("netlab: " + (name.equals("netlab") ? "usage" : name) + ": "
                + e.getMessage() + " (" + hint + ")"));
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    private static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        StdoutException stdout = StdoutException.find(e);
        if (stdout != null) {
            return stdout.report(err);
        }
        if (e instanceof InvalidPathException ipe) {
            err.println(Messages.text("netlab: " + ipe.getInput() + ": the file name cannot be given to the system in "
                    + "this locale's charset, " + System.getProperty("sun.jnu.encoding") + " (run netlab in a UTF-8 "
                    + "locale, e.g. LC_ALL=C.UTF-8, as its launcher does)"));
            code = ExitCode.NO_INPUT;
        } else if (e instanceof NetlabException ne) {
            err.println(ne.line());
            code = ne.exitCode();
        } else {
            err.println(Messages.text("netlab: internal error: " + e + " (a bug: please report it with --verbose output)"));
            code = ExitCode.INTERNAL;
        }
        if (verbose(cmd.getCommandSpec().root().commandLine().getParseResult())) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult result) {
        if (result == null) {
            return false;
        }
        if (result.hasMatchedOption("--verbose")) {
            return true;
        }
        List<ParseResult> subs = result.subcommands();
        return subs.stream().anyMatch(Netlab::verbose);
    }
}
