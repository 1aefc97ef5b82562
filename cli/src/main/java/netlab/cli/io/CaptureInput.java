package netlab.cli.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import netlab.capture.CaptureFormatException;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.file.CaptureFiles;
import netlab.capture.live.PacketFilter;
import netlab.capture.live.Platform;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.NetlabException;

/**
 * Streams the frames of one capture file through an optional BPF filter (compiled by the {@link Platform}), turning every way the file can
 * fail into a {@link NetlabException} with the exit code from {@link ExitCode}.
 */
public final class CaptureInput {

    /** Receives each frame that passed the filter, numbered from 1 in file order (before filtering). */
    public interface FrameConsumer {
        /** @return false to stop reading (e.g. -c reached) */
        boolean accept(long number, Frame frame);

        /** Called once the file's header is read, before any frame: its first link type and snap length. */
        default void begin(LinkType linkType, int snapLength) {
        }
    }

    private CaptureInput() {
    }

    /**
     * Reads {@code path} to the end (or until the consumer stops). Damage part-way is thrown after the
     * frames before it were delivered.
     */
    public static void read(Platform platform, String path, String filter, FrameConsumer consumer) {
        try (FrameSource src = open(path)) {
            if (!src.linkType().supported()) {
                throw new NetlabException(ExitCode.BAD_CAPTURE, path, "unsupported link type " + src.linkType().label(),
                        LinkType.unsupportedHint());
            }
            // The filter compiles before begin() creates any output (tcpdump leaves -w untouched on a bad filter).
            try (PacketFilter bpf = filter == null ? null : compile(platform, filter, src)) {
                consumer.begin(src.linkType(), src.snapLength());
                long n = 0;
                for (Frame f = src.next(); f != null; f = src.next()) {
                    n++;
                    if ((bpf == null || bpf.matches(f)) && !consumer.accept(n, f)) {
                        return;
                    }
                }
            }
        } catch (CaptureFormatException e) {
            throw formatError(path, e);
        } catch (IOException e) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "read error: " + FileNames.message(e, FileNames.path(path)),
                    null, e);
        }
    }

    private static FrameSource open(String path) throws IOException {
        if (!path.equals("-")) {
            Path p = FileNames.path(path);
            if (Files.isDirectory(p)) {
                throw new NetlabException(ExitCode.NO_INPUT, path, "is a directory", "give a pcap or pcapng file");
            }
        }
        try {
            return CaptureFiles.open(FileNames.path(path));
        } catch (NoSuchFileException e) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "no such file", "check the path", e);
        } catch (AccessDeniedException e) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "permission denied", "check the file's mode", e);
        }
    }

    private static PacketFilter compile(Platform platform, String expression, FrameSource src) {
        try {
            return platform.compileFilter(expression, src.linkType(), src.snapLength() > 0 ? src.snapLength() : 262144);
        } catch (PacketFilter.FilterException e) {
            throw new NetlabException(ExitCode.BAD_FILTER, "filter '" + expression + "'", e.getMessage(),
                    "see pcap-filter(7)", e);
        } catch (PacketFilter.UnavailableException e) {
            throw new NetlabException(ExitCode.NO_LIBPCAP, "filter '" + expression + "'", e.getMessage(),
                    "install libpcap (apt-get install libpcap0.8), or drop -f", e);
        }
    }

    static NetlabException formatError(String path, CaptureFormatException e) {
        return new NetlabException(e.partlyRead() ? ExitCode.DAMAGED_CAPTURE : ExitCode.BAD_CAPTURE, path,
                e.getMessage(), e.hint(), e);
    }
}
