package netlab.capture.file;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** An output path {@link OutputFiles} refused: a symbolic link, or a file another user planted. */
public final class UnsafeOutputException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    public UnsafeOutputException(Path path, String reason) {
        super(path.toString(), null, reason);
    }
}
