package netlab.cli.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import netlab.capture.file.UnsafeOutputException;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.NetlabException;

/** Turns a failure to create or write an output file into the one-line exit-8 error. */
public final class WriteErrors {
    private WriteErrors() {
    }

    /**
     * {@code netlab: FILE: cannot write: WHY (HINT)}, e.g. "no space left on device": the operating system's
     * reason in lower case; a refused symbolic link or planted file gets its own hint.
     */
    public static NetlabException of(Path path, IOException e, String hint) {
        String why = e instanceof NoSuchFileException ? "no such directory"
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage() != null ? (path == null ? e.getMessage() : FileNames.message(e, path))
                : e.getClass().getSimpleName();
        if (why.length() > 1 && Character.isUpperCase(why.charAt(0)) && Character.isLowerCase(why.charAt(1))) {
            why = why.substring(0, 1).toLowerCase(Locale.ROOT) + why.substring(1);
        }
        if (e instanceof UnsafeOutputException) {
            hint = "remove it or write elsewhere; netlab refuses such paths because it often runs as root";
        }
        return new NetlabException(ExitCode.WRITE_ERROR, path == null ? "null" : FileNames.name(path), "cannot write: " + why, hint, e);
    }
}
