package netlab.report;

import java.io.PrintWriter;
import netlab.analyzers.timeline.Timeline;
import netlab.capture.Timestamps;

/**
 * The text time series of {@code analyze --series}, like {@code tshark -z io,stat}: one row per interval with
 * frames, bytes, broadcast, multicast, ARP requests and replies, and requests left unanswered (counted at the
 * time they were sent). Rows start at the first frame's time floored to the interval, as the broadcast meter's.
 */
public final class SeriesText {
    /** Rows of the default series; a longer capture doubles each row's length until it fits. */
    public static final int DEFAULT_ROWS = 100;

    private static final int[] COLUMNS = {Timeline.FRAMES, Timeline.BYTES, Timeline.BROADCAST, Timeline.MULTICAST,
        Timeline.ARP_REQUESTS, Timeline.ARP_REPLIES, Timeline.UNANSWERED};

    private SeriesText() {
    }

    /**
     * Prints the series in at most {@code maxRows} rows (at least 1): consecutive buckets are summed in runs
     * of a power of two when there are more.
     */
    public static void print(Timeline t, PrintWriter out, int maxRows) {
        if (t.size() == 0) {
            out.println("== Time series: no frames");
            return;
        }
        int per = 1;
        while ((t.size() + per - 1) / per > Math.max(1, maxRows)) {
            per *= 2;
        }
        long rowNanos = t.bucketNanos() * per;
        int rows = (t.size() + per - 1) / per;
        out.printf("== Time series (like tshark -z io,stat): %s s rows from %s%n", Text.seconds(rowNanos),
                Timestamps.rfc3339(t.origin()));
        if (rowNanos != t.intervalNanos()) {
            long intervals = t.size() * (t.bucketNanos() / t.intervalNanos());
            out.printf("   (%s of %s s, %d per row to fit in %d rows%s)%n", Text.count(intervals, "interval"),
                    Text.seconds(t.intervalNanos()), rowNanos / t.intervalNanos(), Math.min(maxRows, Timeline.MAX_BUCKETS),
                    maxRows < Timeline.MAX_BUCKETS ? "; --full: up to " + Timeline.MAX_BUCKETS : "");
        }
        TextTable table = new TextTable(">from (s)", "", ">to", ">frames", ">bytes", ">broadcast", ">multicast",
                ">ARP requests", ">ARP replies", ">unanswered");
        long[] total = new long[COLUMNS.length];
        for (int r = 0; r < rows; r++) {
            Object[] cells = new Object[3 + COLUMNS.length];
            cells[0] = Text.seconds(r * rowNanos);
            cells[1] = "<>";
            cells[2] = Text.seconds((r + 1) * rowNanos);
            for (int c = 0; c < COLUMNS.length; c++) {
                long sum = 0;
                for (int i = r * per; i < Math.min(t.size(), (r + 1) * per); i++) {
                    sum += t.sum(COLUMNS[c], i);
                }
                cells[3 + c] = sum;
                total[c] += sum;
            }
            table.row(cells);
        }
        Object[] cells = new Object[3 + COLUMNS.length];
        cells[0] = "total";
        cells[1] = "";
        cells[2] = "";
        for (int c = 0; c < COLUMNS.length; c++) {
            cells[3 + c] = total[c];
        }
        table.row(cells);
        table.print(out, "  ");
    }
}
