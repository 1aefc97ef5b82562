package netlab.cli;

import netlab.capture.live.LiveException;
import netlab.capture.live.Privileges;

/** The {@code -Z USER} of capture and watch (tcpdump -Z): become USER once the capture handle is open. */
final class PrivilegeDrop {
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
    static Privileges.Account apply(String user, boolean sudoDefault) throws LiveException {
        String target = user != null ? user : sudoDefault ? System.getenv("SUDO_USER") : null;
        if (target == null || target.isEmpty() || target.equals("root") || !Privileges.isRoot()) {
            if (user != null && !user.equals("root") && !Privileges.isRoot()) {
                throw new LiveException(LiveException.Kind.PRIVILEGES, "cannot become '" + user + "' without being root");
            }
            return null;
        }
        return Privileges.dropTo(target);
    }
}
