package netlab.analyzers;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.Protocol;

/**
 * Frames and bytes per protocol path, as {@code tshark -z io,phs} counts them: a frame counts once under
 * every prefix of its path ({@code eth}, {@code eth:ip}, {@code eth:ip:udp}, ...). A trie indexed by
 * protocol ordinal, so counting allocates nothing once a path has been seen.
 */
public final class ProtocolHierarchy implements FrameAnalyzer {
    private static final Protocol[] PROTOCOLS = Protocol.values();

    private static final class Node {
        final Protocol protocol;
        long frames;
        long bytes;
        Node[] children;

        Node(Protocol protocol) {
            this.protocol = protocol;
        }

        Node child(int ordinal) {
            if (children == null) {
                children = new Node[PROTOCOLS.length];
            }
            Node c = children[ordinal];
            if (c == null) {
                c = new Node(PROTOCOLS[ordinal]);
                children[ordinal] = c;
            }
            return c;
        }
    }

    private final Node root = new Node(null);

    @Override
    public void accept(PacketView v) {
        long len = v.frame().originalLength();
        Node n = root;
        n.frames++;
        n.bytes += len;
        for (int i = 0; i < v.depth(); i++) {
            n = n.child(v.protocol(i).ordinal());
            n.frames++;
            n.bytes += len;
        }
    }

    /** Frames per path, e.g. {@code eth:ip:udp -> 27}, in path order. */
    public Map<String, Long> frames() {
        Map<String, Long> out = new TreeMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(Node n, String prefix, Map<String, Long> out) {
        if (n.children == null) {
            return;
        }
        for (Node c : n.children) {
            if (c != null) {
                String path = prefix.isEmpty() ? c.protocol.shortName() : prefix + ":" + c.protocol.shortName();
                out.put(path, c.frames);
                collect(c, path, out);
            }
        }
    }

    /** Writes the {@code protocols} object: path to frames. */
    public void writeJson(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("protocols");
        for (Map.Entry<String, Long> e : frames().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** Prints an indented tree like tshark's, children sorted by frames. */
    public void printText(PrintWriter out) {
        print(out, root, 0);
    }

    private static void print(PrintWriter out, Node n, int depth) {
        if (n.children == null) {
            return;
        }
        List<Node> kids = new ArrayList<>();
        for (Node c : n.children) {
            if (c != null) {
                kids.add(c);
            }
        }
        kids.sort((a, b) -> a.frames != b.frames ? Long.compare(b.frames, a.frames)
                : a.protocol.shortName().compareTo(b.protocol.shortName()));
        for (Node c : kids) {
            String label = "  ".repeat(depth + 1) + c.protocol.shortName();
            out.printf("%-40s frames:%-9d bytes:%d%n", label, c.frames, c.bytes);
            print(out, c, depth + 1);
        }
    }
}
