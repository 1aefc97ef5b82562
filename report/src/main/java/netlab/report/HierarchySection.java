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

    /**
     * Prints an indented tree like tshark's, children sorted by frames (then name), depth first; the first
     * {@code rows} lines, then how many were left out.
     */
    public static void printText(ProtocolHierarchy h, PrintWriter out, int rows) {
        List<String[]> lines = new ArrayList<>();
        flatten(h.tree(), 0, lines);
        TextTable t = new TextTable("protocol", ">frames", ">bytes");
        for (String[] l : lines.subList(0, Text.shown(lines.size(), rows))) {
            t.row((Object[]) l);
        }
        if (t.size() == 0) {
            out.println("  none");
            return;
        }
        t.print(out, "  ");
        Text.more(out, "  ", lines.size() - t.size());
    }

    private static void flatten(List<Branch> branches, int depth, List<String[]> lines) {
        List<Branch> kids = new ArrayList<>(branches);
        kids.sort((a, b) -> a.frames() != b.frames() ? Long.compare(b.frames(), a.frames())
                : a.protocol().shortName().compareTo(b.protocol().shortName()));
        for (Branch c : kids) {
            lines.add(new String[] {"  ".repeat(depth) + c.protocol().shortName(), Long.toString(c.frames()),
                    Long.toString(c.bytes())});
            flatten(c.children(), depth + 1, lines);
        }
    }
}
