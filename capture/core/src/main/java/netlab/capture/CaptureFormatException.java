package netlab.capture;

import java.io.IOException;

/** A capture file that is not a capture, or is damaged at a known byte offset. */
public class CaptureFormatException extends IOException {

    /** What kind of damage, which decides the exit code. */
    public enum Kind {
        /** Not a pcap or pcapng file at all (bad magic, empty file). */
        NOT_A_CAPTURE,
        /** A valid start, but the file ends inside a header or record. */
        TRUNCATED,
        /** A header field holds an impossible value (length, block size, interface id). */
        MALFORMED,
        /** Well-formed, but a feature netlab does not read (e.g. an unknown major version). */
        UNSUPPORTED
    }

    private final Kind kind;
    private final long offset;
    private final String reason;

    public CaptureFormatException(Kind kind, long offset, String reason) {
        super(reason + " at byte offset " + offset);
        this.kind = kind;
        this.offset = offset;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    /** Byte offset in the file where the problem starts. */
    public long offset() {
        return offset;
    }

    /** The reason without the offset. */
    public String reason() {
        return reason;
    }

    /**
     * True when the file was read up to the damage (truncated or malformed part-way), so the frames before it
     * were analysed; false when nothing of it was read.
     */
    public boolean partlyRead() {
        return kind == Kind.TRUNCATED || kind == Kind.MALFORMED;
    }

    /**
     * What the user can do about it, the hint of the one-line message that every front end (the CLI, the Spark
     * job) prints for this failure, so they word it alike.
     */
    public String hint() {
        return switch (kind) {
            case NOT_A_CAPTURE -> "expected a pcap or pcapng file";
            case UNSUPPORTED -> "netlab reads pcap 2.x and pcapng 1.x";
            case TRUNCATED, MALFORMED -> "frames before the damage were reported";
        };
    }
}
