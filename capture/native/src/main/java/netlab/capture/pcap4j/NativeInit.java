package netlab.capture.pcap4j;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pcap4j.core.Pcaps;

/**
 * Start-up of JNA and Pcap4j without their fixed costs (issue 16): no {@code ldconfig} child process, and
 * the loading of libpcap optionally started on a background thread while the command line is parsed.
 *
 * <p>JNA's {@code NativeLibrary} runs {@code /sbin/ldconfig -p} on its first use on Linux to learn the
 * library directories, unless {@code jna.platform.library.path} is set. {@link #configure()} sets it, when
 * the user has not, to the directories JNA would list itself (the multiarch and lib64 directories, then
 * /usr/lib and /lib) plus those named in {@code /etc/ld.so.conf.d/*.conf}: the directories ldconfig
 * caches, read without a fork. libpcap is still found by name first through the dynamic loader.
 */
public final class NativeInit {
    private static volatile Throwable backgroundFailure;
    private static boolean configured;

    private NativeInit() {
    }

    /** Sets {@code jna.platform.library.path} once, unless already set; cheap and idempotent. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (System.getProperty("jna.platform.library.path") == null) {
            System.setProperty("jna.platform.library.path", String.join(":", libraryDirs()));
        }
    }

    /** The existing directories among JNA's own Linux defaults and ld.so.conf.d's entries, in that order. */
    static List<String> libraryDirs() {
        String multiarch = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            default -> System.getProperty("os.arch", "") + "-linux-gnu";
        };
        Set<String> dirs = new LinkedHashSet<>(List.of("/usr/lib/" + multiarch, "/lib/" + multiarch,
                "/usr/lib64", "/lib64", "/usr/lib", "/lib"));
        try (DirectoryStream<Path> conf = Files.newDirectoryStream(Path.of("/etc/ld.so.conf.d"), "*.conf")) {
            for (Path f : conf) {
                for (String line : Files.readAllLines(f)) {
                    String l = line.strip();
                    if (l.startsWith("/")) {
                        dirs.add(l);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // No ld.so.conf.d (or unreadable): JNA's defaults and the dynamic loader's own search remain.
        }
        dirs.removeIf(d -> !Files.isDirectory(Path.of(d)));
        return List.copyOf(dirs);
    }

    /**
     * Loads JNA's native part, libpcap and Pcap4j's bindings now; meant for a background thread, so that
     * the ~0.1 s this takes overlaps the command line's parsing on another core. Failures are kept for
     * {@link #explain}: the command reports them when it reaches libpcap itself.
     */
    public static void preload() {
        try {
            configure();
            Pcaps.libVersion();
        } catch (Throwable e) { // NOPMD: any failure here is reported by the command that needs libpcap
            backgroundFailure = e;
        }
    }

    /**
     * The message of a libpcap/JNA loading failure: when the background preload failed first, the class
     * initialisation error the caller sees only says "Could not initialize class", so the original is used.
     */
    static String explain(Throwable e) {
        Throwable first = backgroundFailure;
        Throwable shown = e instanceof NoClassDefFoundError && first != null ? first : e;
        if (shown instanceof ExceptionInInitializerError init && init.getCause() != null) {
            shown = init.getCause();
        }
        return String.valueOf(shown.getMessage());
    }

    /**
     * Copies JNA's native library for this platform out of the class path to {@code dir} (a temporary name,
     * then renamed over any older copy), for the launcher to point {@code jna.boot.library.path} at: JNA
     * otherwise unpacks it to a temporary file on every run (netlab-jvm.sh, issue 16).
     */
    public static void extractDispatchLibrary(Path dir) throws IOException {
        String name = System.mapLibraryName("jnidispatch");
        String resource = "/com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name;
        try (InputStream in = Native.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no " + resource + " in the class path");
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, name, ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
