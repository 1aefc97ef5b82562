package netlab.analyzers.arp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.analyzers.event.Event;
import netlab.capture.Frame;
import netlab.capture.FrameSource;
import netlab.capture.LinkType;
import netlab.capture.decode.Decoder;
import netlab.capture.decode.PacketView;
import netlab.capture.file.CaptureFiles;

/** Test helpers: hand-built Ethernet/ARP frames, and replaying a capture through a tracker. */
final class ArpFrames {
    static final long BCAST = 0xffff_ffff_ffffL;

    private ArpFrames() {
    }

    /** Ethernet II + optional 802.1Q tag + the 28-byte RFC 826 Ethernet/IPv4 ARP packet, padded to 60 bytes. */
    static byte[] arp(long ethDst, long ethSrc, int vlan, int op, long sha, String spa, long tha, String tpa) {
        byte[] b = new byte[60 + (vlan > 0 ? 4 : 0)];
        int o = 0;
        o = mac(b, o, ethDst);
        o = mac(b, o, ethSrc);
        if (vlan > 0) {
            o = u16(b, o, 0x8100);
            o = u16(b, o, vlan);
        }
        o = u16(b, o, 0x0806);
        o = u16(b, o, 1);
        o = u16(b, o, 0x0800);
        b[o++] = 6;
        b[o++] = 4;
        o = u16(b, o, op);
        o = mac(b, o, sha);
        o = ip(b, o, spa);
        o = mac(b, o, tha);
        ip(b, o, tpa);
        return b;
    }

    /** A broadcast request "who has tpa? tell spa" from {@code sha}. */
    static byte[] request(long sha, String spa, String tpa) {
        return arp(BCAST, sha, 0, 1, sha, spa, 0, tpa);
    }

    /** A unicast reply "spa is at sha" to the requester (tha, tpa). */
    static byte[] reply(long sha, String spa, long tha, String tpa) {
        return arp(tha, sha, 0, 2, sha, spa, tha, tpa);
    }

    static long m(int last) {
        return 0x0200_0000_0000L | last;
    }

    private static int mac(byte[] b, int o, long mac) {
        for (int i = 0; i < 6; i++) {
            b[o + i] = (byte) (mac >>> (40 - 8 * i));
        }
        return o + 6;
    }

    private static int u16(byte[] b, int o, int v) {
        b[o] = (byte) (v >>> 8);
        b[o + 1] = (byte) v;
        return o + 2;
    }

    private static int ip(byte[] b, int o, String ip) {
        String[] p = ip.split("\\.");
        for (int i = 0; i < 4; i++) {
            b[o + i] = (byte) Integer.parseInt(p[i]);
        }
        return o + 4;
    }

    /** A tracker with its events collected in a list. */
    static final class Run {
        final List<Event> events = new ArrayList<>();
        final ArpTracker tracker;
        private final PacketView view = new PacketView();

        Run(ArpConfig config) {
            tracker = new ArpTracker(config, events::add);
        }

        Run() {
            this(ArpConfig.defaults());
        }

        /** Feeds one frame at {@code ms} milliseconds (plus {@code us} microseconds). */
        Run feed(byte[] frame, long nanos) {
            Decoder.decode(Frame.of(frame, nanos, LinkType.ETHERNET), view);
            tracker.accept(view);
            return this;
        }

        Run replay(Path file) throws IOException {
            try (FrameSource src = CaptureFiles.open(file)) {
                for (Frame f = src.next(); f != null; f = src.next()) {
                    Decoder.decode(f, view);
                    tracker.accept(view);
                }
            }
            tracker.finish();
            return this;
        }

        List<String> types() {
            List<String> out = new ArrayList<>();
            for (Event e : events) {
                out.add(e.type());
            }
            return out;
        }
    }

    static Path samples(String name) {
        return root().resolve("sample-pcaps").resolve(name);
    }

    static Path publicCapture(String relative) {
        return root().resolve("sample-pcaps/public").resolve(relative).normalize();
    }

    private static Path root() {
        return Path.of(System.getProperty("netlab.root", ".")).toAbsolutePath();
    }
}
