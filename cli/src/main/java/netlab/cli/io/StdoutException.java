package netlab.cli.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import netlab.cli.support.ExitCode;

/**
 * A write to standard output failed. A reader that went away ({@code EPIPE}, as in {@code netlab read big.pcap |
 * head -1}) ends the command quietly with 141, the status of tcpdump killed by SIGPIPE; any other failure (a full
 * disk) is one line and exit 8.
 */
public final class StdoutException extends RuntimeException {
    StdoutException(IOException cause) {
        super("stdout: " + cause.getMessage(), cause);
    }

    /** True when the reader closed the pipe (Linux's EPIPE message, as the JDK passes it on). */
    boolean readerGone() {
        String m = getCause().getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("broken pipe");
    }

    /** The stdout failure in {@code e}'s cause chain, or null. */
    public static StdoutException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StdoutException s) {
                return s;
            }
        }
        return null;
    }

    /** Reports the failure on {@code err} (nothing for a closed pipe) and returns the exit code. */
    public int report(PrintWriter err) {
        if (readerGone()) {
            return ExitCode.SIGPIPE;
        }
        String why = getCause().getMessage() == null ? getCause().getClass().getSimpleName() : getCause().getMessage();
        if (why.length() > 1 && Character.isUpperCase(why.charAt(0)) && Character.isLowerCase(why.charAt(1))) {
            why = why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
        }
        err.println("netlab: stdout: cannot write: " + why + " (output before this line is incomplete; "
                + "check the disk it is redirected to)");
        err.flush();
        return ExitCode.WRITE_ERROR;
    }
}
