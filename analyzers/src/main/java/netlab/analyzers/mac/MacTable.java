package netlab.analyzers.mac;

import netlab.analyzers.LruIndex;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import netlab.analyzers.FrameAnalyzer;
import netlab.analyzers.event.EventListener;
import netlab.analyzers.oui.OuiTable;
import netlab.capture.Frame;
import netlab.capture.decode.PacketView;

/**
 * A learning switch's MAC table (IEEE 802.1Q clause 8.8, the filtering database) replayed on capture time:
 * every frame's source MAC is learned under its outer VLAN ID (0 when untagged), and every unicast frame is
 * judged forwarded (destination known on that VLAN) or flooded (unknown), which is the hub-versus-switch
 * difference seen on real traffic.
 *
 * <p>Aging: an entry idle for longer than {@link Config#agingNanos()} is removed as soon as a later frame's
 * timestamp passes that point. Entries sit in least-recently-seen order, so each frame only looks at the
 * oldest entries: O(1) amortised, no sweep. Idle time is measured on the newest timestamp seen so far (a
 * frame stamped earlier does not move time back). Cap: at {@link Config#cap()} entries the least recently
 * seen entry is evicted to learn a new one. Both bound memory under any input, and the report lists only
 * what is in the table at the end, as {@code show mac address-table} would. Vendors are looked up only when
 * the report is written.
 */
public final class MacTable implements FrameAnalyzer {
    /** Default entries, the size of a small access switch's CAM (e.g. 16K on Catalyst 2960-class). */
    public static final int DEFAULT_CAP = 16_384;
    /** Default aging time: 300 s, IEEE 802.1Q's recommended ageing time and the usual switch default. */
    public static final long DEFAULT_AGING_NANOS = 300_000_000_000L;
    /** Distinct IP addresses kept per station; further ones are counted in {@code ips_more_frames}. */
    public static final int MAX_IPS_PER_STATION = 16;
    private static final long GROUP_BIT = 0x0100_0000_0000L;

    /**
     * MAC table settings.
     *
     * @param agingNanos   idle time after which an entry is removed; 0 = never (default 300 s)
     * @param cap          most entries (default {@link #DEFAULT_CAP}); the least recently seen is evicted
     * @param floodNewMacsPerSecond new MACs learned per second, averaged over one flood window, above which a
     *                     {@code mac_flood} episode starts. Default 100: {@code macof} (dsniff) learns
     *                     thousands per second into a switch, while even a whole office booting at once
     *                     brings a few hundred stations over minutes
     * @param floodWindowNanos window over which the learning rate is averaged (default 1 s)
     * @param intervalNanos interval of the forwarded/flooded series (default 1 s, {@code --interval})
     */
    public record Config(long agingNanos, int cap, double floodNewMacsPerSecond, long floodWindowNanos,
                         long intervalNanos) {
        public static final Config DEFAULTS = new Config(DEFAULT_AGING_NANOS, DEFAULT_CAP, 100,
                1_000_000_000L, 1_000_000_000L);

        public Config {
            if (agingNanos < 0 || cap < 1 || !(floodNewMacsPerSecond > 0) || floodWindowNanos <= 0
                    || intervalNanos <= 0) {
                throw new IllegalArgumentException("aging >= 0; cap, flood rate, window and interval > 0");
            }
        }
    }

    private final Config config;
    private final Supplier<OuiTable> vendors;
    private final MacEntries entries;
    private final LruIndex index;
    private final FloodDetector flood;
    private final IntervalSeries switchSeries;
    private long now = Long.MIN_VALUE;
    private long learned;
    private long agedOut;
    private long evicted;
    private long forwarded;
    private long flooded;

    /**
     * @param vendors supplies the OUI table when the report is written (e.g. {@code OuiTable::bundled}), so a
     *                run that prints no vendor never loads it
     */
    public MacTable(Config config, Supplier<OuiTable> vendors, EventListener events) {
        this.config = config;
        this.vendors = vendors;
        this.entries = new MacEntries(config.cap());
        this.index = entries.index;
        this.flood = new FloodDetector(config.floodWindowNanos(), config.floodNewMacsPerSecond(), events);
        this.switchSeries = new IntervalSeries(config.intervalNanos(), 2);
    }

    @Override
    public void accept(PacketView v) {
        Frame f = v.frame();
        long ts = f.timestampNanos();
        now = Math.max(now, ts);
        age();
        switchSeries.advance(ts);
        flood.advance(ts, index.size(), config.cap());
        // The capture point's frame: outer addresses and VLAN of a tunnel (docs/decoding.md).
        int vlan = v.linkVlanId();
        long src = v.srcMac();
        if (src >= 0) {
            learn(v, f, src, vlan);
        }
        long dst = v.dstMac();
        if (dst >= 0 && (dst & GROUP_BIT) == 0) {
            boolean known = index.find(MacEntries.key(vlan, dst)) >= 0;
            switchSeries.add(known ? 0 : 1, 1);
            if (known) {
                forwarded++;
            } else {
                flooded++;
            }
        }
    }

