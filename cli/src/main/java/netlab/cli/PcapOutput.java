package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;

/**
 * A pcap file being written by a command: turns write failures into exit code 8 and skips, with one
 * warning, frames whose link type the single-link-type pcap format cannot hold.
 */
final class PcapOutput implements AutoCloseable {
    private final Path path;
    private final boolean nano;
    private final PrintWriter err;
    private PcapWriter writer;
    private boolean warned;

    PcapOutput(Path path, boolean nano, PrintWriter err) {
        this.path = path;
        this.nano = nano;
        this.err = err;
    }

    /** True for {@code -w -}: the pcap goes to standard output, as tcpdump writes it. */
    static boolean isStdout(Path path) {
        return path != null && path.toString().equals("-");
    }

    /** Creates the file (or starts stdout) with its header; the link type and snap length come from the input. */
    void open(LinkType linkType, int snapLength) {
        int snap = snapLength > 0 ? snapLength : PcapWriter.DEFAULT_SNAPLEN;
        Precision precision = nano ? Precision.NANO : Precision.MICRO;
        try {
            writer = isStdout(path) ? new PcapWriter(Stdout.STREAM, linkType, snap, precision)
                    : PcapWriter.create(path, linkType, snap, precision);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    void write(long number, Frame f) {
        if (!f.linkType().equals(writer.linkType())) {
            if (!warned) {
                err.println("netlab: " + path + ": frame " + number + " has link type " + f.linkType()
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
            err.println("netlab: " + path + ": frame " + number + " skipped: " + e.getMessage());
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
