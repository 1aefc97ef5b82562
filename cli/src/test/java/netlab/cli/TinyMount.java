package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A tmpfs of a few KiB mounted on a directory the test owns, to make "no space left on device" and
 * "read-only file system" happen for real; {@link #close()} unmounts it. Needs root: the test is skipped
 * visibly otherwise, and fails instead under NETLAB_REQUIRE_LIVE=1.
 */
public final class TinyMount implements AutoCloseable {
    final Path dir;

    private TinyMount(Path dir) {
        this.dir = dir;
    }

    /** Skips (or fails with NETLAB_REQUIRE_LIVE=1) when not root. */
    public static void assumeRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            String why = "mounting a tmpfs needs root";
            if ("1".equals(System.getenv("NETLAB_REQUIRE_LIVE"))) {
                fail(why + ", and NETLAB_REQUIRE_LIVE=1");
            }
            Assumptions.abort(why);
        }
    }

    /** Mounts a tmpfs of {@code options} (e.g. "size=64k", "size=64k,ro") on a new directory in {@code parent}. */
    public static TinyMount mount(Path parent, String options) throws IOException {
        assumeRoot();
        Path dir = Files.createDirectory(parent.resolve("tmpfs"));
        run("mount", "-t", "tmpfs", "-o", options, "netlab-test", dir.toString());
        return new TinyMount(dir);
    }

    private static void run(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish");
            }
            assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + new String(p.getInputStream().readAllBytes()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        run("umount", dir.toString());
    }
}
