package netlab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: builds the command line, runs it, exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
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
            code = Netlab.newCommandLine(out, err, args).execute(args);
            out.flush();
        } catch (StdoutException e) {
            code = e.report(err);
        } catch (OutOfMemoryError e) {
            code = outOfMemory(err, e);
        }
        err.flush();
        System.exit(code);
    }

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