    private void age() {
        if (config.agingNanos() == 0) {
            return;
        }
        for (int s = index.oldest(); s >= 0 && now - entries.last(s) > config.agingNanos(); s = index.oldest()) {
            index.remove(s);
            agedOut++;
        }
    }

    private void learn(PacketView v, Frame f, long src, int vlan) {
        long key = MacEntries.key(vlan, src);
        int s = index.find(key);
        if (s < 0) {
            if (index.full()) {
                index.remove(index.oldest());
                evicted++;
                flood.capReached(f.timestampNanos(), index.size(), config.cap());
            }
            s = entries.add(key, f.timestampNanos());
            learned++;
            flood.learned(f.interfaceIndex(), vlan);
        } else {
            index.touch(s);
        }
        entries.addFrame(s, f.timestampNanos(), f.originalLength());
        long dst = v.dstMac();
        if (dst == 0xffff_ffff_ffffL) {
            entries.addBroadcast(s);
        } else if (dst >= 0 && (dst & GROUP_BIT) != 0) {
            entries.addMulticast(s);
        }
        for (int i = 0; i < v.vlanCount(); i++) {
            if (v.innerEthernetCount() == 0 || v.vlanOffset(i) < v.innerEthernetOffset(0)) {
                entries.addVlan(s, v.vlanId(i));
            }
        }
        if (v.carriesInnerFrame() || v.ipHeaderCount() > 1) {
            // A tunnel's inner ARP and addresses belong to the stations behind it, not to this tunnel endpoint.
            StationAddresses.recordOuter(v, f, entries, s, MAX_IPS_PER_STATION);
            return;
        }
        if (v.arpOpcode() == 1) {
            entries.addArpRequest(s);
        } else if (v.arpOpcode() == 2) {
            entries.addArpReply(s);
        }
        StationAddresses.record(v, f, src, entries, s, MAX_IPS_PER_STATION);
    }

    @Override
    public void finish() {
        flood.finish(now, index.size(), config.cap());
        switchSeries.finish();
    }

    /** Counts one unanswered ARP request sent by {@code mac} on {@code vlan}; called by the ARP tracker. */
    public void countUnanswered(long mac, int vlan) {
        int s = index.find(MacEntries.key(vlan, mac));
        if (s >= 0) {
            entries.addArpUnanswered(s);
        }
    }

    /** The stations in the table now, sorted by MAC then VLAN. */
    public List<Station> stations() {
        return stations(Integer.MAX_VALUE);
    }

    /** The first {@code limit} stations by MAC then VLAN (a text report shows a few of a flood's 16,384). */
    public List<Station> stations(int limit) {
        long[] order = new long[index.size()];
        int n = 0;
        for (int s = index.oldest(); s >= 0; s = index.newer(s)) {
            long k = index.key(s);
            order[n++] = ((k & 0xffff_ffff_ffffL) << 12) | (k >>> 48);
        }
        Arrays.sort(order);
        Station[] out = new Station[Math.min(n, limit)];
        for (int i = 0; i < out.length; i++) {
            int s = index.find(MacEntries.key((int) (order[i] & 0xfff), order[i] >>> 12));
            out[i] = Station.of(entries, s);
        }
        return List.of(out);
    }

    /** The vendor text for a MAC, from the OUI table (loaded on first call). */
    public String vendor(long mac) {
        return vendors.get().vendor(mac);
    }

    public Config config() {
        return config;
    }

    /** Stations in the table now. */
    public int size() {
        return index.size();
    }

    /** Stations learned (new entries), including those since aged out or evicted. */
    public long learned() {
        return learned;
    }

    public long agedOut() {
        return agedOut;
    }

    /** Entries evicted because the table was at its cap. */
    public long evicted() {
        return evicted;
    }

    /** Unicast frames whose destination was in the table (a switch forwards them to one port). */
    public long forwardedUnicast() {
        return forwarded;
    }

    /** Unicast frames whose destination was unknown (a switch floods them to every port). */
    public long floodedUnicast() {
        return flooded;
    }

    /** Flooded over all unicast frames, 0 when none. */
    public double floodRatio() {
        long all = forwarded + flooded;
        return all == 0 ? 0 : (double) flooded / all;
    }

    /** MAC-flood episodes (events raised). */
    public long floodEpisodes() {
        return flood.episodes();
    }

    /** Forwarded (column 0) and flooded (column 1) unicast frames per interval. */
    public IntervalSeries switchSeries() {
        return switchSeries;
    }
}
