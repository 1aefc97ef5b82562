package netlab.cli.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;

/**
 * Where {@code watch --web [ADDR:]PORT} listens: 127.0.0.1 unless an address is given. Any address that is
 * not loopback needs {@code --web-allow-remote} and a {@code --web-token}, so the view is never open to the
 * network by accident.
 */
public record WebBind(InetSocketAddress address, String token) {
    /** Shortest token accepted: 16 characters (about 96 bits when random base64). */
    public static final int MIN_TOKEN = 16;

    /** Parses and checks the options; a bad combination is a usage error (exit 2). */
    public static WebBind parse(String spec, boolean allowRemote, String token) {
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : spec.substring(0, colon).replaceAll("^\\[|\\]$", "");
        int port;
        try {
            port = Integer.parseInt(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw usage("--web " + spec + ": no port", "give [ADDR:]PORT, e.g. --web 8080 or --web 127.0.0.1:8080");
        }
        InetAddress addr;
        try {
            addr = InetAddress.getByName(host.isEmpty() ? "127.0.0.1" : host);
        } catch (UnknownHostException e) {
            throw usage("--web " + spec + ": unknown address " + host, "give an IP address");
        }
        if (token != null && token.length() < MIN_TOKEN) {
            throw usage("--web-token is shorter than " + MIN_TOKEN + " characters",
                    "use a random one, e.g. $(head -c 18 /dev/urandom | base64)");
        }
        if (!addr.isLoopbackAddress() && !allowRemote) {
            throw usage("--web " + spec + " is not a loopback address", "add --web-allow-remote and --web-token "
                    + "to serve other machines, or tunnel with ssh -L");
        }
        if (!addr.isLoopbackAddress() && token == null) {
            throw usage("--web " + spec + " is reachable from the network but has no --web-token",
                    "add --web-token with a random secret");
        }
        return new WebBind(new InetSocketAddress(addr, port), token);
    }

    private static NetlabException usage(String what, String hint) {
        return new NetlabException(ExitCode.USAGE, "watch", what, hint);
    }
}
