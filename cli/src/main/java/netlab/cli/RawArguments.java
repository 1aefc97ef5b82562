package netlab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds command-line arguments whose bytes are not UTF-8. The JVM decodes {@code argv} with the locale's
 * charset (UTF-8 under netlab's launchers) and turns such bytes into U+FFFD, so a file name like
 * {@code caf\xe9.pcap} (Latin-1) can neither be opened nor created under its own name: Java would read
 * "no such file", or silently write {@code caf\u00ef\u00bf\u00bd.pcap}. The raw bytes are still in
 * {@code /proc/self/cmdline}, which tells such a name apart from one that really holds U+FFFD.
 */
final class RawArguments {
    private RawArguments() {
    }

    /** The first argument that is not UTF-8 on the command line, shown with its bad bytes as {@code \xHH}; or null. */
    static String firstNotUtf8(String[] args) {
        boolean suspect = false;
        for (String a : args) {
            suspect |= a.indexOf('\uFFFD') >= 0;
        }
        if (!suspect) {
            return null;
        }
        List<byte[]> raw = cmdline(Path.of("/proc/self/cmdline"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf('\uFFFD') < 0) {
                continue;
            }
            // main's arguments are the last entries of the process's argv (after java, its options and the jar).
            int k = raw.size() - args.length + i;
            if (k < 0 || k >= raw.size()) {
                return args[i];
            }
            if (!isUtf8(raw.get(k))) {
                return show(raw.get(k));
            }
        }
        return null;
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
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code bytes} as text: valid UTF-8 as itself, every malformed byte and control character as {@code \xHH}. */
    static String show(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        StringBuilder b = new StringBuilder(bytes.length + 16);
        while (in.hasRemaining()) {
            CoderResult r = d.decode(in, out, true);
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                char c = out.charAt(i);
                if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                    b.append(String.format("\\x%02x", (int) c));
                } else {
                    b.append(c);
                }
            }
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    b.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else if (r.isUnderflow()) {
                break;
            }
        }
        return b.toString();
    }
}
