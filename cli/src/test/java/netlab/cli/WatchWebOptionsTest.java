package netlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import netlab.cli.support.ExitCode;
import netlab.cli.web.WebBind;
import org.junit.jupiter.api.Test;

/** {@code watch --web} options are checked before any interface is opened: one line, exit 2, no root needed. */
class WatchWebOptionsTest {

    private static void refused(String line, String... args) {
        Run r = Run.of(args);
        assertEquals(ExitCode.USAGE, r.code(), r.err());
        assertEquals(line + "\n", r.err());
    }

    @Test
    void aNonLoopbackBindNeedsTheFlagAndAToken() {
        refused("netlab: watch: --web 10.0.0.1:8080 is not a loopback address (add --web-allow-remote and --web-token "
                + "to serve other machines, or tunnel with ssh -L)", "watch", "lo", "--web", "10.0.0.1:8080");
        refused("netlab: watch: --web 10.0.0.1:8080 is reachable from the network but has no --web-token (add "
                + "--web-token with a random secret)", "watch", "lo", "--web", "10.0.0.1:8080", "--web-allow-remote");
    }

    @Test
    void tokensAreLongAndOnlyWithWeb() {
        refused("netlab: watch: --web-token is shorter than 16 characters (use a random one, e.g. "
                + "$(head -c 18 /dev/urandom | base64))", "watch", "lo", "--web", "8080", "--web-token", "short");
        refused("netlab: watch: --web-token and --web-allow-remote need --web (add --web [ADDR:]PORT)",
                "watch", "lo", "--web-token", "0123456789abcdef");
        refused("netlab: watch: --web x:y: no port (give [ADDR:]PORT, e.g. --web 8080 or --web 127.0.0.1:8080)",
                "watch", "lo", "--web", "x:y");
    }

    @Test
    void theDefaultAddressIsLoopback() {
        assertEquals(new InetSocketAddress("127.0.0.1", 8080), WebBind.parse("8080", false, null).address());
        assertEquals(new InetSocketAddress("::1", 0), WebBind.parse("[::1]:0", false, null).address());
        assertEquals(new InetSocketAddress("10.0.0.1", 80),
                WebBind.parse("10.0.0.1:80", true, "0123456789abcdef").address());
    }
}
