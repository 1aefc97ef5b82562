package netlab.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.file.CaptureFiles;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Streams capture files from a Hadoop file system (local, HDFS, S3A), frame by frame, and words every failure
 * as {@code netlab analyze} does: the same one line ({@code netlab: PATH: why (hint)}), the same split between
 * files damaged part-way (frames before the damage count) and files not read at all.
 */
final class HadoopCaptures {

    /** How a file was read: its frames and, when it failed, the one-line error and whether any of it was read. */
    record Outcome(String path, long frames, String error, boolean read) implements java.io.Serializable {
    }

    private HadoopCaptures() {
    }

    /** The capture time of the file's first frame, or null when it has none or cannot be read. */
    static Long firstFrameNanos(FileSystem fs, String path) {
        try (FrameSource src = open(fs, path)) {
            Frame f = src.next();
            return f == null ? null : f.timestampNanos();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Feeds every frame of {@code path} to {@code sink}; the file is never held whole in memory. */
    static Outcome read(FileSystem fs, String path, Consumer<Frame> sink) {
        long frames = 0;
        try (FrameSource src = open(fs, path)) {
            if (!src.linkType().supported()) {
                return new Outcome(path, 0, line(path, "unsupported link type " + src.linkType().label(),
                        LinkType.unsupportedHint()), false);
            }
            for (Frame f = src.next(); f != null; f = src.next()) {
                frames++;
                sink.accept(f);
            }
            return new Outcome(path, frames, null, true);
        } catch (CaptureFormatException e) {
            return formatError(path, frames, e);
        } catch (FileNotFoundException e) {
            return new Outcome(path, frames, line(path, "no such file", "check the path"), false);
        } catch (AccessControlException e) {
            return new Outcome(path, frames, line(path, "permission denied", "check the file's mode"), false);
        } catch (IOException e) {
            return new Outcome(path, frames, line(path, "read error: " + e.getMessage(), null), false);
        }
    }

    private static FrameSource open(FileSystem fs, String path) throws IOException {
        InputStream in = fs.open(new Path(path));
        try {
            return CaptureFiles.open(in, path);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** A capture-format failure, worded and split (read part-way or not at all) as the CLI does. */
    private static Outcome formatError(String path, long frames, CaptureFormatException e) {
        return new Outcome(path, frames, line(path, e.getMessage(), e.hint()), e.partlyRead());
    }

    private static String line(String what, String why, String hint) {
        return "netlab: " + what + ": " + why + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")");
    }
}
