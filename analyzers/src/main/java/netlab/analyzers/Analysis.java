package netlab.analyzers;

import java.util.List;
import netlab.capture.Frame;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;

/** Decodes each frame once into a reused view and hands it to every analyzer, in order. */
public final class Analysis {
    private final PacketView view = new PacketView();
    private final List<FrameAnalyzer> analyzers;

    public Analysis(List<FrameAnalyzer> analyzers) {
        this.analyzers = List.copyOf(analyzers);
    }

    /** Decodes {@code frame} and feeds it to the analyzers; the frame may be reused afterwards. */
    public void offer(Frame frame) {
        Decoder.decode(frame, view);
        for (FrameAnalyzer a : analyzers) {
            a.accept(view);
        }
    }

    /** Tells every analyzer the input has ended. */
    public void finish() {
        for (FrameAnalyzer a : analyzers) {
            a.finish();
        }
    }
}
