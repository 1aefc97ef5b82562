package netlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;

/**
 * The {@code capture -w} output: one pcap file, or a series rotated by size like tcpdump -C/-W.
 *
 * <p>Names follow tcpdump: without {@code -W} the files are FILE, FILE1, FILE2, ...; with {@code -W N}
 * they are FILE0 .. FILE(N-1), zero-padded to the width of N-1, reused in a ring. Unlike tcpdump (which
 * rotates once a file has grown past the limit) a file is closed before the frame that would take it past
 * {@code limitBytes}, unless it holds no frame yet, so no file exceeds the limit by a frame.
 */
final class RotatingPcap implements AutoCloseable {
    private static final int GLOBAL_HEADER = 24;
    private static final int RECORD_HEADER = 16;

    private final Path base;
    private final boolean nano;
    private final long limitBytes;
    private final int ring;
    private final boolean flushEach;
    private LinkType linkType;
    private int snapLength;
    private PcapWriter current;
    private Path currentPath;
    private long size;
    private int fileNumber;

    /**
     * @param limitBytes rotate at this size, 0 for one file
     * @param ring       with rotation, reuse this many files (0: unlimited)
     * @param flushEach  flush after every frame (tcpdump -U)
     */
    RotatingPcap(Path base, boolean nano, long limitBytes, int ring, boolean flushEach) {
        this.base = base;
        this.nano = nano;
        this.limitBytes = limitBytes;
        this.ring = ring;
        this.flushEach = flushEach;
    }

    /** Creates the first file. */
    void open(LinkType type, int snap) {
        this.linkType = type;
        this.snapLength = snap;
        openFile();
    }

    private void openFile() {
        currentPath = name(fileNumber);
        try {
            current = PcapWriter.create(currentPath, linkType, snapLength, nano ? Precision.NANO : Precision.MICRO);
        } catch (IOException e) {
            throw failure(e);
        }
        size = GLOBAL_HEADER;
    }

    /** The path of the file with sequence number {@code n}. */
    Path name(int n) {
        if (limitBytes <= 0) {
            return base;
        }
        if (ring > 0) {
            int width = String.valueOf(ring - 1).length();
            return base.resolveSibling(base.getFileName() + String.format("%0" + width + "d", n % ring));
        }
        return n == 0 ? base : base.resolveSibling(base.getFileName() + String.valueOf(n));
    }

    /** Writes one frame of the handle's link type, rotating first if it would overflow the file. */
    void write(Frame f) {
        long record = RECORD_HEADER + Math.min(f.capturedLength(), snapLength);
        try {
            if (limitBytes > 0 && size > GLOBAL_HEADER && size + record > limitBytes) {
                current.close();
                fileNumber++;
                openFile();
            }
            current.write(f);
            size += record;
            if (flushEach) {
                current.flush();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Files opened so far (1 without rotation). */
    int files() {
        return fileNumber + 1;
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                throw failure(e);
            } finally {
                current = null;
            }
        }
    }

    private NetlabException failure(IOException e) {
        return WriteErrors.of(currentPath, e,
                "check the directory exists, is writable by the capturing user (see -Z) and has space");
    }
}
