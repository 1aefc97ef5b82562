package netlab.analyzers;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.capture.Frame;
import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.PacketView;
import netlab.capture.net.Ipv4Address;
import netlab.capture.net.Ipv6Address;
import netlab.capture.net.MacAddress;

/**
 * Whole-capture totals: frames, bytes, time span, unicast/broadcast/multicast split, VLANs, distinct
 * source MACs, top talkers and decode failures.
 */
public final class TrafficSummary implements FrameAnalyzer {
    /**
     * Distinct source MACs, IPv4 and IPv6 addresses tracked exactly, each; beyond this they are counted as
     * "other". 262144 keeps a flood of random sources to about 17 MiB per table (FloodHeapTest).
     */
    public static final int TALKER_CAP = 1 << 18;
    /** Distinct decode-failure reasons kept; beyond this they are counted under "other". */
    public static final int FAILURE_REASON_CAP = 256;

    /** Frames that failed at one (protocol, reason), with the first frame number it happened in. */
    public record FailureCount(String protocol, int osiLayer, String reason, long frames, long firstFrame,
                               int firstOffset) {
    }

    private long frames;
    private long bytes;
    private long capturedBytes;
    private long first;
    private long last;
    private long earliest = Long.MAX_VALUE;
    private long latest = Long.MIN_VALUE;
    private long unicast;
    private long broadcast;
    private long multicast;
    private final BitSet vlans = new BitSet(4096);
    private final KeyedCounters srcMacs = new KeyedCounters(TALKER_CAP);
    private final KeyedCounters srcIpv4 = new KeyedCounters(TALKER_CAP);
    private final KeyedCounters srcIpv6 = new KeyedCounters(TALKER_CAP);
    private long failures;
    private final Map<String, FailureCount> failureReasons = new LinkedHashMap<>();

    @Override
    public void accept(PacketView v) {
        Frame f = v.frame();
        frames++;
        bytes += f.originalLength();
        capturedBytes += f.capturedLength();
        long ts = f.timestampNanos();
        if (frames == 1) {
            first = ts;
        }
        last = ts;
        earliest = Math.min(earliest, ts);
        latest = Math.max(latest, ts);
        countL2(v, f.originalLength());
        if (v.ipVersion() == 4) {
            srcIpv4.add(0, v.ipv4Src() & 0xffff_ffffL, f.originalLength());
        } else if (v.ipVersion() == 6) {
            int o = f.offset() + v.ipSrcOffset();
            srcIpv6.add(longAt(f.data(), o), longAt(f.data(), o + 8), f.originalLength());
        }
        if (v.failure() != null) {
            countFailure(v.failure());
        }
    }

    private void countL2(PacketView v, int length) {
        long dst = v.dstMac();
        if (dst >= 0) {
            if (dst == 0xffff_ffff_ffffL) {
                broadcast++;
            } else if ((dst & 0x0100_0000_0000L) != 0) {
                multicast++;
            } else {
                unicast++;
            }
        }
        if (v.srcMac() >= 0) {
            srcMacs.add(0, v.srcMac(), length);
        }
        for (int i = 0; i < v.vlanCount(); i++) {
            vlans.set(v.vlanId(i));
        }
    }

    private static long longAt(byte[] b, int o) {
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (b[o + i] & 0xff);
        }
        return x;
    }

    private void countFailure(DecodeFailure d) {
        failures++;
        String key = d.protocol() + "\0" + d.reason();
        FailureCount c = failureReasons.get(key);
        if (c == null && failureReasons.size() >= FAILURE_REASON_CAP) {
            key = "other";
            c = failureReasons.get(key);
            if (c == null) {
                c = new FailureCount("other", 0, "other reasons", 0, frames, 0);
            }
        } else if (c == null) {
            c = new FailureCount(d.protocol(), d.osiLayer(), d.reason(), 0, frames, d.offset());
        }
        failureReasons.put(key, new FailureCount(c.protocol(), c.osiLayer(), c.reason(), c.frames() + 1,
                c.firstFrame(), c.firstOffset()));
    }

    public long frames() {
        return frames;
    }

    public long bytes() {
        return bytes;
    }

    public long decodeFailures() {
        return failures;
    }

    public List<FailureCount> failureReasons() {
        return new ArrayList<>(failureReasons.values());
    }

    public int distinctSourceMacs() {
        return srcMacs.size();
    }

    /** Distinct source IPv4 plus IPv6 addresses counted (each family at most {@link #TALKER_CAP}). */
    public int distinctSourceIps() {
        return srcIpv4.size() + srcIpv6.size();
    }

    public long capturedBytes() {
        return capturedBytes;
    }

    /** Timestamp of the first frame read, epoch ns ({@link Long#MAX_VALUE} when beyond 2262); 0 with no frame. */
    public long firstNanos() {
        return first;
    }

    /** Timestamp of the last frame read, as {@link #firstNanos()}. */
    public long lastNanos() {
        return last;
    }

    public long unicastFrames() {
        return unicast;
    }

    public long broadcastFrames() {
        return broadcast;
    }

    public long multicastFrames() {
        return multicast;
    }

    /** VLAN IDs seen in any tag, ascending. */
    public List<Integer> vlanIds() {
        return vlans.stream().boxed().toList();
    }

    /** Latest minus earliest timestamp: captures can be out of order, so not simply last minus first. */
    public long durationNanos() {
        return latest == Long.MAX_VALUE ? 0 : latest - earliest;
    }

    /** One top-talker row: an address as text with its totals. */
    public record Talker(String address, long frames, long bytes) {
    }

    /** Source MACs with the most frames sent. */
    public List<Talker> topMacs(int n) {
        List<Talker> out = new ArrayList<>();
        for (KeyedCounters.Entry e : srcMacs.top(n)) {
            out.add(new Talker(new MacAddress(e.keyLow()).toString(), e.frames(), e.bytes()));
        }
        return out;
    }

    /** Source IPv4 and IPv6 addresses with the most frames sent. */
    public List<Talker> topIps(int n) {
        List<Talker> out = new ArrayList<>();
        for (KeyedCounters.Entry e : srcIpv4.top(n)) {
            out.add(new Talker(Ipv4Address.format((int) e.keyLow()), e.frames(), e.bytes()));
        }
        for (KeyedCounters.Entry e : srcIpv6.top(n)) {
            out.add(new Talker(new Ipv6Address(e.keyHigh(), e.keyLow()).toString(), e.frames(), e.bytes()));
        }
        out.sort(Comparator.comparingLong(Talker::frames).reversed());
        return out.subList(0, Math.min(n, out.size()));
    }
}
