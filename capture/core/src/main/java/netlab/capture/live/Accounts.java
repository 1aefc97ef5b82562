package netlab.capture.live;

/**
 * The user database and the process's identity, for {@code -Z USER} (tcpdump -Z): become USER for good once the
 * capture handle is open.
 */
public interface Accounts {

    /** The user and group ids of {@code name}. */
    record Account(String name, int uid, int gid) {
    }

    /** Looks {@code user} up (NSS, getpwnam); a {@link LiveException.Kind#PRIVILEGES} failure when unknown. */
    Account lookup(String user) throws LiveException;

    /** True when the process runs with effective uid 0. */
    boolean isRoot();

    /**
     * Becomes {@code user} for good (supplementary groups, group, then user) and checks that root cannot be
     * regained.
     *
     * @return the account switched to
     */
    Account dropTo(String user) throws LiveException;
}
