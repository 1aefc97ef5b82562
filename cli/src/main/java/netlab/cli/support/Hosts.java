package netlab.cli.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, read without a DNS lookup (which can stall start-up when the resolver is down). */
public final class Hosts {
    private Hosts() {
    }

    /** The kernel's host name, or "localhost" when it cannot be read. */
    public static String name() {
        try {
            String n = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            return n.isEmpty() ? "localhost" : n;
        } catch (IOException | RuntimeException e) {
            return "localhost";
        }
    }
}
