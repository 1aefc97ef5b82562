package netlab.capture.pcap4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import netlab.capture.live.Accounts;
import netlab.capture.live.LiveException;

/**
 * Drops root for the rest of the process, like tcpdump -Z: supplementary groups, then group, then user.
 *
 * <p>glibc's {@code setuid}/{@code setgid} apply to every thread of the process (glibc broadcasts the
 * change), which is what a JVM with many threads needs; the raw system calls would change one thread only.
 * Call it after the capture handle is open (the packet socket stays usable) and before output files are
 * created, so they belong to the user.
 */
final class Privileges implements Accounts {
    /** {@code struct passwd} on glibc: two pointers (name, password) then uid_t and gid_t. */
    private static final long UID_OFFSET = 2L * Native.POINTER_SIZE;


    /** The libc calls needed; loaded on first use so a missing libc only fails -Z. */
    interface LibC extends Library {
        Pointer getpwnam(String name);

        int initgroups(String user, int group);

        int setgid(int gid);

        int setuid(int uid);

        int getuid();

        int geteuid();
    }

    private static LibC libc() {
        NativeInit.configure();
        return Native.load("c", LibC.class);
    }

    @Override
    public Account lookup(String user) throws LiveException {
        Pointer pw = libc().getpwnam(user);
        if (pw == null) {
            throw new LiveException(LiveException.Kind.PRIVILEGES, "unknown user '" + user + "'");
        }
        return new Account(user, pw.getInt(UID_OFFSET), pw.getInt(UID_OFFSET + 4));
    }

    @Override
    public boolean isRoot() {
        return libc().geteuid() == 0;
    }

    @Override
    public Account dropTo(String user) throws LiveException {
        Account a = lookup(user);
        LibC c = libc();
        if (c.initgroups(a.name(), a.gid()) != 0 || c.setgid(a.gid()) != 0 || c.setuid(a.uid()) != 0) {
            throw new LiveException(LiveException.Kind.PRIVILEGES, "cannot switch to user '" + user + "': "
                    + new com.sun.jna.LastErrorException(Native.getLastError()).getMessage());
        }
        if (a.uid() != 0 && c.setuid(0) == 0) {
            throw new LiveException(LiveException.Kind.PRIVILEGES, "root could be regained after switching to '"
                    + user + "'");
        }
        return a;
    }
}
