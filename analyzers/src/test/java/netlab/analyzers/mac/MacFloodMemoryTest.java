package netlab.analyzers.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.Analysis;
import netlab.analyzers.broadcast.BroadcastMeter;
import netlab.analyzers.event.Event;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import org.junit.jupiter.api.Test;

/**
 * A {@code macof}-style flood: 2 000 000 frames, each from a new source MAC to a random destination, built in
 * one reused buffer. The MAC table must stay at its cap, raise one mac_flood episode, and the heap retained by
 * the analyzers must stay under {@link #HEAP_BOUND_BYTES}.
 */
class MacFloodMemoryTest {
    static final int FRAMES = 2_000_000;
    /** Retained-heap bound for the MAC table and broadcast meter after the flood (measured 2.8 MB). */
    static final long HEAP_BOUND_BYTES = 16L << 20;

    private static long usedAfterGc(MemoryMXBean mx) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mx.getHeapMemoryUsage().getUsed();
    }

    @Test
    void floodKeepsTheTableAtItsCapAndMemoryFlat() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(mx);
        List<Event> events = new ArrayList<>();
        MacTable table = new MacTable(MacTable.Config.DEFAULTS, OuiTable::bundled, events::add);
        BroadcastMeter meter = new BroadcastMeter(BroadcastMeter.Config.DEFAULTS, events::add);
        Analysis analysis = new Analysis(List.of(table, meter));
        byte[] buf = TestFrames.eth(0, 0, 0x0800, TestFrames.ipv4(0, 0));
        long x = 0x1234_5678_9abcL;
        for (int i = 0; i < FRAMES; i++) {
            // Source: the low 32 bits of i times an odd number (a bijection mod 2^32), so every frame brings a
            // new MAC; locally administered and unicast. Destination and IPs from a xorshift generator.
            long src = 0x0200_0000_0000L | ((i * 0x5DEECE66DL) & 0xffff_ffffL);
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            TestFrames.put48(buf, 0, x & 0xfeff_ffff_ffffL);
            TestFrames.put48(buf, 6, src);
            TestFrames.put32(buf, 14 + 12, (int) x);
            TestFrames.put32(buf, 14 + 16, (int) (x >>> 32));
            analysis.offer(Frame.of(buf, TestFrames.T0 + i * 1000L, LinkType.ETHERNET));
        }
        analysis.finish();
        long after = usedAfterGc(mx);
        long retained = after - before;
        System.out.printf("MAC flood: %d frames, table %d/%d, learned %d, evicted %d, heap retained %.1f MB%n",
                FRAMES, table.size(), MacTable.DEFAULT_CAP, table.learned(), table.evicted(), retained / 1048576.0);
        assertEquals(MacTable.DEFAULT_CAP, table.size());
        assertEquals(FRAMES, table.learned());
        assertEquals(FRAMES - MacTable.DEFAULT_CAP, table.evicted());
        assertEquals(FRAMES, table.floodedUnicast() + table.forwardedUnicast());
        assertEquals(List.of("mac_flood"), events.stream().map(Event::type).toList());
        assertEquals("cap", ((MacTableEvent.MacFlood) events.get(0)).trigger());
        assertEquals(meter.sources().size() + meter.sources().evicted(), FRAMES);
        assertTrue(retained < HEAP_BOUND_BYTES, "retained " + retained);
    }
}
