package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.net.Ipv4Address;

/**
 * IPv4 (RFC 791 section 3.1), EtherType 0x0800 and the other carriers' equivalents: version, header length,
 * total length, fragment bits, TTL, protocol, checksum (RFC 1071, checked on first ask), addresses, options;
 * then the IP protocol dispatch ({@link TransportDecoder}). The decode fills the view's flat {@code ip*} fields
 * (the innermost header's win) and records every header's offset ({@link PacketView#ipHeaderOffset}).
 */
enum Ipv4 implements Dissector {
    IP;

    static void decode(PacketView v, int off) {
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

    /** True (with the failure set) when an IPv4 or IPv6 header would be deeper than {@link PacketView#MAX_IP_HEADERS}. */
    static boolean tooDeep(PacketView v, Protocol p, int off) {
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

    /**
     * Whether the IPv4 or IPv6 path entry at {@code off} shows a layer: a header whose version was read, or the
     * first one when it was too short to read a version (what was captured of it, with the failure).
     */
    static boolean shown(PacketView v, int off) {
        if (v.ipHeaderCount() == 0) {
            return true;
        }
        for (int h = 0; h < v.ipHeaderCount(); h++) {
            if (v.ipHeaderOffset(h) == off) {
                return true;
            }
        }
        return false;
    }

    /** RFC 791 section 3.1 fields; the checksum's status is the view's cached one for the innermost header. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        if (!shown(v, off)) {
            return;
        }
        boolean last = v.ipHeaderCount() == 0 || off == v.ipHeaderOffset(v.ipHeaderCount() - 1);
        FieldList l = new FieldList(v);
        if (l.has(off, 1)) {
            l.add("version", v.u8(off) >>> 4).add("ihl", v.u8(off) & 0xf);
        }
        l.u8("tos", off + 1).u16("total_length", off + 2).u16("id", off + 4);
        if (l.has(off + 6, 2)) {
            int frag = v.u16(off + 6);
            List<String> flags = new ArrayList<>();
            if ((frag & 0x8000) != 0) {
                flags.add("reserved");
            }
            if ((frag & 0x4000) != 0) {
                flags.add("DF");
            }
            if ((frag & 0x2000) != 0) {
                flags.add("MF");
            }
            l.add("flags", flags).add("fragment_offset", (frag & 0x1fff) * 8);
        }
        l.u8("ttl", off + 8).named("protocol", off + 9, 1, ValueNames::ipProtocol).hex16("checksum", off + 10);
        int status = last ? v.ipChecksumStatus() : checksum(v, off, (v.u8(off) & 0xf) * 4) == 0 ? 1 : 2;
        if (status != 0) {
            l.add("checksum_status", status == 1 ? "good" : "bad");
        }
        l.ipv4("src", off + 12).ipv4("dst", off + 16);
        int ihl = l.has(off, 1) ? (v.u8(off) & 0xf) * 4 : 20;
        if (ihl > 20) {
            l.hex("options", off + 20, ihl - 20);
        }
        out.add(l.layer(Protocol.IP, off, Math.max(ihl, 20)));
    }

    /**
     * Nothing here: tcpdump's IP words carry the transport's ports and come after a tunnel's outer addresses, so
     * {@link SummaryParts} places them ({@link #addresses}); the protocols after the header go on.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }

    /** {@code src > dst: } of the header at {@code off} (print-ip.c), with the ports of the UDP header at {@code udp} when >= 0. */
    static void addresses(StringBuilder sb, PacketView v, int off, int udp) {
        sb.append(Ipv4Address.format(v.s32(off + 12)));
        if (udp >= 0) {
            sb.append('.').append(v.u16(udp));
        }
        sb.append(" > ").append(Ipv4Address.format(v.s32(off + 16)));
        if (udp >= 0) {
            sb.append('.').append(v.u16(udp + 2));
        }
        sb.append(": ");
    }
}
