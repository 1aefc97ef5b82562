package netlab.cli.support;

/** The one table of netlab's exit codes; the README lists the same table. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** The command ran, and its answer is "no" or a --fail-on condition held (arping's 1). */
    public static final int FINDING = 1;
    /** Bad command line or argument value (picocli's usage code, arping's 2). */
    public static final int USAGE = 2;
    /** An input file could not be opened (missing, unreadable, a directory). */
    public static final int NO_INPUT = 3;
    /**
     * The input is not a file netlab will load: not a capture it can read (bad magic, unsupported link type or
     * version), a station database it refuses (damaged, over its cap, not a regular file of a trusted owner), an
     * OUI file over its cap. The file is left as it is.
     */
    public static final int BAD_CAPTURE = 4;
    /** The capture is damaged part-way (truncated or malformed); frames before the damage were reported. */
    public static final int DAMAGED_CAPTURE = 5;
    /** The BPF filter expression does not compile. */
    public static final int BAD_FILTER = 6;
    /** libpcap is needed (BPF filters, live capture) but cannot be loaded. */
    public static final int NO_LIBPCAP = 7;
    /** An output file could not be written. */
    public static final int WRITE_ERROR = 8;
    /** Live capture or sending is not permitted: not root and no CAP_NET_RAW, or -Z could not drop to the user. */
    public static final int PERMISSION = 9;
    /** The interface is unknown, down or cannot be captured on, or no interface is on the target's subnet. */
    public static final int INTERFACE = 10;
    /**
     * Never returned by the Java code: the launcher script ({@code ./netlab}, {@code /usr/bin/netlab}) could not
     * start netlab (no Java runtime, no Maven or a failed build in a clone, nowhere writable to build in).
     */
    public static final int LAUNCH = 11;
    /** A bug in netlab: an unexpected exception (sysexits EX_SOFTWARE). */
    public static final int INTERNAL = 70;
    /**
     * Standard output was a pipe whose reader went away ({@code | head}): stopped quietly at the next write,
     * with the status of a process killed by SIGPIPE (128 + 13), as tcpdump ends.
     */
    public static final int SIGPIPE = 141;
    /** Interrupted by SIGINT (128 + 2). */
    public static final int SIGINT = 130;
    /** Terminated by SIGTERM (128 + 15). */
    public static final int SIGTERM = 143;

    private ExitCode() {
    }
}
