package netlab.capture.decode;

import java.util.List;
import netlab.capture.net.Ipv6Address;

/**
 * IPv6 (RFC 8200 section 3), EtherType 0x86dd: version, traffic class, flow label, payload length, next header,
 * hop limit, addresses; then the extension headers of section 4 in chain order (hop-by-hop, routing, fragment,
 * destination options, and AH of RFC 4302), at most {@link PacketView#MAX_IPV6_EXTENSIONS}, then the IP protocol
 * dispatch ({@link TransportDecoder}). The decode fills the view's flat {@code ip*} and extension fields.
 */
enum Ipv6 implements Dissector {
    IPV6;

    static void decode(PacketView v, int off) {
        v.push(Protocol.IPV6, off);
        if (Ipv4.tooDeep(v, Protocol.IPV6, off)) {
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
            // RFC 8200 section 4.5: the fragment header is 8 bytes; RFC 4302 section 2.2: AH counts 32-bit words
            // minus 2; the others count 8-octet units beyond the first.
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

    /** RFC 8200 section 3 fields, then the extension headers of this datagram (up to the next IP header). */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        if (!Ipv4.shown(v, off)) {
            return;
        }
        FieldList l = new FieldList(v);
        if (l.has(off, 4)) {
            int first = v.s32(off);
            l.add("version", first >>> 28).add("traffic_class", (first >>> 20) & 0xff)
                    .add("flow_label", first & 0xfffff);
        }
        l.u16("payload_length", off + 4).named("next_header", off + 6, 1, ValueNames::ipProtocol).u8("hop_limit", off + 7)
                .ipv6("src", off + 8).ipv6("dst", off + 24);
        out.add(l.layer(Protocol.IPV6, off, 40));
        int next = Integer.MAX_VALUE;
        for (int h = 0; h < v.ipHeaderCount(); h++) {
            if (v.ipHeaderOffset(h) > off) {
                next = Math.min(next, v.ipHeaderOffset(h));
            }
        }
        for (int i = 0; i < v.ipv6ExtensionCount(); i++) {
            int at = v.ipv6ExtensionOffset(i);
            if (at > off && at < next) {
                out.add(extension(v, i, next));
            }
        }
    }

    private static Layer extension(PacketView v, int i, int nextIpHeader) {
        int type = v.ipv6ExtensionType(i);
        int off = v.ipv6ExtensionOffset(i);
        int end = i + 1 < v.ipv6ExtensionCount() && v.ipv6ExtensionOffset(i + 1) < nextIpHeader
                ? v.ipv6ExtensionOffset(i + 1) : Math.min(nextIpHeader, v.l3Offset() + v.ipHeaderLength());
        FieldList l = new FieldList(v).named("next_header", off, 1, ValueNames::ipProtocol);
        if (type == 44) {
            int fo = v.u16(off + 2);
            l.add("fragment_offset", (fo >>> 3) * 8).add("more_fragments", (fo & 1) != 0).u32("id", off + 4);
        } else {
            l.u8("length", off + 1).hex("data", off + 2, end - off - 2);
        }
        return l.layer(extensionProtocol(type), off, end - off);
    }

    /** Nothing here, as for {@link Ipv4#summary}: {@link SummaryParts} places the words ({@link #addresses}, {@link #extensionWords}). */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }

    /** {@code src > dst: } of the header at {@code off} (print-ip6.c), with the ports of the UDP header at {@code udp} when >= 0. */
    static void addresses(StringBuilder sb, PacketView v, int off, int udp) {
        sb.append(Ipv6Address.read(v.data, v.base + off + 8));
        if (udp >= 0) {
            sb.append('.').append(v.u16(udp));
        }
        sb.append(" > ").append(Ipv6Address.read(v.data, v.base + off + 24));
        if (udp >= 0) {
            sb.append('.').append(v.u16(udp + 2));
        }
        sb.append(": ");
    }

    /** tcpdump's word for each extension header of the frame ({@code HBH}, {@code DSTOPT}, {@code srcrt}, {@code frag}, {@code AH}). */
    static void extensionWords(StringBuilder sb, PacketView v) {
        for (int i = 0; i < v.ipv6ExtensionCount(); i++) {
            int t = v.ipv6ExtensionType(i);
            sb.append(t == 0 ? "HBH " : t == 60 ? "DSTOPT " : t == 43 ? "srcrt " : t == 44 ? "frag " : "AH ");
        }
    }
}
