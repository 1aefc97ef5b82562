package netlab.capture.live;

/** Live capture or sending failed for a reason the user can act on; {@link #kind()} says which. */
public final class LiveException extends Exception {

    /** What went wrong, so the command line can map it to an exit code. */
    public enum Kind {
        /** Not root and no CAP_NET_RAW (libpcap's PCAP_ERROR_PERM_DENIED and friends). */
        PERMISSION,
        /** No interface of that name or number. */
        NO_SUCH_INTERFACE,
        /** The interface exists but is administratively down. */
        INTERFACE_DOWN,
        /** libpcap (or JNA's native part) cannot be loaded. */
        NO_LIBPCAP,
        /** The BPF filter does not compile; the message is libpcap's. */
        BAD_FILTER,
        /** Dropping privileges failed (unknown user, setuid refused). */
        PRIVILEGES,
        /** Any other libpcap failure (activation, send, stats). */
        FAILED
    }

    private final Kind kind;

    public LiveException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public LiveException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
