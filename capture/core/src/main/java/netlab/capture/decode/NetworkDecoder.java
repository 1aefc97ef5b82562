package netlab.capture.decode;

/**
 * The network-layer part of {@link Decoder}: IPv4 and IPv6 with its extension-header chain ({@link Arp} is
 * its own file).
 */
final class NetworkDecoder {
    private NetworkDecoder() {
    }

    /** RFC 791 section 3.1. */
    static void ipv4(PacketView v, int off) {
        v.push(Protocol.IP, off);
        if (tooDeep(v, Protocol.IP, off)) {
            return;
        }
        v.l3Offset = off;
        if (!v.has(off, 20)) {
            v.fail(Protocol.IP, off, "truncated header");
            return;
        }
        int version = v.u8(off) >>> 4;
        if (version != 4) {
            v.fail(Protocol.IP, off, "version " + version + " != 4");
            return;
        }
        v.ipVersion = 4;
        v.addIpHeader(off);
        int ihl = (v.u8(off) & 0xf) * 4;
        if (ihl < 20) {
            v.fail(Protocol.IP, off, "IHL " + ihl / 4 + " < 5");
            return;
        }
        int total = v.u16(off + 2);
        if (total == 0) {
            // A sending host's capture with TCP segmentation offload hands libpcap the unsplit datagram with
            // total length 0; like tshark ("presumed ... TSO"), take the length from the frame on the wire.
            total = Math.max(0, v.frame.originalLength() - off);
        }
        v.ipTtl = v.u8(off + 8);
        v.ipProtocol = v.u8(off + 9);
        v.ipSrcOffset = off + 12;
        v.ipDstOffset = off + 16;
        v.ipv4Src = v.s32(off + 12);
        v.ipv4Dst = v.s32(off + 16);
        int frag = v.u16(off + 6);
        v.ipFragment |= (frag & 0x3fff) != 0;
        if (total < ihl) {
            v.fail(Protocol.IP, off + 2, "total length " + total + " < header length " + ihl);
            return;
        }
        if (!v.has(off, ihl)) {
            v.fail(Protocol.IP, off, "truncated options");
            return;
        }
        v.ipHeaderLength = ihl;
        // Verified on first ask (PacketView.ipChecksumStatus): analyzers never ask, so they do not pay for it.
        v.ipChecksumStatus = PacketView.CHECKSUM_PENDING;
        v.ipChecksumOffset = off;
        v.ipDeclaredEnd = off + total;
        v.ipEnd = Math.min(v.ipEnd >= 0 ? v.ipEnd : v.captured, off + total);
        int next = off + ihl;
        // Any fragment, the first (MF set, offset 0) included, stops here as in tshark's default
        // (ip.defragment: the datagram is dissected on its last fragment, which netlab cannot reassemble).
        if ((frag & 0x3fff) != 0) {
            v.payload(next, v.ipEnd);
            return;
        }
        TransportDecoder.dispatch(v, next, v.ipProtocol);
    }

    /**
     * RFC 4302 section 2: the Authentication Header's length counts 32-bit words minus 2; the datagram goes on
     * with its next header. IPv6 meets AH in its extension chain instead.
     */
    static void ah(PacketView v, int off) {
        v.push(Protocol.AH, off);
        if (!v.has(off, 12) || off + 12 > v.ipDeclaredEnd) {
            v.fail(Protocol.AH, off, "truncated header");
            return;
        }
        int len = (v.u8(off + 1) + 2) * 4;
        if (!v.has(off, len) || off + len > v.ipDeclaredEnd) {
            v.fail(Protocol.AH, off, "header length " + len + " runs past the end");
            return;
        }
        v.ipProtocol = v.u8(off);
        TransportDecoder.dispatch(v, off + len, v.ipProtocol);
    }

    /** RFC 2003 IP-in-IP, RFC 4213 6in4, RFC 2473 4in6/6in6: the inner header's values replace the outer one's. */
    static void tunnel(PacketView v, int off, int version) {
        if (version == 4) {
            ipv4(v, off);
        } else {
            ipv6(v, off);
        }
    }

    private static boolean tooDeep(PacketView v, Protocol p, int off) {
        if (v.ipCount < PacketView.MAX_IP_HEADERS) {
            return false;
        }
        return !v.fail(p, off, "more than " + PacketView.MAX_IP_HEADERS + " nested IP headers");
    }

