package netlab.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Finds the segments under a root on any Hadoop file system: every directory holding at least one capture
 * file is one segment. Names starting with {@code .} or {@code _} are skipped at any depth, as Hadoop and
 * Spark do (work files, {@code _SUCCESS}, and an output directory placed inside the root).
 */
public final class SegmentLayout {
    /** The segment name of files placed directly in the root. */
    public static final String ROOT_SEGMENT = "_root";

    private SegmentLayout() {
    }

    /**
     * Lists the segments under {@code root}, sorted by name.
     *
     * @throws IllegalArgumentException when two directories map to one name ({@code a/b} and {@code a_b})
     */
    public static List<Segment> list(FileSystem fs, Path root) throws IOException {
        Path base = fs.makeQualified(root);
        String prefix = base.toUri().getPath().replaceAll("/+$", "") + "/";
        Map<String, List<String>> byDir = new TreeMap<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(base, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String path = f.getPath().toUri().getPath();
            if (!f.isFile() || !path.startsWith(prefix) || hidden(path.substring(prefix.length()))) {
                continue;
            }
            String rel = path.substring(prefix.length());
            int slash = rel.lastIndexOf('/');
            byDir.computeIfAbsent(slash < 0 ? "" : rel.substring(0, slash), k -> new ArrayList<>())
                    .add(f.getPath().toString());
        }
        Map<String, String> dirOfName = new TreeMap<>();
        List<Segment> segments = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byDir.entrySet()) {
            String name = e.getKey().isEmpty() ? ROOT_SEGMENT : e.getKey().replace('/', '_');
            String other = dirOfName.putIfAbsent(name, e.getKey());
            if (other != null) {
                throw new IllegalArgumentException("directories '" + other + "' and '" + e.getKey()
                        + "' both make segment name '" + name + "'");
            }
            List<String> files = e.getValue();
            files.sort(null);
            segments.add(new Segment(name, files));
        }
        segments.sort((a, b) -> a.name().compareTo(b.name()));
        return segments;
    }

    /** True when any component of a relative path starts with '.' or '_'. */
    static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
