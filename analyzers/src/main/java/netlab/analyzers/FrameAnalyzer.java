package netlab.analyzers;

import netlab.capture.decode.PacketView;

/** Sees every decoded frame, in capture order; must not keep the view or its buffer. */
public interface FrameAnalyzer {

    /** One frame, already decoded (possibly with a decode failure). */
    void accept(PacketView view);

    /** End of input: settle what is still pending (e.g. ARP requests never answered). */
    default void finish() {
    }
}