    /** RFC 1071 one's-complement sum over {@code len} bytes (even); 0 when the stored checksum is right. */
    static int checksum(PacketView v, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += v.u16(off + i);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return ~sum & 0xffff;
    }

    /** RFC 8200 section 3, then the extension headers of section 4 in chain order. */
    static void ipv6(PacketView v, int off) {
        v.push(Protocol.IPV6, off);
        if (tooDeep(v, Protocol.IPV6, off)) {
            return;
        }
        v.l3Offset = off;
        if (!v.has(off, 40)) {
            v.fail(Protocol.IPV6, off, "truncated header");
            return;
        }
        int version = v.u8(off) >>> 4;
        if (version != 6) {
            v.fail(Protocol.IPV6, off, "version " + version + " != 6");
            return;
        }
        v.ipVersion = 6;
        v.addIpHeader(off);
        v.ipTtl = v.u8(off + 7);
        v.ipSrcOffset = off + 8;
        v.ipDstOffset = off + 24;
        v.ipv4Src = 0;
        v.ipv4Dst = 0;
        v.ipDeclaredEnd = off + 40 + v.u16(off + 4);
        if (v.u16(off + 4) == 0) {
            v.ipDeclaredEnd = off + 40 + jumboLength(v, off);
        }
        v.ipEnd = Math.min(v.ipEnd >= 0 ? v.ipEnd : v.captured, v.ipDeclaredEnd);
        int next = v.u8(off + 6);
        int pos = off + 40;
        while (isExtension(next)) {
            Protocol p = extensionProtocol(next);
            v.push(p);
            if (v.extCount == PacketView.MAX_IPV6_EXTENSIONS) {
                v.fail(p, pos, "more than " + PacketView.MAX_IPV6_EXTENSIONS + " extension headers");
                return;
            }
            if (!v.has(pos, 8) || pos + 8 > v.ipDeclaredEnd) {
                v.fail(p, pos, "truncated extension header");
                return;
            }
            int len = next == 44 ? 8 : next == 51 ? (v.u8(pos + 1) + 2) * 4 : (v.u8(pos + 1) + 1) * 8;
            if (!v.has(pos, len) || pos + len > v.ipDeclaredEnd) {
                v.fail(p, pos, "extension header length " + len + " runs past the end");
                return;
            }
            v.extType[v.extCount] = next;
            v.extOffset[v.extCount] = pos;
            v.extCount++;
            if (next == 44 && (v.u16(pos + 2) & 0xfff9) != 0) {
                v.ipFragment = true;
                if ((v.u16(pos + 2) & 0xfff8) != 0) {
                    v.ipProtocol = v.u8(pos);
                    v.ipHeaderLength = pos + len - off;
                    v.payload(pos + len, v.ipEnd);
                    return;
                }
            }
            next = v.u8(pos);
            pos += len;
        }
        v.ipProtocol = next;
        v.ipHeaderLength = pos - off;
        TransportDecoder.dispatch(v, pos, next);
    }

    /**
     * The length of a datagram whose payload length is 0: RFC 2675's Jumbo Payload option (type 0xC2, first in
     * the hop-by-hop header) when present, else what the frame carried, as Linux BIG TCP captures (RFC 2675
     * headers stripped before libpcap sees them) and tshark's "presumed TSO" rule have it.
     */
    private static int jumboLength(PacketView v, int off) {
        int wire = Math.max(0, v.frame.originalLength() - off - 40);
        if (v.u8(off + 6) == 0 && v.has(off + 40, 8) && v.u8(off + 42) == 0xc2 && v.u8(off + 43) == 4) {
            long jumbo = v.u32(off + 44);
            return (int) Math.min(jumbo, Integer.MAX_VALUE - off - 40);
        }
        return wire;
    }

    static boolean isExtension(int next) {
        return next == 0 || next == 43 || next == 44 || next == 60 || next == 51;
    }

    static Protocol extensionProtocol(int next) {
        return switch (next) {
            case 0 -> Protocol.IPV6_HOPOPTS;
            case 43 -> Protocol.IPV6_ROUTING;
            case 44 -> Protocol.IPV6_FRAGHDR;
            case 60 -> Protocol.IPV6_DSTOPTS;
            default -> Protocol.AH;
        };
    }
}
