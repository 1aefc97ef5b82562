package netlab.analyzers.arp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import netlab.analyzers.event.EventLog;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import org.junit.jupiter.api.Test;

/** A random-IP, random-MAC ARP flood keeps every table at its cap (no timing asserts). */
class ArpBoundsTest {

    @Test
    void halfAMillionRandomRequestsStayWithinTheCaps() {
        EventLog log = new EventLog(EventLog.DEFAULT_CAP, e -> {
        });
        ArpTracker t = new ArpTracker(ArpConfig.defaults(), log);
        PacketView view = new PacketView();
        byte[] b = ArpFrames.request(ArpFrames.m(1), "10.0.0.1", "10.0.0.2");
        SplittableRandom rnd = new SplittableRandom(42);
        int n = 500_000;
        for (int i = 0; i < n; i++) {
            long mac = rnd.nextLong() & 0xfeff_ffff_ffffL;
            for (int k = 0; k < 6; k++) {
                b[6 + k] = (byte) (mac >>> (40 - 8 * k));
                b[22 + k] = b[6 + k];
            }
            int sip = rnd.nextInt();
            int tip = rnd.nextInt();
            for (int k = 0; k < 4; k++) {
                b[28 + k] = (byte) (sip >>> (24 - 8 * k));
                b[38 + k] = (byte) (tip >>> (24 - 8 * k));
            }
            Decoder.decode(Frame.of(b, 1_000L * i, LinkType.ETHERNET), view);
            t.accept(view);
        }
        ArpTracker.TableSizes s = t.tableSizes();
        assertEquals(ArpConfig.PENDING_CAP, s.pending());
        assertEquals(ArpConfig.BINDING_CAP, s.bindings());
        assertEquals(0, s.stormSources(), "a sender seen once gets no rate window");
        assertEquals(n - ArpConfig.PENDING_CAP, s.evictedPending());
        assertEquals(ArpConfig.LIST_CAP, t.unansweredList().size());
        t.finish();
        assertEquals(0, t.tableSizes().pending());
        assertEquals(n, t.counts().unanswered());
        assertEquals(n, t.counts().requests());
        assertEquals(ArpConfig.GROUP_CAP, t.unansweredGroups(Integer.MAX_VALUE).size());
        assertEquals(EventLog.DEFAULT_CAP, log.events().size());
    }
}
