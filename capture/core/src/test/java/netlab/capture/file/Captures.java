package netlab.capture.file;

import netlab.capture.Frame;
import netlab.capture.FrameSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: where the public captures live, and reading a whole source into owned frames. */
final class Captures {
    private Captures() {
    }

    /** {@code <root>/sample-pcaps/public}, from the surefire property {@code netlab.root}. */
    static Path publicDir() {
        String root = System.getProperty("netlab.root", ".");
        return Path.of(root).toAbsolutePath().resolve("sample-pcaps/public").normalize();
    }

    static Path file(String relative) {
        return publicDir().resolve(relative);
    }

    static List<Frame> readAll(FrameSource source) throws IOException {
        List<Frame> frames = new ArrayList<>();
        for (Frame f = source.next(); f != null; f = source.next()) {
            frames.add(f.copy());
        }
        return frames;
    }

    static List<Frame> readAll(Path path) throws IOException {
        try (FrameSource source = CaptureFiles.open(path)) {
            return readAll(source);
        }
    }

    static FrameSource open(byte[] bytes) throws IOException {
        return CaptureFiles.open(new ByteArrayInputStream(bytes), "test bytes");
    }

    /** Little-endian byte builder for hand-made files. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean bigEndian;

        Bytes(boolean bigEndian) {
            this.bigEndian = bigEndian;
        }

        Bytes() {
            this(false);
        }

        Bytes u16(int v) {
            if (bigEndian) {
                out.write(v >>> 8);
                out.write(v);
            } else {
                out.write(v);
                out.write(v >>> 8);
            }
            return this;
        }

        Bytes u32(long v) {
            return bigEndian ? u16((int) (v >>> 16)).u16((int) v) : u16((int) v).u16((int) (v >>> 16));
        }

        Bytes raw(int... bytes) {
            for (int b : bytes) {
                out.write(b);
            }
            return this;
        }

        Bytes zeros(int n) {
            for (int i = 0; i < n; i++) {
                out.write(0);
            }
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] build() {
            return out.toByteArray();
        }
    }
}
