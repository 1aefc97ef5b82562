package netlab.cli.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import netlab.cli.Netlab;
import netlab.cli.TinyMount;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import org.junit.jupiter.api.Test;

/** {@code -Z ''} is a usage error instead of silently staying root; a stale $SUDO_USER no longer stops a capture. */
class PrivilegeDropTest {
    @Test
    void anEmptyUserIsAUsageError() {
        for (String empty : new String[] {"", " "}) {
            NetlabException e = assertThrows(NetlabException.class, () -> PrivilegeDrop.apply(Netlab.nativePlatform().accounts(), empty, null, null));
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertEquals("netlab: -Z: needs a user name, not '' (give -Z USER, or -Z root to stay root)", e.line());
        }
    }

    @Test
    void aSudoUserWhoIsNoUserHereIsIgnoredWithANote() throws Exception {
        TinyMount.assumeRoot();
        StringWriter err = new StringWriter();
        assertNull(PrivilegeDrop.apply(Netlab.nativePlatform().accounts(), null, "netlab-no-such-user-\033[2J", new PrintWriter(err)));
        assertEquals("netlab: $SUDO_USER 'netlab-no-such-user-\\x1b[2J' is no user here, so the capture stays root "
                + "(give -Z USER, or -Z root to silence this)\n", err.toString());
    }
}
