package netlab.cli.io;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The process's standard output as a byte stream whose failed writes are not swallowed (as {@code System.out}
 * and {@code PrintWriter} do): each one throws {@link StdoutException}, which ends the command. Text output
 * and {@code -w -} share it, so a reader that goes away or a full disk stops every command at its next write.
 */
public final class Stdout extends OutputStream {
    /** The one instance on file descriptor 1. */
    public static final Stdout STREAM = new Stdout(new FileOutputStream(FileDescriptor.out));

    private final OutputStream fd;

    Stdout(OutputStream fd) {
        this.fd = fd;
    }

    @Override
    public void write(int b) {
        try {
            fd.write(b);
        } catch (IOException e) {
            throw new StdoutException(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            fd.write(b, off, len);
        } catch (IOException e) {
            throw new StdoutException(e);
        }
    }

    @Override
    public void flush() {
        try {
            fd.flush();
        } catch (IOException e) {
            throw new StdoutException(e);
        }
    }

    /** Standard output stays open: the JVM's own last words (and a SIGQUIT dump) may still go there. */
    @Override
    public void close() {
        flush();
    }
}
