package netlab.analyzers.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.analyzers.FrameAnalyzer;
import netlab.capture.decode.Neighbour;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.Protocol;

/**
 * The devices that announced themselves with LLDP or CDP: which switch, and which of its ports, the capture
 * was taken on. One row per protocol, device, port and VLAN, holding the latest announcement; at most
 * {@link #CAP} rows, later devices only counted ({@link #dropped()}).
 */
public final class NeighbourTable implements FrameAnalyzer {
    /** Rows kept: a capture point has a handful of neighbours; a flood of forged announcements is cut here. */
    public static final int CAP = 256;

    /**
     * One neighbour: its latest announcement, the source MAC and VLAN it came from, when, and how often.
     *
     * @param vlan the VLAN of the frame that carried it ({@link PacketView#linkVlanId()}), 0 when untagged
     */
    public record Row(Neighbour neighbour, long sourceMac, int vlan, long firstSeenNanos, long lastSeenNanos,
                      long frames) {
    }

    private final Map<String, Row> rows = new LinkedHashMap<>();
    private long dropped;

    @Override
    public void accept(PacketView v) {
        if (!v.has(Protocol.LLDP) && !v.has(Protocol.CDP)) {
            return;
        }
        Neighbour n = Neighbour.of(v);
        if (n == null) {
            return;
        }
        long t = v.frame().timestampNanos();
        int vlan = v.linkVlanId();
        String key = n.protocol() + '|' + n.device() + '|' + n.chassisId() + '|' + n.port() + '|' + vlan;
        Row old = rows.get(key);
        if (old == null && rows.size() == CAP) {
            dropped++;
            return;
        }
        rows.put(key, old == null ? new Row(n, v.srcMac(), vlan, t, t, 1)
                : new Row(n, v.srcMac(), vlan, Math.min(old.firstSeenNanos(), t), Math.max(old.lastSeenNanos(), t),
                old.frames() + 1));
    }

    /** The neighbours in the order they were first heard. */
    public List<Row> rows() {
        return new ArrayList<>(rows.values());
    }

    /** Announcements of devices not kept because the table was full. */
    public long dropped() {
        return dropped;
    }
}
