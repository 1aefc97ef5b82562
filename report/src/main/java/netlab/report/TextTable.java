package netlab.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A text table whose column widths come from its cells, so columns never run into each other: numbers are
 * right-aligned, text left-aligned, a column with a maximum width is elided with {@code …}, and the last
 * column is cut or wraps at word boundaries to keep each line within {@link Text#WIDTH}.
 */
final class TextTable {
    private final String[] headers;
    private final boolean[] right;
    private final int[] max;
    private final List<String[]> rows = new ArrayList<>();
    /** Per row, the last column as a list (or null): fitted to one line or wrapped, at print time. */
    private final List<List<String>> lists = new ArrayList<>();
    private boolean oneLine;

    /**
     * @param columns one per column: a header, prefixed with {@code >} for a right-aligned (numeric) column;
     *                an empty header set (all "") prints no header line
     */
    TextTable(String... columns) {
        headers = new String[columns.length];
        right = new boolean[columns.length];
        max = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            right[c] = columns[c].startsWith(">");
            headers[c] = right[c] ? columns[c].substring(1) : columns[c];
            max[c] = Integer.MAX_VALUE;
        }
    }

    /** Cells of column {@code c} longer than {@code width} are cut to it, ending in {@code …}. */
    TextTable maxWidth(int c, int width) {
        max[c] = width;
        return this;
    }

    /**
     * One line per row (the default report): a last column given as a list is cut to what fits, with
     * {@code (+N)} for the rest, and other text is elided with {@code …}; otherwise ({@code --full}) the last
     * column wraps onto more lines.
     */
    TextTable oneLine(boolean one) {
        oneLine = one;
        return this;
    }

    /**
     * Adds a row; numbers and other values are printed with {@link String#valueOf(Object)}; the last cell may
     * be a {@code List<String>} (see {@link #fitLists}).
     */
    TextTable row(Object... cells) {
        String[] r = new String[headers.length];
        List<String> list = null;
        for (int c = 0; c < r.length; c++) {
            Object cell = c < cells.length ? cells[c] : "";
            if (c == r.length - 1 && cell instanceof List<?> l) {
                list = l.stream().map(String::valueOf).toList();
                cell = "";
            }
            r[c] = Text.elide(String.valueOf(cell), max[c]);
        }
        rows.add(r);
        lists.add(list);
        return this;
    }

    int size() {
        return rows.size();
    }

    /** Prints the header (unless every header is empty) and the rows, each line starting with {@code indent}. */
    void print(PrintWriter out, String indent) {
        boolean header = false;
        for (String h : headers) {
            header |= !h.isEmpty();
        }
        int[] w = new int[headers.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = header ? headers[c].length() : 0;
            for (String[] r : rows) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        int last = w.length - 1;
        int start = indent.length() + 2 * last;
        for (int c = 0; c < last; c++) {
            start += w[c];
        }
        for (int i = 0; i < rows.size(); i++) {
            List<String> l = lists.get(i);
            if (l != null) {
                rows.get(i)[last] = oneLine ? Text.fit(l, Math.max(20, Text.WIDTH - start)) : String.join(", ", l);
                w[last] = Math.max(w[last], rows.get(i)[last].length());
            }
        }
        if (header) {
            line(out, indent, headers, w);
        }
        for (String[] r : rows) {
            line(out, indent, r, w);
        }
    }

    private void line(PrintWriter out, String indent, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder(indent);
        int last = cells.length - 1;
        for (int c = 0; c < last; c++) {
            pad(sb, cells[c], w[c], right[c]);
            sb.append("  ");
        }
        if (right[last]) {
            pad(sb, cells[last], w[last], true);
            out.println(Text.stripEnd(sb.toString()));
            return;
        }
        int start = sb.length();
        int room = Math.max(20, Text.WIDTH - start);
        for (String part : oneLine ? List.of(Text.elide(cells[last], room)) : Text.wrap(cells[last], room)) {
            out.println(Text.stripEnd(sb.append(part).toString()));
            sb.setLength(0);
            sb.append(" ".repeat(start));
        }
    }

    private static void pad(StringBuilder sb, String cell, int width, boolean right) {
        if (right) {
            sb.append(" ".repeat(width - cell.length())).append(cell);
        } else {
            sb.append(cell).append(" ".repeat(width - cell.length()));
        }
    }
}
