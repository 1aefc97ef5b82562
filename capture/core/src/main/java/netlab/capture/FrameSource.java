package netlab.capture;

import java.io.Closeable;
import java.io.IOException;

/** Produces frames one at a time, from a capture file now and from a NIC later. */
public interface FrameSource extends Closeable {

    /**
     * The next frame, or {@code null} at the end of the input. The returned frame may share a buffer
     * that the following call overwrites (see {@link Frame}).
     *
     * @throws CaptureFormatException when the input is damaged; frames returned before stay valid
     */
    Frame next() throws IOException;

    /** Link type of the first (or only) interface, for BPF compilation and writers. */
    LinkType linkType();

    /** Snap length declared by the source (pcap header or first interface), 0 if none. */
    int snapLength();
}
