package netlab.analyzers.mac;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.Analysis;
import netlab.analyzers.FrameAnalyzer;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import netlab.capture.file.CaptureFiles;

/** Builds Ethernet frames for analyzer tests and replays captures through analyzers. */
public final class TestFrames {
    public static final long BROADCAST = 0xffff_ffff_ffffL;
    public static final long SEC = 1_000_000_000L;
    /** 2026-01-01T00:00:00Z, a whole second, so 1 s intervals start at it. */
    public static final long T0 = 1_767_225_600L * SEC;

    private TestFrames() {
    }

    /** Ethernet II header (with 802.1Q tags for each VLAN given) followed by {@code payload}. */
    public static byte[] eth(long dst, long src, int etherType, byte[] payload, int... vlans) {
        byte[] b = new byte[14 + 4 * vlans.length + payload.length];
        put48(b, 0, dst);
        put48(b, 6, src);
        int o = 12;
        for (int v : vlans) {
            put16(b, o, 0x8100);
            put16(b, o + 2, v);
            o += 4;
        }
        put16(b, o, etherType);
        System.arraycopy(payload, 0, b, o + 2, payload.length);
        return b;
    }

    /** An ARP packet for Ethernet/IPv4 (RFC 826). */
    public static byte[] arp(int op, long sha, int spa, long tha, int tpa) {
        byte[] b = new byte[28];
        put16(b, 0, 1);
        put16(b, 2, 0x0800);
        b[4] = 6;
        b[5] = 4;
        put16(b, 6, op);
        put48(b, 8, sha);
        put32(b, 14, spa);
        put48(b, 18, tha);
        put32(b, 24, tpa);
        return b;
    }

    /** A 20-byte IPv4 header (protocol 17, no payload) from {@code src} to {@code dst}. */
    public static byte[] ipv4(int src, int dst) {
        byte[] b = new byte[28];
        b[0] = 0x45;
        put16(b, 2, 28);
        b[8] = 64;
        b[9] = 17;
        put32(b, 12, src);
        put32(b, 16, dst);
        put16(b, 20, 1000);
        put16(b, 22, 2000);
        put16(b, 24, 8);
        return b;
    }

    /** IPv6 + ICMPv6 neighbour solicitation (135) or advertisement (136) for {@code target}. */
    public static byte[] ndp(int type, byte[] src, byte[] dst, byte[] target) {
        byte[] b = new byte[40 + 24];
        b[0] = 0x60;
        put16(b, 4, 24);
        b[6] = 58;
        b[7] = (byte) 255;
        System.arraycopy(src, 0, b, 8, 16);
        System.arraycopy(dst, 0, b, 24, 16);
        b[40] = (byte) type;
        System.arraycopy(target, 0, b, 48, 16);
        return b;
    }

    public static Frame frame(byte[] bytes, long ts) {
        return Frame.of(bytes, ts, LinkType.ETHERNET);
    }

    /** Decodes one frame and feeds it to the analyzers. */
    public static void feed(byte[] bytes, long ts, FrameAnalyzer... analyzers) {
        PacketView v = new PacketView();
        Decoder.decode(frame(bytes, ts), v);
        for (FrameAnalyzer a : analyzers) {
            a.accept(v);
        }
    }

    /** Replays a capture through the analyzers and finishes them; returns the frame count. */
    public static long replay(Path file, FrameAnalyzer... analyzers) throws IOException {
        Analysis analysis = new Analysis(List.of(analyzers));
        long n = 0;
        try (FrameSource src = CaptureFiles.open(file)) {
            for (Frame f = src.next(); f != null; f = src.next()) {
                analysis.offer(f);
                n++;
            }
        }
        analysis.finish();
        return n;
    }

    public static Path root() {
        return Path.of(System.getProperty("netlab.root", System.getProperty("user.dir") + "/.."));
    }

    public static Path sample(String name) {
        return root().resolve("sample-pcaps").resolve(name);
    }

    public static Path publicCapture(String name) {
        return root().resolve("sample-pcaps/public").resolve(name).normalize();
    }

    /** A list that collects events, for asserting exactly which were raised. */
    public static <T> List<T> list() {
        return new ArrayList<>();
    }

    static void put16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
    }

    static void put32(byte[] b, int o, int v) {
        put16(b, o, v >>> 16);
        put16(b, o + 2, v);
    }

    static void put48(byte[] b, int o, long v) {
        for (int i = 0; i < 6; i++) {
            b[o + i] = (byte) (v >>> (40 - 8 * i));
        }
    }
}
