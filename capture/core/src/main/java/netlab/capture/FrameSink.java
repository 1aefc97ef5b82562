package netlab.capture;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;

/** Consumes frames, e.g. a pcap writer. */
public interface FrameSink extends Closeable, Flushable {

    /** Writes one frame; the sink must not keep a reference to its buffer. */
    void write(Frame frame) throws IOException;
}
