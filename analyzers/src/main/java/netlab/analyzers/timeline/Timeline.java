package netlab.analyzers.timeline;

import java.util.Arrays;
import java.util.function.IntSupplier;
import netlab.analyzers.FrameAnalyzer;
import netlab.capture.decode.PacketView;

/**
 * Rates over capture time for plots and {@code analyze --series}: frames, bytes, broadcast, multicast and ARP
 * frames per interval, unanswered ARP requests by the time they were sent, and the MAC table's size, in at most {@link #MAX_BUCKETS} buckets.
 *
 * <p>Intervals are aligned as {@code BroadcastMeter}'s (multiples of the interval since the Unix epoch) and
 * time never moves back (a frame stamped before the current interval counts in it), so the busiest interval
 * here is the meter's peak. A bucket starts as one interval; when the capture outgrows {@link #MAX_BUCKETS}
 * buckets, neighbours are merged in pairs and each bucket covers twice the time ({@link #bucketNanos()}).
 * Each bucket keeps the sum of its intervals and the count of its busiest interval, so a storm's peak
 * survives merging. Memory is fixed: {@code (2 * RATES + 3) * MAX_BUCKETS} longs.
 */
public final class Timeline implements FrameAnalyzer {
    /** Most buckets kept; past it, pairs are merged (resolution halves). */
    public static final int MAX_BUCKETS = 2048;
    /** All frames (column of {@link #sum} and {@link #peak}). */
    public static final int FRAMES = 0;
    /** Frames to ff:ff:ff:ff:ff:ff. */
    public static final int BROADCAST = 1;
    /** Frames to another group address (I/G bit set, IEEE 802 clause 8.2). */
    public static final int MULTICAST = 2;
    /** ARP frames whose opcode reads 1 (request). */
    public static final int ARP_REQUESTS = 3;
    /** ARP frames whose opcode reads 2 (reply). */
    public static final int ARP_REPLIES = 4;
    /** Columns with a per-interval peak. */
    public static final int RATES = 5;
    /** Requests settled without a reply, counted in the bucket of their request time (sum only). */
    public static final int UNANSWERED = 5;
    /** Bytes on the wire (original lengths) of all frames (sum only). */
    public static final int BYTES = 6;
    private static final int COLUMNS = 7;
    private static final long GROUP_BIT = 0x0100_0000_0000L;
    private static final long ALL_ONES = 0xffff_ffff_ffffL;

    private final long interval;
    private final int maxBuckets;
    private final IntSupplier tableSize;
    private final long[][] sums = new long[COLUMNS][];
    private final long[][] peaks = new long[RATES][];
    private final long[] tableMax;
    private final long[] current = new long[RATES];
    private boolean started;
    private long origin;
    private long factor = 1;
    private int used;
    private long now;
    private long currentStart;

    /**
     * @param intervalNanos the analysis interval ({@code --interval})
     * @param tableSize     the MAC table's size after each frame (the table must see the frame first), or
     *                      {@code () -> 0} without one
     */
    public Timeline(long intervalNanos, IntSupplier tableSize) {
        this(intervalNanos, tableSize, MAX_BUCKETS);
    }

    /** @param maxBuckets an even number of buckets before merging (tests use small values) */
    public Timeline(long intervalNanos, IntSupplier tableSize, int maxBuckets) {
        if (intervalNanos <= 0 || maxBuckets < 2 || maxBuckets % 2 != 0) {
            throw new IllegalArgumentException("interval must be positive, buckets even and at least 2");
        }
        this.interval = intervalNanos;
        this.maxBuckets = maxBuckets;
        this.tableSize = tableSize;
        for (int c = 0; c < COLUMNS; c++) {
            sums[c] = new long[maxBuckets];
        }
        for (int c = 0; c < RATES; c++) {
            peaks[c] = new long[maxBuckets];
        }
        tableMax = new long[maxBuckets];
    }

    @Override
    public void accept(PacketView v) {
        long ts = v.frame().timestampNanos();
        if (!started) {
            started = true;
            origin = Math.floorDiv(ts, interval) * interval;
            currentStart = origin;
            now = ts;
        }
        now = Math.max(now, ts);
        if (now - currentStart >= interval) {
            closeInterval();
            currentStart = Math.floorDiv(now, interval) * interval;
        }
        int b = bucket(now);
        count(b, FRAMES);
        sums[BYTES][b] += v.frame().originalLength();
        long dst = v.dstMac();
        if (dst == ALL_ONES) {
            count(b, BROADCAST);
        } else if (dst >= 0 && (dst & GROUP_BIT) != 0) {
            count(b, MULTICAST);
        }
        if (v.arpOpcode() == 1) {
            count(b, ARP_REQUESTS);
        } else if (v.arpOpcode() == 2) {
            count(b, ARP_REPLIES);
        }
        tableMax[b] = Math.max(tableMax[b], tableSize.getAsInt());
    }

    private void count(int bucket, int column) {
        sums[column][bucket]++;
        current[column]++;
    }

    /** Counts a request that got no reply, in the bucket of its request time (ArpTracker's unanswered hook). */
    public void unanswered(long requestNanos) {
        if (started) {
            sums[UNANSWERED][bucket(Math.max(origin, requestNanos))]++;
        }
    }

    private void closeInterval() {
        int b = bucket(currentStart);
        for (int c = 0; c < RATES; c++) {
            peaks[c][b] = Math.max(peaks[c][b], current[c]);
            current[c] = 0;
        }
    }

    /** The bucket holding time {@code t} (not before the origin), merging pairs until it fits. */
    private int bucket(long t) {
        long i = (t - origin) / (interval * factor);
        while (i >= maxBuckets) {
            mergePairs();
            i = (t - origin) / (interval * factor);
        }
        used = Math.max(used, (int) i + 1);
        return (int) i;
    }

    private void mergePairs() {
        for (long[] s : sums) {
            merge(s, false);
        }
        for (long[] p : peaks) {
            merge(p, true);
        }
        merge(tableMax, true);
        used = (used + 1) / 2;
        factor *= 2;
    }

    private void merge(long[] a, boolean max) {
        for (int i = 0; i < maxBuckets / 2; i++) {
            a[i] = max ? Math.max(a[2 * i], a[2 * i + 1]) : a[2 * i] + a[2 * i + 1];
        }
        Arrays.fill(a, maxBuckets / 2, maxBuckets, 0);
    }

    /** End of input: the last interval's counts become its bucket's peak. */
    @Override
    public void finish() {
        if (started) {
            closeInterval();
        }
    }

    /** Buckets holding data, from the origin (0 before the first frame). */
    public int size() {
        return used;
    }

    /** Start of bucket 0: the first frame's time floored to the interval, epoch ns. */
    public long origin() {
        return origin;
    }

    /** Start of bucket {@code i}, epoch ns. */
    public long start(int i) {
        return origin + i * bucketNanos();
    }

    /** Time one bucket covers: the interval times the number of intervals merged into it. */
    public long bucketNanos() {
        return interval * factor;
    }

    public long intervalNanos() {
        return interval;
    }

    /** Frames of a column over bucket {@code i} (any column, {@link #UNANSWERED} included). */
    public long sum(int column, int i) {
        return sums[column][i];
    }

    /** Frames of a rate column in the busiest single interval of bucket {@code i}. */
    public long peak(int column, int i) {
        return peaks[column][i];
    }

    /** Largest MAC table size after any frame of bucket {@code i}. */
    public long tableSize(int i) {
        return tableMax[i];
    }
}
