package netlab.cli.db;

import java.nio.file.Path;

/** A child process for {@link DbLockTest}: holds the lock of the database {@code args[0]} until stdin closes. */
public final class DbLockHolder {
    private DbLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (DbLock lock = DbLock.acquire(Path.of(args[0]), null)) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holds the lock until the parent closes our stdin.
            }
        }
    }
}
