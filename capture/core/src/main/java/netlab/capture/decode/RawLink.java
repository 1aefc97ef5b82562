package netlab.capture.decode;

import java.util.List;

/**
 * The link types with no link header worth the name: raw IP (link types 12, 14, 101; the version nibble picks
 * IPv4 or IPv6) and BSD loopback (0 and 108: a 4-byte address family in the capturing host's byte order).
 */
enum RawLink implements Dissector {
    /** Raw IP: an empty layer, the IP header starts the frame. */
    RAW {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            out.add(new FieldList(v).layer(Protocol.RAW, 0, 0));
        }
    },
    /** BSD loopback: the address family. */
    NULL {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            out.add(new FieldList(v).hex("family", 0, 4).layer(Protocol.NULL, 0, 4));
        }
    };

    static void raw(PacketView v) {
        v.push(Protocol.RAW, 0);
        if (!v.has(0, 1)) {
            v.fail(Protocol.RAW, 0, "empty packet");
            return;
        }
        switch (v.u8(0) >>> 4) {
            case 4 -> Ipv4.decode(v, 0);
            case 6 -> Ipv6.decode(v, 0);
            default -> v.fail(Protocol.RAW, 0, "IP version " + (v.u8(0) >>> 4));
        }
    }

    static void loopback(PacketView v) {
        v.push(Protocol.NULL, 0);
        if (!v.has(0, 4)) {
            v.fail(Protocol.NULL, 0, "truncated header");
            return;
        }
        int family = v.s32(0);
        if ((family & 0xffff0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        // BSD's AF_INET is 2; AF_INET6 is 24, 28 or 30 depending on the BSD, 10 on Linux.
        switch (family) {
            case 2 -> Ipv4.decode(v, 4);
            case 10, 24, 28, 30 -> Ipv6.decode(v, 4);
            default -> v.payload(4, v.captured);
        }
    }

    /** Nothing: tcpdump writes no words for these headers ({@code IP }/{@code IP6 } come from the network layer). */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }
}
