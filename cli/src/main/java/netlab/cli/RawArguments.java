package netlab.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.cli.support.FileNames;
import netlab.cli.support.Messages;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Recovers command-line arguments whose bytes the JVM could not decode. The JVM decodes {@code argv} with the
 * locale's charset (UTF-8 under netlab's launchers, ASCII under LANG=C) and turns what it cannot decode into
 * U+FFFD, so a file name like {@code caf\xe9.pcap} (Latin-1) would be read as "no such file", or written as
 * {@code caf\u00ef\u00bf\u00bd.pcap}. The raw bytes are still in {@code /proc/self/cmdline}: such an argument
 * is replaced by its bytes as {@link FileNames} carries them (UTF-8, other bytes as U+DC80..U+DCFF), which
 * only a FILE argument may then hold ({@link #refuseOutsideFiles}). Where the bytes cannot be had (not Linux)
 * or made into a path ({@link FileNames#raw()}), an argument that is not UTF-8 is refused ({@link #firstNotUtf8}).
 */
final class RawArguments {
    private RawArguments() {
    }

    /** The parameter label of the arguments that name files, the only ones that may hold bytes that are not UTF-8. */
    static final String FILE = "FILE";

    /**
     * {@code args} with each argument the JVM decoded to U+FFFD replaced by its raw bytes as text ({@link
     * FileNames#decode}); {@code args} itself when none holds U+FFFD; null when the bytes cannot be had or used.
     */
    static String[] recover(String[] args) {
        return recover(args, Path.of("/proc/self/cmdline"));
    }

    static String[] recover(String[] args, Path cmdlineFile) {
        if (Arrays.stream(args).noneMatch(a -> a.indexOf('\uFFFD') >= 0)) {
            return args;
        }
        List<byte[]> raw = cmdline(cmdlineFile);
        if (!FileNames.raw() || raw.size() < args.length) {
            return null;
        }
        Charset jnu = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        String[] out = args.clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') < 0) {
                continue;
            }
            byte[] bytes = rawArgument(raw, args.length, i);
            // The JVM decoded exactly these bytes, or the entry is not this argument's (an @argfile's, say).
            if (!new String(bytes, jnu).equals(args[i])) {
                return null;
            }
            out[i] = FileNames.decode(bytes);
        }
        return out;
    }

    /**
     * Refuses (one line, exit 2) a recovered argument holding bytes that are not UTF-8 anywhere but in a FILE:
     * an interface name, filter or user given that way would silently become another.
     */
    static void refuseOutsideFiles(ParseResult parsed) {
        for (ArgSpec arg : parsed.matchedArgs()) {
            if (arg.paramLabel().equals(FILE)) {
                continue;
            }
            for (String v : arg.originalStringValues()) {
                if (FileNames.hasEscapedByte(v)) {
                    throw new ParameterException(parsed.commandSpec().commandLine(), "argument '" + v + "' of "
                            + (arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel())
                            + ": not valid UTF-8, which only a FILE may be");
                }
            }
        }
        for (ParseResult sub : parsed.subcommands()) {
            refuseOutsideFiles(sub);
        }
    }

    /**
     * The first argument that is not UTF-8 on the command line, shown with its bad bytes as {@code \xHH}; or null.
     * Used where {@link #recover} cannot be.
     */
    static String firstNotUtf8(String[] args) {
        if (Arrays.stream(args).noneMatch(a -> a.indexOf('\uFFFD') >= 0)) {
            return null;
        }
        List<byte[]> raw = cmdline(Path.of("/proc/self/cmdline"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') < 0) {
                continue;
            }
            byte[] bytes = rawArgument(raw, args.length, i);
            if (bytes == null) {
                return args[i];
            }
            if (!isUtf8(bytes)) {
                return show(bytes);
            }
        }
        return null;
    }

    /** The bytes of main's argument {@code i} of {@code count}: argv's last entries, after java and its options. */
    private static byte[] rawArgument(List<byte[]> raw, int count, int i) {
        int k = raw.size() - count + i;
        return k < 0 || k >= raw.size() ? null : raw.get(k);
    }

    /** The NUL-separated entries of a cmdline file; empty when it cannot be read (not Linux). */
    static List<byte[]> cmdline(Path file) {
        List<byte[]> out = new ArrayList<>();
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException | RuntimeException e) {
            return out;
        }
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == 0) {
                out.add(Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    static boolean isUtf8(byte[] bytes) {
        return !FileNames.hasEscapedByte(FileNames.decode(bytes));
    }

    /** {@code bytes} as a message shows them: valid UTF-8 as text, malformed bytes and controls as {@code \xHH}. */
    static String show(byte[] bytes) {
        return Messages.text(FileNames.decode(bytes));
    }
}
