package netlab.cli.command;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import netlab.analyzers.StandardAnalyzers;
import netlab.analyzers.oui.OuiTable;
import netlab.analyzers.stationdb.StationDb;
import netlab.capture.Frame;
import netlab.capture.LinkType;
import netlab.cli.Netlab;
import netlab.cli.db.StationDbFile;
import picocli.CommandLine;

/**
 * The child JVM of {@link DbFloodTest}: what {@code watch --db} does under an ARP flood from random MACs and
 * IPs, without the interface: {@link #FLOOD} frames through watch's analyzers, the database merged and written
 * every {@link #CHECKPOINT} frames, then loaded back. Prints {@code key=value} lines: sizes, evictions, file size
 * and the JVM's own heap figure (the heap in use after a full GC) for each phase.
 */
final class DbFloodMain {
    static final int FLOOD = 2_000_000;
    static final int CHECKPOINT = 500_000;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long STEP_NANOS = 10_000L;
    /** Stations known for a day before the flood: the eviction rule must keep them. */
    static final int KNOWN = 50;

    private DbFloodMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        WatchCommand cmd = new WatchCommand(Netlab.nativePlatform());
        new CommandLine(cmd).parseArgs("eth0");
        StandardAnalyzers set = cmd.options.analyzers(e -> {
        });
        StationDb db = new StationDb(StationDb.DEFAULT_CAP, 0, 0);
        OuiTable vendors = OuiTable.bundled();
        byte[] arp = FloodMain.arpRequest();
        long t = T0;
        // watch has been running for a day, with a checkpoint at its start and end: the known stations are in the
        // database with a span of a day (the MAC table itself ages them out in between and re-learns them).
        for (long at : new long[] {t, t + 86_400_000_000_000L}) {
            for (int k = 0; k < KNOWN; k++) {
                FloodMain.put48(arp, 6, 0x0200_0000_0000L + k);
                FloodMain.put48(arp, 22, 0x0200_0000_0000L + k);
                FloodMain.put32(arp, 28, 0x0a00_0000 + k);
                set.offer(Frame.of(arp, at, LinkType.ETHERNET));
            }
            db.update(set.arp().bindings(), set.macTable().stations());
            StationDbFile.write(db, file, "eth0", at, vendors::vendor);
        }
        t += 86_400_000_000_000L;
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 1; i <= FLOOD; i++, t += STEP_NANOS) {
            long mac = rnd.nextLong() & 0xfeff_ffff_ffffL;
            FloodMain.put48(arp, 6, mac);
            FloodMain.put48(arp, 22, mac);
            FloodMain.put32(arp, 28, rnd.nextInt());
            FloodMain.put32(arp, 38, rnd.nextInt());
            set.offer(Frame.of(arp, t, LinkType.ETHERNET));
            if (i % CHECKPOINT == 0) {
                db.update(set.arp().bindings(), set.macTable().stations());
                StationDbFile.write(db, file, "eth0", t, vendors::vendor);
            }
        }
        phase("flood");
        System.out.println("evicted_bindings=" + db.evictedBindings());
        System.out.println("evicted_stations=" + db.evictedStations());
        System.out.println("file_bytes=" + Files.size(file));
        db = null;
        StationDb back = StationDbFile.load(file, null, StationDb.DEFAULT_CAP);
        phase("load");
        System.out.println("bindings=" + back.bindingCount());
        System.out.println("stations=" + back.stationCount());
        System.out.println("known_bindings_kept=" + back.bindings().stream().filter(b -> (b.ip() >>> 24) == 10
                && (b.ip() & 0xffffff) < KNOWN && b.lastSeenNanos() - b.firstSeenNanos() > 0).count());
        System.out.println("known_stations_kept=" + back.stations().stream()
                .filter(s -> (s.mac() >>> 8) == 0x0200_0000_00L && s.lastSeen() - s.firstSeen() > 0).count());
        System.out.println("loaded_evicted=" + (back.evictedBindings() + back.evictedStations()));
        StationDbFile.write(back, file, "eth0", t, vendors::vendor);
        phase("write_back");
        System.out.println("max_heap=" + Runtime.getRuntime().maxMemory());
    }

    /** The heap in use after a full GC: the live set of this phase's end. */
    private static void phase(String name) {
        System.gc();
        System.out.println(name + ".used_after_gc=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
}
