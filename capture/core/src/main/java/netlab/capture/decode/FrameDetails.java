package netlab.capture.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netlab.capture.Frame;
import netlab.capture.Timestamps;

/**
 * Builds the full per-OSI-layer decode of one frame for display and JSON (allocates freely; call it only
 * for frames that are shown). Layers come in OSI order; L5 to L7 are always present, with protocol
 * {@code none} and a single field {@code value: "—"} when the frame has nothing at that layer.
 */
public final class FrameDetails {
    /** Protocol name of a placeholder layer for an OSI layer the frame does not use. */
    public static final String NONE = "none";


    private FrameDetails() {
    }

    /** The layers of {@code f}, which must be the frame last decoded into {@code v}. */
    public static List<Layer> layers(Frame f, PacketView v) {
        List<Layer> out = new ArrayList<>();
        out.add(frame(f, v));
        Dissectors.details(v, out);
        TransportDetails.add(v, out);
        DecodeFailure failure = v.failure();
        if (failure != null && out.stream().noneMatch(l -> failure.equals(l.failure()))) {
            out.add(new Layer(failure.osiLayer(), failure.protocol(), failure.protocol(), failure.offset(), 0,
                    List.of(), failure));
        }
        out.sort(Comparator.comparingInt((Layer l) -> segment(v, l)).thenComparingInt(Layer::osiLayer)
                .thenComparingInt(Layer::offset));
        return out;
    }

    /**
     * Which frame of a tunnelled packet a layer belongs to: 0 for the outer one, then one more for each tunnelled
     * Ethernet frame or inner IP header at or before it, so each frame's layers show in OSI order, outer first;
     * the placeholders of unused layers belong to the innermost frame.
     */
    private static int segment(PacketView v, Layer l) {
        int at = NONE.equals(l.protocol()) ? Integer.MAX_VALUE : l.offset();
        int n = 0;
        for (int i = 0; i < v.innerEthernetCount(); i++) {
            n += v.innerEthernetOffset(i) <= at ? 1 : 0;
        }
        for (int h = 1; h < v.ipHeaderCount(); h++) {
            n += v.ipHeaderOffset(h) <= at ? 1 : 0;
        }
        return n;
    }

    private static Layer frame(Frame f, PacketView v) {
        FieldList l = new FieldList(v)
                .add("wire_length", f.originalLength())
                .add("captured_length", f.capturedLength())
                .add("timestamp", Timestamps.rfc3339(f.timestampNanos()))
                .add("interface", f.interfaceIndex())
                .add("link_type", f.linkType().name());
        DecodeFailure failure = v.failure();
        return new Layer(1, "frame", "Frame", 0, f.capturedLength(), l.fields,
                failure != null && failure.protocol().equals("frame") ? failure : null);
    }

    static Layer none(int osi) {
        return new Layer(osi, NONE, "—", -1, 0, List.of(new Field("value", "—")), null);
    }
}
