package netlab.capture.pcap4j;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The library directories JNA is given instead of running ldconfig (issue 16). */
class NativeInitTest {

    @Test
    void directoriesExistAndIncludeTheStandardOnes() {
        List<String> dirs = NativeInit.libraryDirs();
        assertFalse(dirs.isEmpty());
        assertTrue(dirs.stream().allMatch(d -> Files.isDirectory(Path.of(d))), dirs.toString());
        assertTrue(dirs.contains("/usr/lib") || dirs.contains("/lib"), dirs.toString());
        assertTrue(dirs.stream().distinct().count() == dirs.size(), "no duplicates: " + dirs);
    }

    /** Where libpcap is installed (it is on every machine that runs the live tests), JNA is told its directory. */
    @Test
    void libpcapsDirectoryIsAmongThem() throws IOException {
        List<String> dirs = NativeInit.libraryDirs();
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")) {
            try (Stream<Path> files = Files.isDirectory(Path.of(d)) ? Files.list(Path.of(d)) : Stream.empty()) {
                if (files.anyMatch(f -> f.getFileName().toString().startsWith("libpcap.so"))) {
                    assertTrue(dirs.contains(d), d + " holds libpcap but is not in " + dirs);
                    return;
                }
            }
        }
    }
}
