package netlab.capture.decode;

import netlab.capture.Frame;

/**
 * Decodes a frame's headers into a reused {@link PacketView} without allocating on success: the link-type
 * dispatch to the protocol that starts the frame ({@link Ethernet}, {@link Sll}, {@link RawLink}, {@link Ipv4}, {@link Ipv6}, PPP, 802.11,
 * ...), each protocol's file handing over to the next.
 */
public final class Decoder {
    private Decoder() {
    }

    /** Decodes {@code f} into {@code v}, replacing its previous content; never throws on malformed bytes. */
    public static void decode(Frame f, PacketView v) {
        v.reset(f);
        // The link types here are LinkType's decoded rows; LinkTypeTableTest keeps the two in step.
        switch (f.linkType().value()) {
            case 1 -> Ethernet.decode(v);
            case 113 -> Sll.v1(v);
            case 276 -> Sll.v2(v);
            case 101, 12, 14 -> RawLink.raw(v);
            case 0, 108 -> RawLink.loopback(v);
            case 228 -> Ipv4.decode(v, 0);
            case 229 -> Ipv6.decode(v, 0);
            case 9, 50 -> PppLink.ppp(v, 0, v.captured);
            case 51 -> PppLink.pppoe(v, 0, true);
            case 104 -> CiscoHdlc.decode(v);
            case 105 -> Ieee80211.wlan(v, 0, v.captured);
            case 127 -> Ieee80211.radiotap(v);
            case 239 -> Nflog.decode(v);
            default -> v.failure = new DecodeFailure("frame", 1, 0, "unsupported link type " + f.linkType().value()
                    + " (" + f.linkType().name() + ")");
        }
    }
}
