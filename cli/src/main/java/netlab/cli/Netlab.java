package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The one factory for netlab's command line, used by {@link Main} and by the tests. */
public final class Netlab {
    private Netlab() {
    }

    /** A command line whose results go to {@code out} and diagnostics to {@code err}. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new NetlabCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Netlab::onParameterError);
        cl.setExecutionExceptionHandler(Netlab::onExecutionError);
        return cl;
    }

    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandName();
        cmd.getErr().println("netlab: " + (name.equals("netlab") ? "usage" : name) + ": " + e.getMessage()
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCode.USAGE;
    }

    private static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof NetlabException ne) {
            err.println(ne.line());
            code = ne.exitCode();
        } else {
            err.println("netlab: internal error: " + e + " (a bug: please report it with --verbose output)");
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
