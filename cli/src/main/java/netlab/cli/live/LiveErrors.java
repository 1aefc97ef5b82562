package netlab.cli.live;

import netlab.capture.live.LiveException;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;

/** Turns a live-capture failure into the one-line error and exit code of {@link ExitCode}. */
public final class LiveErrors {
    private LiveErrors() {
    }

    public static NetlabException of(LiveException e) {
        String msg = e.getMessage();
        int colon = msg.indexOf(": ");
        String what = colon > 0 ? msg.substring(0, colon) : "capture";
        String why = colon > 0 ? msg.substring(colon + 2) : msg;
        return switch (e.kind()) {
            case PERMISSION -> new NetlabException(ExitCode.PERMISSION, what, why,
                    "run as root (sudo), or give java CAP_NET_RAW and CAP_NET_ADMIN", e);
            case PRIVILEGES -> new NetlabException(ExitCode.PERMISSION, "-Z", msg,
                    "name an existing user, or -Z root to keep root", e);
            case NO_SUCH_INTERFACE -> new NetlabException(ExitCode.INTERFACE, what, why,
                    "'netlab interfaces' lists the names and numbers", e);
            case INTERFACE_DOWN -> new NetlabException(ExitCode.INTERFACE, what, why,
                    "bring it up: ip link set " + what + " up", e);
            case NO_LIBPCAP -> new NetlabException(ExitCode.NO_LIBPCAP, "libpcap", msg,
                    "install it: apt-get install libpcap0.8", e);
            case BAD_FILTER -> new NetlabException(ExitCode.BAD_FILTER, "filter", msg, "see pcap-filter(7)", e);
            case FAILED -> new NetlabException(ExitCode.INTERFACE, what, why, null, e);
        };
    }
}
