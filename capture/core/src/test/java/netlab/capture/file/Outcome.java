package netlab.capture.file;

import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What reading a whole input gave: the frames returned, then the error that stopped it (or none). */
record Outcome(List<Frame> frames, CaptureFormatException error) {

    /** Opens {@code bytes} with {@link CaptureFiles} and reads until the end or the first error. */
    static Outcome of(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        try (FrameSource s = Captures.open(bytes)) {
            for (Frame f = s.next(); f != null; f = s.next()) {
                frames.add(f.copy());
            }
            return new Outcome(frames, null);
        } catch (CaptureFormatException e) {
            return new Outcome(frames, e);
        } catch (IOException e) {
            throw new AssertionError("only CaptureFormatException may come out of a reader", e);
        }
    }

    Outcome clean(int expectedFrames) {
        assertNull(error, () -> "unexpected " + error);
        assertEquals(expectedFrames, frames.size());
        return this;
    }

    Outcome failed(int framesBefore, CaptureFormatException.Kind kind, long offset) {
        assertNotNull(error, "expected " + kind + " at " + offset + " but the input read cleanly");
        assertEquals(kind, error.kind(), error::getMessage);
        assertEquals(offset, error.offset(), error::getMessage);
        assertEquals(framesBefore, frames.size(), "frames returned before the damage");
        return this;
    }
}
