package netlab.cli.support;

/**
 * A failure the user can act on, printed as one line {@code netlab: <what>: <why> (<hint>)} with an exit code.
 */
public final class NetlabException extends RuntimeException {
    private final int exitCode;
    private final String what;
    private final String why;
    private final String hint;

    public NetlabException(int exitCode, String what, String why, String hint, Throwable cause) {
        super(what + ": " + why, cause);
        this.exitCode = exitCode;
        this.what = what;
        this.why = why;
        this.hint = hint;
    }

    public NetlabException(int exitCode, String what, String why, String hint) {
        this(exitCode, what, why, hint, null);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The single stderr line, without a trailing newline; control characters escaped ({@link Messages}). */
    public String line() {
        return Messages.text("netlab: " + what + ": " + why + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")"));
    }
}
