package netlab.report;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small text helpers shared by the text report's sections: width, plurals, elision, wrapping, cut tables. */
public final class Text {
    /** Widest line of the text report: it fits a 120-column terminal. */
    public static final int WIDTH = 120;
    /** Rows per table of the default text report (the protocol tree shows twice as many). */
    public static final int DEFAULT_ROWS = 5;
    /** Rows that mean "every row" ({@code --full}). */
    public static final int ALL = Integer.MAX_VALUE;

    private Text() {
    }

    /** {@code n} and the noun, singular for exactly one: {@code 1 entry}, {@code 2 entries}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** {@code n} and the noun with an {@code s} for more than one: {@code 1 frame}, {@code 0 frames}. */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** Events per type as {@code 12 (ip_conflict 2, unanswered 10)}, or {@code none}: one line, any width. */
    public static String eventCounts(Map<String, Long> counts) {
        long all = total(counts);
        return all == 0 ? "none" : all + " (" + String.join(", ", eventItems(counts)) + ")";
    }

    /** As {@link #eventCounts}, after {@code head}, wrapped within {@link #WIDTH} under the first count. */
    static void printEventCounts(PrintWriter out, String head, Map<String, Long> counts) {
        long all = total(counts);
        if (all == 0) {
            out.println(head + "none");
            return;
        }
        List<String> items = eventItems(counts);
        items.set(items.size() - 1, items.get(items.size() - 1) + ")");
        printList(out, head + all + " (", items, " ".repeat(head.length()));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static List<String> eventItems(Map<String, Long> counts) {
        List<String> items = new ArrayList<>();
        counts.forEach((type, n) -> items.add(type + " " + n));
        return items;
    }

    /** Nanoseconds as plain seconds without trailing zeros: {@code 1}, {@code 0.25}. */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
    }

    /** {@code s} cut to {@code max} characters, the last one {@code …}, when longer. */
    public static String elide(String s, int max) {
        return s.length() <= max ? s : stripEnd(s.substring(0, Math.max(0, max - 1))) + "…";
    }

    static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** Splits {@code s} into lines of at most {@code width} characters at spaces (a longer word is cut). */
    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                lines.add(rest.substring(0, width));
                rest = rest.substring(width);
            } else {
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut + 1);
            }
        }
        lines.add(rest);
        return lines;
    }

    /** {@code items} joined by {@code , }, as many as fit in {@code width} with a {@code (+N)} for the rest. */
    static String fit(List<String> items, int width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            String next = (i == 0 ? "" : ", ") + items.get(i);
            String rest = i + 1 < items.size() ? " (+" + (items.size() - i - 1) + ")" : "";
            if (i > 0 && sb.length() + next.length() + rest.length() > width) {
                return sb + " (+" + (items.size() - i) + ")";
            }
            sb.append(next);
        }
        return sb.toString();
    }

    /**
     * Prints {@code head} then {@code items} joined by {@code , } (by a space after an item ending in
     * {@code ;}), continued on lines indented as {@code indent}. */
    static void printList(PrintWriter out, String head, List<String> items, String indent) {
        StringBuilder line = new StringBuilder(head);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i + 1 < items.size() && !items.get(i).endsWith(";") ? "," : "");
            boolean first = line.length() == head.length();
            if (!first && line.length() + 1 + item.length() > WIDTH) {
                out.println(line);
                line.setLength(0);
                line.append(indent).append(item);
            } else {
                line.append(first ? "" : " ").append(item);
            }
        }
        out.println(line);
    }

    /** The line under a cut table: {@code ... and 221 more (--full, or --json)}; nothing when none were cut. */
    static void more(PrintWriter out, String indent, long hidden) {
        if (hidden > 0) {
            out.println(indent + "... and " + hidden + " more (--full, or --json)");
        }
    }

    /** Rows to show of a table: all with {@link #ALL}, else {@code rows}. */
    static int shown(long total, int rows) {
        return (int) Math.min(total, rows);
    }
}
