package netlab.capture.decode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.file.CaptureFiles;

/** Reads whole captures for decoder tests through netlab's own readers, keeping frames read before damage. */
final class TestCaptures {
    private TestCaptures() {
    }

    static Path root() {
        return Path.of(System.getProperty("netlab.root", System.getProperty("user.dir") + "/..")).normalize();
    }

    static Path publicDir() {
        return root().resolve("sample-pcaps/public").normalize();
    }

    static List<Frame> read(Path file) throws IOException {
        List<Frame> out = new ArrayList<>();
        try (FrameSource src = CaptureFiles.open(file)) {
            for (Frame f = src.next(); f != null; f = src.next()) {
                out.add(f.copy());
            }
        } catch (CaptureFormatException e) {
            if (e.kind() == CaptureFormatException.Kind.NOT_A_CAPTURE) {
                throw e;
            }
        }
        return out;
    }
}
