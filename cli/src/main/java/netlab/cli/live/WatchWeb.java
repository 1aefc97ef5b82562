package netlab.cli.live;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.event.Event;
import netlab.analyzers.event.EventListener;
import netlab.cli.support.ExitCode;
import netlab.cli.support.NetlabException;
import netlab.cli.web.LiveWeb;
import netlab.cli.web.WebBind;
import netlab.report.html.LivePage;
import netlab.report.html.LiveSnapshot;
import picocli.CommandLine.Option;

/**
 * {@code watch --web}: the options (a picocli mixin, checked before the interface is opened) and, once
 * started, the live page's server with the snapshot it pushes every second on the watch's timer.
 */
public final class WatchWeb implements EventListener {
    @Option(names = "--web", paramLabel = "[ADDR:]PORT", description = "Serve a read-only live page (stations, "
            + "latest events, rolling rate charts pushed every second) on ADDR:PORT; ADDR defaults to 127.0.0.1. "
            + "Port 0 picks a free one (printed).")
    String web;

    @Option(names = "--web-allow-remote", description = "Allow --web on an address other than loopback (needs "
            + "--web-token).")
    boolean allowRemote;

    @Option(names = "--web-token", paramLabel = "TOKEN", description = "Secret every request must carry (?token=TOKEN "
            + "or Authorization: Bearer TOKEN), at least 16 characters; default: $NETLAB_WEB_TOKEN, which keeps it "
            + "out of ps. Never printed.")
    String token;

    private WebBind bind;
    private volatile LiveSnapshot snapshot;
    private LiveWeb server;

    /** Checks the options (usage errors exit 2, before anything is opened); false without --web. */
    public boolean check() {
        String t = token != null ? token : System.getenv("NETLAB_WEB_TOKEN");
        if (web == null) {
            if (token != null || allowRemote) {
                throw new NetlabException(ExitCode.USAGE, "watch", "--web-token and --web-allow-remote need --web",
                        "add --web [ADDR:]PORT");
            }
            return false;
        }
        bind = WebBind.parse(web, allowRemote, t == null || t.isEmpty() ? null : t);
        return true;
    }

    /** Keeps the latest events for the page (called under the analyzers' lock). */
    @Override
    public void onEvent(Event e) {
        LiveSnapshot s = snapshot;
        if (s != null) {
            s.onEvent(e);
        }
    }

    /** Starts serving {@code set}: the first snapshot before any browser, then one a second on the session's timer. */
    public void start(StandardAnalyzers set, String device, LiveSession session, PrintWriter err) {
        if (bind == null) {
            return;
        }
        LiveSnapshot s = new LiveSnapshot(set, device);
        snapshot = s;
        try {
            server = new LiveWeb(bind, LivePage::html);
        } catch (IOException e) {
            throw new NetlabException(ExitCode.USAGE, "watch", "--web " + web + ": cannot listen: " + e.getMessage(),
                    "choose another port or address");
        }
        server.publish(s.build());
        long second = TimeUnit.SECONDS.toNanos(1);
        session.every(second, second, () -> {
            try {
                server.publish(s.build());
            } catch (RuntimeException e) {
                err.println("netlab: web view: cannot build a snapshot: " + e + " (will try again)");
                err.flush();
            }
        });
        var a = server.address();
        String host = a.getAddress().getHostAddress();
        err.println("netlab: live view at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort()
                + "/" + (bind.token() == null ? "" : " (add ?token=<your --web-token>)"));
        err.flush();
    }

    /** Stops the server and prints its one stats line. */
    public void close(PrintWriter err) {
        if (server != null) {
            server.close();
            err.println("netlab: " + server.stats());
            err.flush();
            server = null;
        }
    }
}
