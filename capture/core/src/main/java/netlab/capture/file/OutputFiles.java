package netlab.capture.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creates output files the way a tool run as root must: never through a symbolic link, and never into a
 * file another user owns in a sticky world-writable directory such as /tmp (the attack Linux's
 * {@code fs.protected_symlinks} and {@code fs.protected_regular} sysctls guard against, which may be off).
 *
 * <p>A new file is created with {@code O_CREAT|O_EXCL}, which never follows a link. An existing file is
 * checked and then opened with {@code O_NOFOLLOW}, so a link swapped in between still fails.
 */
public final class OutputFiles {
    /** S_ISVTX and S_IWOTH of a directory's mode (inode(7)). */
    private static final int STICKY = 01000;
    private static final int OTHER_WRITE = 02;

    private OutputFiles() {
    }

    /** Creates {@code path}, or truncates it when it is a regular file this process may safely reuse. */
    public static OutputStream create(Path path) throws IOException {
        try {
            return Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            checkExisting(path);
            return Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    LinkOption.NOFOLLOW_LINKS);
        }
    }

    private static void checkExisting(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            throw new UnsafeOutputException(path, "is a symbolic link, which netlab does not write through");
        }
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int dirMode = (Integer) Files.getAttribute(dir, "unix:mode");
        int self = effectiveUid();
        if ((dirMode & STICKY) != 0 && (dirMode & OTHER_WRITE) != 0 && self >= 0 && owner != self) {
            throw new UnsafeOutputException(path, "belongs to uid " + owner + " in the shared directory " + dir
                    + ", so another user may have planted it");
        }
    }

    /** The effective uid from /proc/self/status ("Uid: real effective saved fs"), or -1 if unknown. */
    public static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // No procfs: the kernel's own protected_* sysctls are the only guard left.
        }
        return -1;
    }
}
