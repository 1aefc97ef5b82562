package netlab.cli.io;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;

/**
 * A pcap file being written by a command: turns write failures into exit code 8 and skips, with one
 * warning, frames whose link type the single-link-type pcap format cannot hold.
 */
public final class PcapOutput implements AutoCloseable {
    private final Path path;
    private final boolean nano;
    private final PrintWriter err;
    private PcapWriter writer;
    private boolean warned;

    public PcapOutput(Path path, boolean nano, PrintWriter err) {
        this.path = path;
        this.nano = nano;
        this.err = err;
    }

    /** True for {@code -w -}: the pcap goes to standard output, as tcpdump writes it. */
    public static boolean isStdout(Path path) {
        return path != null && path.toString().equals("-");
    }

    /**
     * Refuses an output that is the input itself ({@code read in.pcap -w in.pcap}, or {@code read - < f -w f}),
     * which truncating would destroy before a frame is read: one line, exit 8.
     */
    public static void refuseInput(Path output, String input) {
        Path in = input.equals("-") ? Path.of("/proc/self/fd/0") : FileNames.path(input);
        try {
            if (Files.exists(output) && Files.exists(in) && Files.isSameFile(output, in)) {
                throw new NetlabException(ExitCode.WRITE_ERROR, Messages.path(output), "cannot write: is the input file",
                        "write to another file; netlab would truncate it before reading it");
            }
        } catch (IOException e) {
            // Unreadable either way: opening them reports it with its own line.
        }
    }

    /** Creates the file (or starts stdout) with its header; the link type and snap length come from the input. */
    public void open(LinkType linkType, int snapLength) {
        // At most libpcap's 262144: tcpdump refuses a file whose records are longer (a 16 MiB snaplen reads here).
        int snap = snapLength > 0 ? Math.min(snapLength, PcapWriter.DEFAULT_SNAPLEN) : PcapWriter.DEFAULT_SNAPLEN;
        Precision precision = nano ? Precision.NANO : Precision.MICRO;
        try {
            writer = isStdout(path) ? new PcapWriter(Stdout.STREAM, linkType, snap, precision)
                    : PcapWriter.create(path, linkType, snap, precision);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    public void write(long number, Frame f) {
        if (!f.linkType().equals(writer.linkType())) {
            if (!warned) {
                err.println("netlab: " + Messages.path(path) + ": frame " + number + " has link type " + f.linkType()
                        + " but the file holds " + writer.linkType() + "; such frames are skipped (pcap has one link type)");
                warned = true;
            }
            return;
        }
        try {
            writer.write(f);
        } catch (IOException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            err.println("netlab: " + Messages.path(path) + ": frame " + number + " skipped: " + e.getMessage());
        }
    }

    private NetlabException failure(IOException e) {
        return WriteErrors.of(path, e,
                "check the directory exists, is writable and has space");
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }
}
