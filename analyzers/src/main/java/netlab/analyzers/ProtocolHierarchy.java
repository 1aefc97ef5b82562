package netlab.analyzers;

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

    /**
     * One node of the hierarchy, read-only: a protocol with the frames and bytes whose path passes through it,
     * and its children in {@link Protocol} order.
     */
    public record Branch(Protocol protocol, long frames, long bytes, List<Branch> children) {
    }

    /** The top-level branches (e.g. {@code eth}, {@code sll}), in {@link Protocol} order. */
    public List<Branch> tree() {
        return branches(root);
    }

    private static List<Branch> branches(Node n) {
        if (n.children == null) {
            return List.of();
        }
        List<Branch> out = new ArrayList<>();
        for (Node c : n.children) {
            if (c != null) {
                out.add(new Branch(c.protocol, c.frames, c.bytes, branches(c)));
            }
        }
        return List.copyOf(out);
    }
}
