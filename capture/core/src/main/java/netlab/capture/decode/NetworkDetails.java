package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;

/** Layer-3 part of {@link FrameDetails}: IPv4 with options, IPv6 and its extension headers ({@link Arp} shows itself). */
final class NetworkDetails {
    private NetworkDetails() {
    }

    static void add(PacketView v, List<Layer> out) {
        int ext = 0;
        for (int h = 0; h < v.ipHeaderCount(); h++) {
            int off = v.ipHeaderOffset(h);
            boolean last = h == v.ipHeaderCount() - 1;
            if (v.u8(off) >>> 4 == 4) {
                out.add(ipv4(v, off, last));
                continue;
            }
            out.add(ipv6(v, off));
            int next = last ? Integer.MAX_VALUE : v.ipHeaderOffset(h + 1);
            for (; ext < v.ipv6ExtensionCount() && v.ipv6ExtensionOffset(ext) < next; ext++) {
                out.add(extension(v, ext, next));
            }
        }
        if (v.ipHeaderCount() == 0 && (v.has(Protocol.IP) || v.has(Protocol.IPV6))) {
            // The header was too short to read a version: show what was captured of it, with the failure.
            out.add(v.has(Protocol.IP) ? ipv4(v, v.l3Offset(), true) : ipv6(v, v.l3Offset()));
        }
    }

    /** RFC 791 section 3.1. */
    private static Layer ipv4(PacketView v, int off, boolean last) {
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
        int status = last ? v.ipChecksumStatus() : NetworkDecoder.checksum(v, off, (v.u8(off) & 0xf) * 4) == 0 ? 1 : 2;
        if (status != 0) {
            l.add("checksum_status", status == 1 ? "good" : "bad");
        }
        l.ipv4("src", off + 12).ipv4("dst", off + 16);
        int ihl = l.has(off, 1) ? (v.u8(off) & 0xf) * 4 : 20;
        if (ihl > 20) {
            l.hex("options", off + 20, ihl - 20);
        }
        return l.layer(Protocol.IP, off, Math.max(ihl, 20));
    }

    /** RFC 8200 section 3. */
    private static Layer ipv6(PacketView v, int off) {
        FieldList l = new FieldList(v);
        if (l.has(off, 4)) {
            int first = v.s32(off);
            l.add("version", first >>> 28).add("traffic_class", (first >>> 20) & 0xff)
                    .add("flow_label", first & 0xfffff);
        }
        l.u16("payload_length", off + 4).named("next_header", off + 6, 1, ValueNames::ipProtocol).u8("hop_limit", off + 7)
                .ipv6("src", off + 8).ipv6("dst", off + 24);
        return l.layer(Protocol.IPV6, off, 40);
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
        return l.layer(NetworkDecoder.extensionProtocol(type), off, end - off);
    }
}
