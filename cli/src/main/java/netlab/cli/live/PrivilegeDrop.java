package netlab.cli.live;

import netlab.capture.live.LiveException;
import netlab.capture.live.Accounts;
import netlab.cli.support.ExitCode;
import netlab.cli.support.Messages;
import netlab.cli.support.NetlabException;

/** The {@code -Z USER} of capture and watch (tcpdump -Z): become USER once the capture handle is open. */
public final class PrivilegeDrop {
    private PrivilegeDrop() {
    }

    /**
     * Becomes {@code user}; without one, becomes {@code $SUDO_USER} when {@code sudoDefault} and the process
     * came through sudo. 'root', or no user at all, keeps the process as it is. Call it after the handle is
     * open (the packet socket stays usable) and before any file is touched, so files are the user's.
     *
     * @return the account switched to, or null when the process kept its user
     * @throws LiveException of kind PRIVILEGES when USER is given without root, is unknown, or the switch fails
     */
    public static Accounts.Account apply(Accounts accounts, String user, boolean sudoDefault) throws LiveException {
        return apply(accounts, user, sudoDefault ? System.getenv("SUDO_USER") : null, null);
    }

    /**
     * As {@link #apply(Accounts, String, boolean)} with the sudo default given: an empty USER is a usage error (it would
     * silently stay root); a default that names no account here (a stale $SUDO_USER kept by {@code sudo -s}) is
     * ignored with a note on {@code err}, as an explicit -Z USER would not be.
     */
    public static Accounts.Account apply(Accounts accounts, String user, String sudoUser, java.io.PrintWriter err) throws LiveException {
        if (user != null && user.isBlank()) {
            throw new NetlabException(ExitCode.USAGE, "-Z", "needs a user name, not ''",
                    "give -Z USER, or -Z root to stay root");
        }
        if (user == null && sudoUser != null && !sudoUser.isEmpty() && !sudoUser.equals("root") && accounts.isRoot()) {
            try {
                accounts.lookup(sudoUser);
            } catch (LiveException e) {
                if (err != null) {
                    err.println(Messages.text("netlab: $SUDO_USER '" + sudoUser + "' is no user here, so the capture "
                            + "stays root (give -Z USER, or -Z root to silence this)"));
                    err.flush();
                }
                return null;
            }
        }
        String target = user != null ? user : sudoUser;
        if (target == null || target.isEmpty() || target.equals("root") || !accounts.isRoot()) {
            if (user != null && !user.equals("root") && !accounts.isRoot()) {
                throw new LiveException(LiveException.Kind.PRIVILEGES, "cannot become '" + user + "' without being root");
            }
            return null;
        }
        return accounts.dropTo(target);
    }
}
