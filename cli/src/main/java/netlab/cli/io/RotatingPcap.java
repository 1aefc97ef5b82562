package netlab.cli.io;

import java.io.IOException;
import java.nio.file.Path;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.file.PcapWriter;
import netlab.capture.file.Precision;
import netlab.cli.support.FileNames;
import netlab.cli.support.NetlabException;

/**
 * The {@code capture -w} output: one pcap file, or a series rotated by size like tcpdump -C/-W, by time
 * like tcpdump -G, or both.
 *
 * <p>Names follow tcpdump: without {@code -W} the files are FILE, FILE1, FILE2, ...; with {@code -C} and
 * {@code -W N} they are FILE0 .. FILE(N-1), zero-padded to the width of N-1, reused in a ring. Unlike tcpdump
 * (which rotates once a file has grown past the limit) a file is closed before the frame that would take it
 * past {@code limitBytes}, unless it holds no frame yet, so no file exceeds the limit by a frame.
 *
 * <p>Time rotation ({@code -G}): a new file starts with the first frame captured at or after the current
 * file's start plus the interval; starts stay on the grid start + k x interval of the first file (so the
 * periods do not drift, tcpdump#857), and a period without frames gets no file (as tcpdump). When FILE holds
 * a {@code %} it is a strftime pattern filled with the period's start in UTC ({@code %Y %m %d %H %M %S %s
 * %%}); otherwise the files are numbered as above. With {@code -W N} and no {@code -C}, the capture ends
 * when an N+1-th file would be needed (tcpdump: "Maximum file limit reached").
 */
public final class RotatingPcap implements AutoCloseable {
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
    private final long intervalNanos;
    private final int maxFiles;
    private long fileStart;

    /**
     * @param limitBytes rotate at this size, 0 for one file
     * @param ring       with rotation, reuse this many files (0: unlimited)
     * @param flushEach  flush after every frame (tcpdump -U)
     */
    public RotatingPcap(Path base, boolean nano, long limitBytes, int ring, boolean flushEach) {
        this(base, nano, limitBytes, ring, flushEach, 0, 0);
    }

    /**
     * @param intervalNanos start a new file every this long (tcpdump -G), 0 for never
     * @param maxFiles      with time rotation and no size limit: files at most, then {@link #write} refuses
     */
    public RotatingPcap(Path base, boolean nano, long limitBytes, int ring, boolean flushEach, long intervalNanos, int maxFiles) {
        this.base = base;
        this.nano = nano;
        this.limitBytes = limitBytes;
        this.ring = limitBytes > 0 ? ring : 0;
        this.flushEach = flushEach;
        this.intervalNanos = intervalNanos;
        this.maxFiles = limitBytes > 0 ? 0 : maxFiles;
    }

    /** Creates the first file, whose period starts now (wall clock, epoch ns). */
    public void open(LinkType type, int snap, long startNanos) {
        this.linkType = type;
        this.snapLength = snap;
        this.fileStart = startNanos;
        openFile();
    }

    /** Creates the first file. */
    public void open(LinkType type, int snap) {
        java.time.Instant now = java.time.Instant.now();
        open(type, snap, now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }

    private void openFile() {
        currentPath = name(fileNumber);
        try {
            Precision precision = nano ? Precision.NANO : Precision.MICRO;
            current = PcapOutput.isStdout(currentPath) ? new PcapWriter(Stdout.STREAM, linkType, snapLength, precision)
                    : PcapWriter.create(currentPath, linkType, snapLength, precision);
        } catch (IOException e) {
            throw failure(e);
        }
        size = GLOBAL_HEADER;
    }

    /** The path of the file with sequence number {@code n} (period starting at the current file start). */
    Path name(int n) {
        String file = FileNames.name(base.getFileName());
        if (intervalNanos > 0 && file.contains("%")) {
            String named = strftime(file, fileStart);
            return base.resolveSibling(FileNames.path(limitBytes > 0 && n > 0 ? named + n : named));
        }
        if (limitBytes <= 0 && intervalNanos <= 0) {
            return base;
        }
        if (ring > 0) {
            int width = String.valueOf(ring - 1).length();
            return FileNames.sibling(base, "", String.format("%0" + width + "d", n % ring));
        }
        return n == 0 ? base : FileNames.sibling(base, "", String.valueOf(n));
    }

    /**
     * Writes one frame of the handle's link type, rotating first if its period is over or it would overflow
     * the file; false (nothing written) when that would need more than the -W files of a time rotation.
     */
    public boolean write(Frame f) {
        long record = RECORD_HEADER + Math.min(f.capturedLength(), snapLength);
        try {
            if (intervalNanos > 0 && f.timestampNanos() - fileStart >= intervalNanos) {
                if (maxFiles > 0 && fileNumber + 1 >= maxFiles) {
                    return false;
                }
                fileStart += (f.timestampNanos() - fileStart) / intervalNanos * intervalNanos;
                current.close();
                fileNumber++;
                openFile();
            } else if (limitBytes > 0 && size > GLOBAL_HEADER && size + record > limitBytes) {
                current.close();
                fileNumber++;
                openFile();
            }
            current.write(f);
            size += record;
            if (flushEach) {
                current.flush();
            }
            return true;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** tcpdump -G's strftime names, in UTC: %Y %m %d %H %M %S, %s (epoch seconds), %%; other letters stay. */
    public static String strftime(String pattern, long epochNanos) {
        java.time.ZonedDateTime t = netlab.capture.Timestamps.instant(epochNanos).atZone(java.time.ZoneOffset.UTC);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                b.append(c);
                continue;
            }
            char k = pattern.charAt(++i);
            switch (k) {
                case 'Y' -> b.append(String.format("%04d", t.getYear()));
                case 'm' -> b.append(String.format("%02d", t.getMonthValue()));
                case 'd' -> b.append(String.format("%02d", t.getDayOfMonth()));
                case 'H' -> b.append(String.format("%02d", t.getHour()));
                case 'M' -> b.append(String.format("%02d", t.getMinute()));
                case 'S' -> b.append(String.format("%02d", t.getSecond()));
                case 's' -> b.append(t.toEpochSecond());
                case '%' -> b.append('%');
                default -> b.append('%').append(k);
            }
        }
        return b.toString();
    }

    /** Files opened so far (1 without rotation). */
    public int files() {
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
