package netlab.cli.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * File names as the system has them: byte strings, which need not be UTF-8 (a Latin-1 {@code caf\xe9.pcap})
 * nor encodable in the JVM's {@code sun.jnu.encoding} (ASCII under LANG=C). A name that Java's own
 * {@code Path.of} cannot carry travels inside netlab as a string in which each byte that is not UTF-8 is the
 * lone surrogate U+DC80..U+DCFF (PEP 383's "surrogateescape", which no decoded argument can hold), and becomes
 * a {@link Path} holding exactly those bytes. Java has no public way to make such a Path; the JDK's own
 * {@code sun.nio.fs.UnixPath(UnixFileSystem, byte[])} does it, reached through {@code --add-opens
 * java.base/sun.nio.fs=ALL-UNNAMED} (netlab's launchers and its jar's manifest give it). Without that access,
 * or on a JDK that lacks the constructor, {@link #raw()} is false and such names are refused as before.
 */
public final class FileNames {
    private FileNames() {
    }

    /** The JDK's Unix path internals, looked up on first use (not by {@link Messages#text} on every run). */
    private static final class Unix {
        static final Constructor<?> NEW_PATH;
        static final Method BYTES;

        static {
            Constructor<?> c = null;
            Method m = null;
            try {
                Class<?> unixPath = Class.forName("sun.nio.fs.UnixPath");
                Class<?> unixFs = Class.forName("sun.nio.fs.UnixFileSystem");
                if (unixFs.isInstance(FileSystems.getDefault())) {
                    c = unixPath.getDeclaredConstructor(unixFs, byte[].class);
                    m = unixPath.getDeclaredMethod("asByteArray");
                    c.setAccessible(true);
                    m.setAccessible(true);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                c = null;
            }
            NEW_PATH = m == null ? null : c;
            BYTES = NEW_PATH == null ? null : m;
        }
    }

    /** True when paths of any bytes can be made: the JDK's Unix paths are reachable (see the class comment). */
    public static boolean raw() {
        return Unix.NEW_PATH != null;
    }

    private static final boolean JNU_UTF8 = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
            .equals(StandardCharsets.UTF_8);

    /**
     * The path a file argument names: {@code Path.of(name)} when Java can encode it (every ASCII or, in a UTF-8
     * locale, UTF-8 name, exactly as before), else a path of its bytes ({@link #bytes}).
     */
    public static Path path(String name) {
        if (plain(name) || !raw()) {
            return Path.of(name);
        }
        try {
            return (Path) Unix.NEW_PATH.newInstance(FileSystems.getDefault(), normalize(bytes(name)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code p}'s name as netlab's strings hold it: bytes that are not UTF-8 as U+DC80..U+DCFF. */
    public static String name(Path p) {
        String s = p.toString();
        if (ascii(s) || !raw() || !Unix.BYTES.getDeclaringClass().isInstance(p)) {
            return s;
        }
        try {
            return decode((byte[]) Unix.BYTES.invoke(p));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sibling of {@code p} named {@code prefix + p's name + suffix}. */
    public static Path sibling(Path p, String prefix, String suffix) {
        return p.resolveSibling(path(prefix + name(p.getFileName()) + suffix));
    }

    /**
     * {@code e}'s message with the names of {@code paths} as netlab carries them: Java's exceptions name a path by
     * its lossy {@code toString()}, where each byte that is not UTF-8 is U+FFFD.
     */
    public static String message(Exception e, Path... paths) {
        String m = String.valueOf(e.getMessage());
        if (m.indexOf('\uFFFD') < 0 && ascii(m)) {
            return m;
        }
        for (Path p : paths) {
            for (Path q : new Path[] {p, p.toAbsolutePath()}) {
                String lossy = q.toString();
                String name = name(q);
                if (!lossy.equals(name)) {
                    m = m.replace(lossy, name);
                }
            }
        }
        return m;
    }

    /**
     * As {@link Files#createTempFile(Path, String, String)} (mode 0600, a new name each time), for a prefix
     * that may hold escaped bytes: Java's own builds the name as a string it then cannot encode.
     */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (plain(prefix) && plain(suffix)) {
            return Files.createTempFile(dir, prefix, suffix);
        }
        FileAttribute<?> owner = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
        SecureRandom random = new SecureRandom();
        while (true) {
            Path p = dir.resolve(path(prefix + Long.toUnsignedString(random.nextLong()) + suffix));
            try {
                return Files.createFile(p, owner);
            } catch (FileAlreadyExistsException e) {
                // Another name: as the JDK's own temporary files, retried until one is new.
            }
        }
    }

    /** {@code s} with each escaped byte (U+DC80..U+DCFF) as {@code \xHH}, for output that escapes nothing else. */
    public static String shown(String s) {
        if (ascii(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escapedByte(s, i)) {
                b.append(String.format("\\x%02x", c & 0xff));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** True when {@code s} holds an escaped byte ({@link #escapedByte}): a name that is not UTF-8. */
    public static boolean hasEscapedByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (escapedByte(s, i)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s.charAt(i)} is an escaped byte: a low surrogate U+DC80..U+DCFF not after a high one. */
    public static boolean escapedByte(String s, int i) {
        char c = s.charAt(i);
        return c >= 0xdc80 && c <= 0xdcff && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    /** {@code raw} as text: UTF-8, with each byte that is not part of valid UTF-8 as U+DC00 + the byte. */
    public static String decode(byte[] raw) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(raw);
        CharBuffer out = CharBuffer.allocate(raw.length + 1);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    out.put((char) (0xdc00 | in.get() & 0xff));
                }
            } else {
                break;
            }
        }
        d.flush(out);
        return out.flip().toString();
    }

    /** The bytes {@code name} stands for: UTF-8, each escaped byte (U+DC80..U+DCFF) as itself. */
    public static byte[] bytes(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
        int start = 0;
        for (int i = 0; i < name.length(); i++) {
            if (escapedByte(name, i)) {
                out.writeBytes(name.substring(start, i).getBytes(StandardCharsets.UTF_8));
                out.write(name.charAt(i) & 0xff);
                start = i + 1;
            }
        }
        out.writeBytes(name.substring(start).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** True when Java's own {@code Path.of} gives {@code name} its bytes: ASCII, or UTF-8 text in a UTF-8 locale. */
    static boolean plain(String name) {
        if (ascii(name)) {
            return true;
        }
        return JNU_UTF8 && !hasEscapedByte(name);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** As {@code Path.of} normalizes a name: repeated slashes as one, no trailing slash (but "/" itself). */
    static byte[] normalize(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '/' || i == 0 || raw[i - 1] != '/') {
                out.write(raw[i]);
            }
        }
        byte[] b = out.toByteArray();
        return b.length > 1 && b[b.length - 1] == '/' ? Arrays.copyOf(b, b.length - 1) : b;
    }
}
