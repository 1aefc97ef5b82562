package netlab.cli.io;

import java.io.IOException;

/** Stdout failures for tests of code that must react to one (the constructor is the io package's own). */
public final class StdoutFailures {
    private StdoutFailures() {
    }

    /** The failure of a write to a pipe whose reader went away (EPIPE, as the JDK words it). */
    public static StdoutException readerGone() {
        return new StdoutException(new IOException("Broken pipe"));
    }
}
