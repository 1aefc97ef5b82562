package netlab.cli.support;

import java.nio.file.Path;

/**
 * Makes text from outside (file and interface names, arguments, file contents) safe to print on a terminal:
 * control characters (C0, DEL, C1) and Unicode's bidirectional overrides become visible escapes, so an error
 * line cannot move the cursor, recolour the terminal or reorder what the user reads (CVE-2021-42574 style).
 */
public final class Messages {
    private Messages() {
    }

    /**
     * {@code s} with every control character as {@code \xHH} (or {@code \\uHHHH} above U+00FF), and each byte of a
     * file name that is not UTF-8 ({@link FileNames}) as {@code \xHH}; null stays "null".
     */
    public static String text(String s) {
        if (s == null) {
            return "null";
        }
        int i = 0;
        while (i < s.length() && !unsafe(s.charAt(i)) && !FileNames.escapedByte(s, i)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (FileNames.escapedByte(s, i)) {
                b.append(String.format("\\x%02x", c & 0xff));
            } else if (!unsafe(c)) {
                b.append(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    /** A path as a message shows it: {@link #text} of its name, bytes that are not UTF-8 as {@code \xHH}. */
    public static String path(Path p) {
        return p == null ? "null" : text(FileNames.name(p));
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
    }
}
