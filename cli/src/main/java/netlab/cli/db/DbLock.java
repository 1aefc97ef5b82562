package netlab.cli.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import netlab.capture.file.OutputFiles;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;

/**
 * One writer per station database: an advisory lock ({@code fcntl}, released by the kernel when the process
 * dies, even by SIGKILL) on {@code .NAME.lock} beside the database, which holds the owner's pid so a second
 * {@code watch} can name it. The database itself cannot carry the lock: every write replaces it by rename.
 * Once the lock is held, temporary files a killed writer left behind ({@code .NAME.*.tmp}) are removed.
 */
public final class DbLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final int removed;
    private final long removedBytes;

    private DbLock(FileChannel channel, FileLock lock, int removed, long removedBytes) {
        this.channel = channel;
        this.lock = lock;
        this.removed = removed;
        this.removedBytes = removedBytes;
    }

    static Path lockPath(Path db) {
        return FileNames.sibling(db.toAbsolutePath(), ".", ".lock");
    }

    /**
     * Takes the lock of {@code db} or throws the one line naming the process holding it (exit 8).
     *
     * @param user the -Z user, for a permission error's hint
     */
    public static DbLock acquire(Path db, String user) {
        Path path = lockPath(db);
        FileChannel ch = null;
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new NetlabException(ExitCode.WRITE_ERROR, Messages.path(path), "cannot lock the database: "
                        + "not a regular file", "remove it; netlab keeps its lock there");
            }
            ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(ch);
                ch.close();
                throw new NetlabException(ExitCode.WRITE_ERROR, Messages.path(db), "in use by another netlab watch"
                        + (holder.isEmpty() ? "" : " (" + holder + ")"), "stop it, or give each watch its own --db");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            long[] bytes = new long[1];
            int removed = removeStaleTemps(db, bytes);
            return new DbLock(ch, lock, removed, bytes[0]);
        } catch (IOException e) {
            closeQuietly(ch);
            throw StationDbFile.cannot(true, db, user, e);
        }
    }

    /** "pid N: COMMAND LINE" of the process whose pid the lock file holds, or what is known of it. */
    private static String holder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        ch.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
        if (!text.matches("[0-9]{1,10}")) {
            return "";
        }
        long pid = Long.parseLong(text);
        String command = ProcessHandle.of(pid).map(h -> command(h.info())).orElse("");
        if (command.length() > 160) {
            command = command.substring(0, 157) + "...";
        }
        return "pid " + pid + (command.isEmpty() ? "" : ": " + Messages.text(command));
    }

    /** The holder's command: the program's name and its arguments, without the JVM's -X options and class path. */
    private static String command(ProcessHandle.Info info) {
        StringBuilder b = new StringBuilder(info.command().map(c -> Path.of(c).getFileName().toString()).orElse(""));
        boolean classPath = false;
        for (String a : info.arguments().orElse(new String[0])) {
            if (classPath) {
                classPath = false;
            } else if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                classPath = true;
            } else if (!a.startsWith("-X") && !a.startsWith("-D")) {
                b.append(' ').append(a);
            }
        }
        return b.toString().trim();
    }

    /** Deletes this database's leftover temporary files: regular files owned by root or this user, never links. */
    private static int removeStaleTemps(Path db, long[] bytes) throws IOException {
        Path dir = db.toAbsolutePath().getParent();
        String prefix = StationDbFile.tempPrefix(db);
        int self = OutputFiles.effectiveUid();
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> {
            String name = FileNames.name(p.getFileName());
            return name.startsWith(prefix) && name.endsWith(".tmp");
        })) {
            for (Path p : entries) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                int owner = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
                if (owner == 0 || owner == self) {
                    bytes[0] += Files.size(p);
                    Files.deleteIfExists(p);
                    n++;
                }
            }
        }
        return n;
    }

    /** Stale temporary files removed at start. */
    public int removed() {
        return removed;
    }

    public long removedBytes() {
        return removedBytes;
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // Already failing; the first error is the one reported.
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }
}
