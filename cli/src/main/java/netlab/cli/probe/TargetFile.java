package netlab.cli.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.cli.support.ExitCode;
import netlab.cli.support.FileNames;
import netlab.cli.support.NetlabException;

/**
 * The targets of an {@code arp-scan --file}: one {@link TargetRange} form per line, text from {@code #} to
 * the end of the line a comment, blank lines skipped. Any bad line ends the read with a usage error naming
 * the file and line, so a typo cannot silently shrink a scan.
 */
public final class TargetFile {
    /** Longest line accepted: a file that is not a target list (say a capture) fails fast, not out of memory. */
    static final int MAX_LINE = 1024;

    private static final String HINT = "one target per line: a.b.c.d, a.b.c.d/len, a.b.c.d-e.f.g.h or net:mask; "
            + "# starts a comment";

    private TargetFile() {
    }

    /**
     * Reads {@code path}, or {@code stdin} when it is {@code -}, stopping past the {@link ScanTargets#cap}.
     *
     * @throws NetlabException NO_INPUT when the file cannot be read, USAGE for a bad line or no target
     */
    public static List<TargetRange> read(String path, InputStream stdin, boolean force) {
        if (path.equals("-")) {
            return readStream("stdin", stdin, force);
        }
        Path p = FileNames.path(path);
        if (Files.isDirectory(p)) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "is a directory", "give a text file of targets");
        }
        try (InputStream in = Files.newInputStream(p)) {
            return readStream(path, in, force);
        } catch (NoSuchFileException e) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "no such file", "check the path", e);
        } catch (AccessDeniedException e) {
            throw new NetlabException(ExitCode.NO_INPUT, path, "permission denied", "check the file's mode", e);
        } catch (IOException e) {
            throw readError(path, e);
        }
    }

    private static List<TargetRange> readStream(String name, InputStream in, boolean force) {
        // ISO-8859-1 maps every byte to a character, so a binary file fails as a bad line, not a decoder error.
        try {
            return parse(name, new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1)), force);
        } catch (IOException e) {
            throw readError(name, e);
        }
    }

    /**
     * The targets of the lines of {@code in}; {@code name} is the file as the error lines call it.
     *
     * @throws NetlabException USAGE for a bad or over-long line, more addresses than the cap, or no target
     */
    static List<TargetRange> parse(String name, Reader in, boolean force) throws IOException {
        List<TargetRange> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        long total = 0;
        int number = 0;
        int c = 0;
        while (c >= 0) {
            line.setLength(0);
            number++;
            for (c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (line.length() == MAX_LINE) {
                    throw new NetlabException(ExitCode.USAGE, name + ":" + number,
                            "line longer than " + MAX_LINE + " characters", HINT);
                }
                line.append((char) c);
            }
            TargetRange r = target(name, number, line);
            if (r != null) {
                out.add(r);
                total += r.count();
                if (total > ScanTargets.cap(force)) {
                    throw new NetlabException(ExitCode.USAGE, name + ":" + number, "the targets up to here exceed the "
                            + "limit of " + ScanTargets.cap(force) + " addresses", ScanTargets.capHint(force));
                }
            }
        }
        if (out.isEmpty()) {
            throw new NetlabException(ExitCode.USAGE, name, "holds no target", HINT);
        }
        return out;
    }

    /** The target on one line, null for a blank or comment-only line. */
    private static TargetRange target(String name, int number, CharSequence line) {
        String text = line.toString();
        int hash = text.indexOf('#');
        text = (hash >= 0 ? text.substring(0, hash) : text).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return TargetRange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NetlabException(ExitCode.USAGE, name + ":" + number, badTarget(text, e), HINT);
        }
    }

    /** {@code bad target 'TEXT': why}, control and non-ASCII characters shown as {@code ?} (no terminal escapes). */
    public static String badTarget(String text, IllegalArgumentException e) {
        StringBuilder b = new StringBuilder();
        ("bad target '" + text + "': " + e.getMessage()).chars()
                .forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }

    private static NetlabException readError(String name, IOException e) {
        return new NetlabException(ExitCode.NO_INPUT, name, "read error: " + FileNames.message(e, FileNames.path(name)),
                null, e);
    }
}
