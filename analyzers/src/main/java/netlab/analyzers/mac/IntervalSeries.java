package netlab.analyzers.mac;

import java.util.Arrays;

/**
 * Counters per fixed interval of capture time, kept as a bounded time series for plots.
 *
 * <p>Intervals are aligned to multiples of the interval since the Unix epoch: the first one starts at the
 * first frame's timestamp floored to the interval (a 1 s interval starts on a whole second). Time only moves
 * forward: a frame stamped before the current interval (out-of-order capture) counts in the current one.
 * Intervals without frames are stored with zeros, up to {@link #MAX_EMPTY_RUN} in a row; a longer gap is
 * stored as one zero entry, and the next entry's start shows where traffic resumed. When
 * {@link #MAX_ENTRIES} entries are stored, neighbours are merged in pairs and each later entry sums twice as
 * many intervals ({@link #entryNanos()}), so memory stays bounded on any capture length. An entry covers the
 * time from its start to the next entry's start.
 */
public final class IntervalSeries {
    /** Most entries stored; past it, pairs are merged (series resolution halves). */
    public static final int MAX_ENTRIES = 100_000;
    /** Longest run of empty intervals stored one by one; a longer gap becomes a single zero entry. */
    public static final int MAX_EMPTY_RUN = 3_600;

    private final long interval;
    private final int columns;
    private final int maxEntries;
    private final long[] current;
    private final long[] zeros;
    private boolean started;
    private long currentStart;
    private long[] starts = new long[64];
    private long[] values;
    private int entries;
    private int factor = 1;
    private final long[] pending;
    private long pendingStart;
    private int pendingCount;

    public IntervalSeries(long intervalNanos, int columns) {
        this(intervalNanos, columns, MAX_ENTRIES);
    }

    /** @param maxEntries an even number of entries to keep before merging (tests use small values) */
    public IntervalSeries(long intervalNanos, int columns, int maxEntries) {
        if (intervalNanos <= 0 || columns <= 0 || maxEntries < 2 || maxEntries % 2 != 0) {
            throw new IllegalArgumentException("bad series shape");
        }
        this.interval = intervalNanos;
        this.columns = columns;
        this.maxEntries = maxEntries;
        current = new long[columns];
        zeros = new long[columns];
        pending = new long[columns];
        values = new long[64 * columns];
    }

    /** True once a timestamp was seen. */
    public boolean started() {
        return started;
    }

    /** Start of the interval being counted, epoch ns (meaningful once {@link #started()}). */
    public long currentStart() {
        return currentStart;
    }

    /** True when {@code ts} falls after the current interval, so {@link #advance} would close it. */
    public boolean closes(long ts) {
        return started && ts - currentStart >= interval;
    }

    /**
     * Makes the interval holding {@code ts} current, storing the closed one and any empty ones between;
     * returns how many empty intervals lay between (0 when none or nothing closed).
     */
    public long advance(long ts) {
        if (!started) {
            started = true;
            currentStart = Math.floorDiv(ts, interval) * interval;
            return 0;
        }
        if (!closes(ts)) {
            return 0;
        }
        push(currentStart, current);
        Arrays.fill(current, 0);
        long next = Math.floorDiv(ts, interval) * interval;
        long empty = (next - currentStart) / interval - 1;
        if (empty > MAX_EMPTY_RUN) {
            push(currentStart + interval, zeros);
        } else {
            for (long k = 1; k <= empty; k++) {
                push(currentStart + k * interval, zeros);
            }
        }
        currentStart = next;
        return empty;
    }

    /** Adds to a column of the current interval. */
    public void add(int column, long delta) {
        current[column] += delta;
    }

    /** A column of the current interval. */
    public long current(int column) {
        return current[column];
    }

    /** Stores the current interval and any partly merged entry; call once at end of input. */
    public void finish() {
        if (started) {
            push(currentStart, current);
            Arrays.fill(current, 0);
            started = false;
        }
        if (pendingCount > 0) {
            store(pendingStart, pending);
            Arrays.fill(pending, 0);
            pendingCount = 0;
        }
    }

    private void push(long start, long[] v) {
        if (pendingCount == 0) {
            pendingStart = start;
        }
        for (int c = 0; c < columns; c++) {
            pending[c] += v[c];
        }
        if (++pendingCount == factor) {
            store(pendingStart, pending);
            Arrays.fill(pending, 0);
            pendingCount = 0;
        }
    }

    private void store(long start, long[] v) {
        if (entries == starts.length) {
            int n = Math.min(maxEntries, entries * 2);
            starts = Arrays.copyOf(starts, n);
            values = Arrays.copyOf(values, n * columns);
        }
        starts[entries] = start;
        System.arraycopy(v, 0, values, entries * columns, columns);
        if (++entries == maxEntries) {
            mergePairs();
        }
    }

    private void mergePairs() {
        for (int i = 0; i < entries / 2; i++) {
            starts[i] = starts[2 * i];
            for (int c = 0; c < columns; c++) {
                values[i * columns + c] = values[2 * i * columns + c] + values[(2 * i + 1) * columns + c];
            }
        }
        entries /= 2;
        factor *= 2;
    }

    /** Stored entries. */
    public int size() {
        return entries;
    }

    /** Start of entry {@code i}, epoch ns. */
    public long start(int i) {
        return starts[i];
    }

    /** Column {@code c} of entry {@code i}. */
    public long value(int i, int c) {
        return values[i * columns + c];
    }

    /** Nominal time one entry covers: the interval times the number merged into it. */
    public long entryNanos() {
        return interval * factor;
    }

    public long intervalNanos() {
        return interval;
    }
}
