package netlab.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One segment of a capture archive: a directory's capture files, analysed together in one task.
 *
 * @param name  the directory's path relative to the root, {@code /} replaced by {@code _} ({@code _root} for
 *              files directly in the root)
 * @param files the files' full paths (Hadoop URIs), in listing order; the task orders them by capture time
 */
public record Segment(String name, List<String> files) implements Serializable {
    public Segment {
        files = List.copyOf(files);
    }
}
