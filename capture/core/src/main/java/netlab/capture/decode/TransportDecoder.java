package netlab.capture.decode;

/**
 * The transport part of {@link Decoder}: the IP protocol dispatch to {@link Tcp}, {@link Udp}, {@link Icmp},
 * {@link Gre}, {@link IpsecHeaders} and IP tunnels ({@link Ipv4}, {@link Ipv6}), and what a tunnel does to the view's transport fields.
 */
final class TransportDecoder {
    private TransportDecoder() {
    }

    static void dispatch(PacketView v, int off, int protocol) {
        switch (protocol) {
            case 1 -> Icmp.ICMP.decode(v, off);
            case 2 -> Icmp.IGMP.decode(v, off);
            case 58 -> Icmp.ICMPV6.decode(v, off);
            case 6 -> Tcp.decode(v, off);
            case 17 -> Udp.decode(v, off);
            // RFC 2003 IP-in-IP, RFC 4213 6in4, RFC 2473 4in6/6in6: the inner header's values replace the outer one's.
            case 4 -> Ipv4.decode(v, off);
            case 41 -> Ipv6.decode(v, off);
            case 51 -> IpsecHeaders.ah(v, off);
            case 50 -> IpsecHeaders.esp(v, off);
            case 47 -> Gre.decode(v, off);
            default -> v.payload(off, v.ipEnd);
        }
    }

    /**
     * Forgets the outer datagram's ports when a tunnel's payload starts a new frame, so that an inner ICMP or
     * ARP packet is not shown with the tunnel's UDP ports; the IP fields are replaced by the inner header's.
     */
    static void leaveTransport(PacketView v) {
        v.srcPort = -1;
        v.dstPort = -1;
        v.l4Offset = -1;
        v.l4HeaderLength = 0;
    }
}
