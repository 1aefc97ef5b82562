package netlab.cli.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per database: a second process is refused with one line naming the first (pid and command line);
 * temporary files of a killed writer are removed once the lock is held, links and other files left alone.
 */
class DbLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedWithALineNamingTheFirst() throws Exception {
        Path db = dir.resolve("stations.json");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DbLockHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            NetlabException e = assertThrows(NetlabException.class, () -> DbLock.acquire(db, null));
            assertEquals(ExitCode.WRITE_ERROR, e.exitCode());
            assertTrue(e.line().startsWith("netlab: " + db + ": in use by another netlab watch (pid " + holder.pid() + ": "),
                    e.line());
            assertTrue(e.line().contains(DbLockHolder.class.getName()), e.line());
            assertTrue(e.line().endsWith(" (stop it, or give each watch its own --db)"), e.line());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(2, TimeUnit.MINUTES));
        }
        try (DbLock again = DbLock.acquire(db, null)) {
            assertEquals(0, again.removed());
        }
    }

    @Test
    void temporaryFilesOfAKilledWriterAreRemovedAtStart() throws Exception {
        Path db = dir.resolve("stations.json");
        Files.write(dir.resolve(".stations.json.123.tmp"), new byte[1000]);
        Files.write(dir.resolve(".stations.json.456.tmp"), new byte[24]);
        Path other = Files.writeString(dir.resolve(".other.json.1.tmp"), "x");
        Path target = Files.writeString(dir.resolve("target"), "keep");
        Path link = Files.createSymbolicLink(dir.resolve(".stations.json.789.tmp"), target);
        try (DbLock lock = DbLock.acquire(db, null)) {
            assertEquals(2, lock.removed());
            assertEquals(1024, lock.removedBytes());
        }
        assertTrue(Files.notExists(dir.resolve(".stations.json.123.tmp")));
        assertTrue(Files.exists(other) && Files.isSymbolicLink(link));
        assertEquals("keep", Files.readString(target));
    }
}
