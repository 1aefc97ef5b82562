package netlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.pcap4j.NativeInit;
import netlab.cli.command.NetlabCommand;
import netlab.cli.io.Stdout;
import netlab.cli.io.StdoutException;
import netlab.cli.support.ExitCode;
import netlab.cli.support.StartupTrace;
import picocli.CommandLine;

/** Process entry point: builds the command line, runs it, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.begin();
        if (needsLibpcap(args)) {
            Thread t = new Thread(() -> {
                StartupTrace.span("libpcap, JNA and Pcap4j loaded", NativeInit::preload);
                if (args[0].startsWith("arp-")) {
                    StartupTrace.span("OUI table loaded", OuiTable::bundled);
                }
            }, "netlab-native-init");
            t.setDaemon(true);
            t.start();
        }
        PrintWriter out = new PrintWriter(new OutputStreamWriter(Stdout.STREAM, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                Runtime.getRuntime().halt(outOfMemory(err, oom));
            }
            e.printStackTrace();
        });
        int code;
        try {
            String[] given = RawArguments.recover(args);
            String notUtf8 = given == null ? RawArguments.firstNotUtf8(args) : null;
            if (given == null) {
                given = args;
            }
            if (notUtf8 != null) {
                code = notUtf8(err, notUtf8);
            } else if (given.length == 1 && (given[0].equals("--version") || given[0].equals("-V"))) {
                code = version(out);
            } else {
                CommandLine cl = Netlab.newCommandLine(out, err, given);
                StartupTrace.mark("command line model (picocli)");
                code = cl.execute(given);
                StartupTrace.mark("command");
                out.flush();
            }
        } catch (StdoutException e) {
            code = e.report(err);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err, e);
        }
        StartupTrace.report(err);
        err.flush();
        System.exit(code);
    }

    /**
     * One line and exit 2 for an argument whose bytes are not UTF-8 where {@link RawArguments} cannot recover them
     * (not Linux, or a JVM without access to its Unix paths): netlab cannot then open or create a file under such
     * a name, and must not silently use another name (docs/robustness.md, "File names and locales").
     */
    static int notUtf8(PrintWriter err, String shown) {
        err.println(notUtf8Line(shown));
        return ExitCode.USAGE;
    }

    static String notUtf8Line(String shown) {
        return "netlab: argument '" + shown + "': not valid UTF-8, and this JVM cannot pass such a name back to the "
                + "system (run netlab.jar with java -jar, as its launchers do, or give the JVM --add-opens "
                + "java.base/sun.nio.fs=ALL-UNNAMED; or rename the file, e.g. convmv -f latin1 -t utf8)";
    }

    /**
     * A lone {@code --version} without building picocli's model of the top-level command (~30 ms of reflection
     * on an idle machine, most of this command's run, issue 16): the lines picocli prints for it, which
     * HelpTest compares with picocli's own.
     */
    static int version(PrintWriter out) {
        try {
            for (String line : new NetlabCommand.Version().getVersion()) {
                out.println(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * True for the commands that always open libpcap (not for their --help or a lone --version): their
     * ~0.1 s of loading JNA, libpcap and Pcap4j (and, for the ARP commands, the OUI table their replies are
     * printed with) then runs on a second thread while picocli builds and parses the command line on this one
     * (issue 16). A failure there is reported by the command, as without it.
     */
    static boolean needsLibpcap(String[] args) {
        if (args.length < 2 || !LIVE_COMMANDS.contains(args[0])) {
            return false;
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> LIVE_COMMANDS = Set.of("arp-resolve", "arp-scan", "capture");

    /**
     * One line and exit 70 for an {@link OutOfMemoryError}, never the JVM's trace and exit 1 (which means "a
     * finding"): every table and input is capped, so running out of heap is a bug in those caps.
     */
    static int outOfMemory(PrintWriter err, OutOfMemoryError e) {
        err.println("netlab: out of memory: " + e.getMessage() + " (a bug: every table and input has a cap; please "
                + "report it; NETLAB_JAVA_OPTS=-Xmx... raises the heap)");
        err.flush();
        return ExitCode.INTERNAL;
    }
}
