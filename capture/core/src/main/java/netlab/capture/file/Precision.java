package netlab.capture.file;

/** Resolution of the fractional part of a classic pcap timestamp, chosen by the file's magic number. */
public enum Precision {
    /** Microseconds: magic 0xa1b2c3d4. */
    MICRO(0xa1b2c3d4, 1_000, 1_000_000),
    /** Nanoseconds: magic 0xa1b23c4d. */
    NANO(0xa1b23c4d, 1, 1_000_000_000);

    private final int magic;
    private final long nanosPerUnit;
    private final long unitsPerSecond;

    Precision(int magic, long nanosPerUnit, long unitsPerSecond) {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
        this.unitsPerSecond = unitsPerSecond;
    }

    /** The pcap magic number that announces this precision. */
    public int magic() {
        return magic;
    }

    /** Nanoseconds in one unit of the fractional field. */
    public long nanosPerUnit() {
        return nanosPerUnit;
    }

    /** Fractional units in one second (the valid fraction range is below this). */
    public long unitsPerSecond() {
        return unitsPerSecond;
    }
}
