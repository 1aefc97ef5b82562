package netlab.capture.live;

import java.io.IOException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;

/**
 * A live capture handle on one interface, which can also send raw frames: what capture, watch and the ARP probes
 * need of libpcap, so they run on a fake handle in unit tests (frames in, frames out, capture time).
 *
 * <p>Reading stops only through {@link #stop()}, which is safe from any thread, including signal handlers and the
 * frame handler itself.
 */
public interface LiveHandle extends FrameSource {

    /** Receives frames on the capturing thread; return false to stop. Must not keep the frame. */
    interface FrameHandler {
        boolean accept(Frame frame);
    }

    /**
     * Delivers frames to {@code handler} on the calling thread until {@link #stop()} is called or the handler
     * returns false. An exception thrown by the handler stops the loop and is rethrown here.
     */
    void loop(FrameHandler handler) throws LiveException;

    /**
     * The next frame; blocks until one arrives, and returns null once {@link #stop()} was called (a live source
     * has no end of its own).
     */
    @Override
    Frame next() throws IOException;

    /** Ends {@link #loop} and {@link #next()} as soon as possible; idempotent and thread-safe. */
    void stop();

    /** True once {@link #stop()} was called. */
    boolean isStopped();

    /** Sends one frame (link-layer header included) out of the interface. */
    void send(byte[] frame, int length) throws LiveException;

    /** The capture's counters so far (libpcap's {@code pcap_stats}). */
    CaptureStats stats() throws LiveException;

    /** The interface name. */
    String device();

    @Override
    LinkType linkType();

    /** Stops any loop and frees the handle. */
    @Override
    void close();
}
