package netlab.capture.decode;

/**
 * The order of a one-line summary after the link prefix ({@link FrameSummary}): each tunnel's outer addresses
 * before its words, the LLC header, then ARP or the IP addresses (written by {@link Ipv4}/{@link Ipv6}, with the
 * transport's ports as tcpdump prints them) and the registered protocols' words ({@link Dissectors}).
 */
final class SummaryParts {
    private SummaryParts() {
    }

    static void body(StringBuilder sb, PacketView v, boolean bare) {
        int start = 0;
        for (int t = nextTunnel(v, 0); t >= 0; ) {
            // A tunnel carried in IP (GRE, VXLAN, Geneve): what precedes it, the outer datagram's addresses, then
            // the tunnel's own words and those of the headers up to the inner frame's network layer.
            int before = sb.length();
            if (Dissectors.summary(sb, v, start, networkIndex(v, start))) {
                return;
            }
            outerAddresses(sb, v, start, t, bare && sb.length() == before);
            bare = false;
            int next = nextTunnel(v, t + 1);
            int end = Math.min(next >= 0 ? next : v.depth(), networkIndex(v, t + 1));
            if (Dissectors.summary(sb, v, t, end)) {
                return;
            }
            start = end;
            t = next;
        }
        int network = networkIndex(v, start);
        if (start > 0 && network == v.depth()) {
            return;
        }
        int before = sb.length();
        if (Dissectors.summary(sb, v, start, network)) {
            return;
        }
        bare = bare && sb.length() == before;
        int llc = lastIndex(v, Protocol.LLC);
        if (llc >= 0 && Dissectors.summary(sb, v, llc, llc + 1)) {
            return;
        }
        int arp = v.indexOf(Protocol.ARP, 0);
        if (arp >= 0) {
            Dissectors.summary(sb, v, arp, arp + 1);
        } else if (v.ipSrcOffset() >= 0) {
            if (bare) {
                int first = v.ipHeaderCount() > 0 ? v.u8(v.ipHeaderOffset(0)) >>> 4 : v.ipVersion();
                sb.append(first == 6 ? "IP6 " : "IP ");
            }
            int from = start > 0 && start < v.depth() ? v.protocolOffset(start) : -1;
            for (int h = 0; h < v.ipHeaderCount() - 1; h++) {
                // tcpdump prints each tunnel's outer addresses before the inner datagram (print-ip.c, print-ip6.c).
                if (v.ipHeaderOffset(h) >= from) {
                    addresses(sb, v, v.ipHeaderOffset(h), -1);
                }
            }
            ip(sb, v);
        }
    }

    /** Path index of the first GRE, VXLAN or Geneve header at or after {@code from}, or -1. */
    private static int nextTunnel(PacketView v, int from) {
        for (int i = from; i < v.depth(); i++) {
            Protocol p = v.protocol(i);
            if (p == Protocol.GRE || p == Protocol.VXLAN || p == Protocol.GENEVE) {
                return i;
            }
        }
        return -1;
    }

    /** The IP headers between path indexes {@code from} and {@code tunnel}; UDP ports before VXLAN and Geneve. */
    private static void outerAddresses(StringBuilder sb, PacketView v, int from, int tunnel, boolean bare) {
        int last = -1;
        for (int i = from; i < tunnel; i++) {
            if (v.protocol(i) == Protocol.IP || v.protocol(i) == Protocol.IPV6) {
                last = i;
            }
        }
        for (int i = from; i <= last; i++) {
            int off = v.protocolOffset(i);
            if ((v.protocol(i) != Protocol.IP && v.protocol(i) != Protocol.IPV6) || !v.has(off, v.protocol(i) == Protocol.IP ? 20 : 40)) {
                continue;
            }
            if (bare) {
                sb.append(v.protocol(i) == Protocol.IPV6 ? "IP6 " : "IP ");
                bare = false;
            }
            boolean udp = i == last && v.protocol(tunnel) != Protocol.GRE;
            addresses(sb, v, off, udp ? v.protocolOffset(tunnel) - 8 : -1);
        }
    }

    /** "src > dst: " of the IP header at {@code off}, with the UDP header's ports at {@code udp} when >= 0. */
    private static void addresses(StringBuilder sb, PacketView v, int off, int udp) {
        if (v.u8(off) >>> 4 == 4) {
            Ipv4.addresses(sb, v, off, udp);
        } else {
            Ipv6.addresses(sb, v, off, udp);
        }
    }

    /** Path index of the first LLC, ARP or IP header at or after {@code from}: the registered protocols before it print first. */
    static int networkIndex(PacketView v, int from) {
        for (int i = from; i < v.depth(); i++) {
            Protocol p = v.protocol(i);
            if (p == Protocol.LLC || p == Protocol.ARP || p == Protocol.IP || p == Protocol.IPV6) {
                return i;
            }
        }
        return v.depth();
    }

    private static int lastIpIndex(PacketView v) {
        return Math.max(lastIndex(v, Protocol.IP), lastIndex(v, Protocol.IPV6));
    }

    private static int lastIndex(PacketView v, Protocol p) {
        for (int i = v.depth() - 1; i >= 0; i--) {
            if (v.protocol(i) == p) {
                return i;
            }
        }
        return -1;
    }

    /** Where the network layer ends for tcpdump: the 802.3 length field's end for LLC frames, else the frame's. */
    static int l3End(PacketView v) {
        int llc = v.llcOffset();
        if (llc >= 2 && v.frame().linkType().value() == 1 && v.has(llc - 2, 2) && v.u16(llc - 2) <= 1500) {
            return llc + v.u16(llc - 2);
        }
        return v.wireEnd >= 0 ? v.wireEnd : v.enclosingEnd(v.l3Offset());
    }

    private static void ip(StringBuilder sb, PacketView v) {
        String src = FrameSummary.ipSrc(v);
        String dst = FrameSummary.ipDst(v);
        boolean ports = v.srcPort() >= 0;
        sb.append(src);
        if (ports) {
            sb.append('.').append(v.srcPort());
        }
        sb.append(" > ").append(dst);
        if (ports) {
            sb.append('.').append(v.dstPort());
        }
        sb.append(": ");
        Ipv6.extensionWords(sb, v);
        if (Dissectors.summary(sb, v, lastIpIndex(v) + 1, v.depth())) {
            return;
        }
        if (v.l4HeaderLength() == 0 && v.ipFragment() && v.ipVersion() == 4 && v.l4Offset() < 0) {
            // tcpdump names the protocol of a fragment it does not decode further (print-ip.c).
            sb.append("ip-proto-").append(v.ipProtocol());
        }
    }
}
