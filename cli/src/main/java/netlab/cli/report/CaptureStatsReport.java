package netlab.cli.report;

import java.io.PrintWriter;
import netlab.capture.live.CaptureStats;

/** The capture statistics a live command prints at the end: tcpdump's lines (capture), or one line (watch, arp-scan). */
public final class CaptureStatsReport {
    private CaptureStatsReport() {
    }

    /** tcpdump's exit lines (tcpdump.c info()): the interface line only when ps_ifdrop is not zero. */
    public static void tcpdump(PrintWriter err, long captured, CaptureStats s) {
        err.println(plural(captured, "captured"));
        err.println(plural(s.received(), "received by filter"));
        err.println(plural(s.droppedByKernel(), "dropped by kernel"));
        if (s.droppedByIface() != 0) {
            err.println(plural(s.droppedByIface(), "dropped by interface"));
        }
        err.flush();
    }

    /** arp-scan's line, which watch prints too: N packets received by filter, M packets dropped by kernel. */
    public static String line(CaptureStats s) {
        return s.received() + " packets received by filter, " + s.droppedByKernel() + " packets dropped by kernel";
    }

    private static String plural(long n, String what) {
        return n + (n == 1 ? " packet " : " packets ") + what;
    }
}
