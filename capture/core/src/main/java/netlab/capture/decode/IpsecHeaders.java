package netlab.capture.decode;

import java.util.List;

/**
 * IPsec headers as they appear after IPv4, IP protocols 51 and 50 (in IPv6 the AH is one of the extension
 * headers of {@link Ipv6}): the Authentication Header (RFC 4302 section 2), which the decoder steps over to the
 * protected payload, and ESP (RFC 4303 section 2), whose payload is encrypted and shown as opaque.
 */
enum IpsecHeaders implements Dissector {
    AH {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            int len = v.has(off + 1, 1) ? (v.u8(off + 1) + 2) * 4 : 12;
            FieldList l = new FieldList(v).u8("next_header", off).u8("length", off + 1).hex32("spi", off + 4)
                    .u32("sequence", off + 8);
            l.hex("icv", off + 12, len - 12);
            out.add(l.layer(Protocol.AH, off, len));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            if (!v.has(off, 12)) {
                return false;
            }
            // tcpdump print-ah.c: AH(spi=0x%08x,seq=0x%x,icv=0x...):
            int len = (v.u8(off + 1) + 2) * 4;
            sb.append("AH(spi=0x");
            FrameSummary.hex(sb, v.s32(off + 4), 8).append(",seq=0x").append(Long.toHexString(v.u32(off + 8)));
            if (v.has(off, len) && len > 12) {
                sb.append(",icv=0x").append(FieldList.hexString(v, off + 12, len - 12));
            }
            sb.append("): ");
            return false;
        }
    },
    ESP {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            out.add(new FieldList(v).hex32("spi", off).u32("sequence", off + 4)
                    .add("encrypted_length", Math.max(0, v.ipEnd() - off - 8)).layer(Protocol.ESP, off, 8));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            if (!v.has(off, 8)) {
                return false;
            }
            // tcpdump print-esp.c: ESP(spi=0x%08x,seq=0x%x), length N
            sb.append("ESP(spi=0x");
            FrameSummary.hex(sb, v.s32(off), 8).append(",seq=0x").append(Long.toHexString(v.u32(off + 4)))
                    .append("), length ").append(v.ipDeclaredEnd - off);
            return true;
        }
    };

    /** RFC 4302 section 2: the length counts 32-bit words minus 2; the datagram goes on with its next header. */
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

    /** RFC 4303 section 2: everything after the SPI and sequence number is encrypted. */
    static void esp(PacketView v, int off) {
        v.push(Protocol.ESP, off);
        v.payload(off, v.ipEnd);
    }
}
