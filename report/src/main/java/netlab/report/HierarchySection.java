package netlab.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netlab.analyzers.ProtocolHierarchy;
import netlab.analyzers.ProtocolHierarchy.Branch;

/** JSON and text rendering of a {@link ProtocolHierarchy}. */
public final class HierarchySection {
    private HierarchySection() {
    }

    /** Writes the {@code protocols} object: path (e.g. {@code eth:ip:udp}) to frames, in path order. */
    public static void writeJson(ProtocolHierarchy h, JsonGenerator g) throws IOException {
        Map<String, Long> paths = new TreeMap<>();
        collect(h.tree(), "", paths);
        g.writeObjectFieldStart("protocols");
        for (Map.Entry<String, Long> e : paths.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void collect(List<Branch> branches, String prefix, Map<String, Long> out) {
        for (Branch b : branches) {
            String path = prefix.isEmpty() ? b.protocol().shortName() : prefix + ":" + b.protocol().shortName();
            out.put(path, b.frames());
            collect(b.children(), path, out);
        }
    }

    /** Prints an indented tree like tshark's, children sorted by frames (then name). */
    public static void printText(ProtocolHierarchy h, PrintWriter out) {
        print(out, h.tree(), 0);
    }

    private static void print(PrintWriter out, List<Branch> branches, int depth) {
        List<Branch> kids = new ArrayList<>(branches);
        kids.sort((a, b) -> a.frames() != b.frames() ? Long.compare(b.frames(), a.frames())
                : a.protocol().shortName().compareTo(b.protocol().shortName()));
        for (Branch c : kids) {
            String label = "  ".repeat(depth + 1) + c.protocol().shortName();
            out.printf("%-40s frames:%-9d bytes:%d%n", label, c.frames(), c.bytes());
            print(out, c.children(), depth + 1);
        }
    }
}
