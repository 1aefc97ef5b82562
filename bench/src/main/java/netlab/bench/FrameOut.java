package netlab.bench;

import java.io.IOException;

/** Where generated frames go: the builder's buffer, {@code length} bytes, at a capture time. */
interface FrameOut {

    /** Takes the first {@code length} bytes of {@code frame} as one frame captured at {@code nanos}. */
    void write(byte[] frame, int length, long nanos) throws IOException;
}
