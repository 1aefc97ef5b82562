package netlab.capture.decode;

import java.util.List;

/**
 * PPP (RFC 1661 section 2, with RFC 1662's address/control bytes when present) and PPPoE (RFC 2516
 * section 4: discovery on EtherType 0x8863, session on 0x8864, or LINKTYPE_PPP_ETHER without the
 * Ethernet header). A PPP frame's protocol 0x0021 is IPv4, 0x0057 IPv6, 0x0281 MPLS; control protocols
 * (LCP 0xc021, IPCP 0x8021, ...) are named by number and left as payload.
 */
enum PppLink implements Dissector {
    PPP {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = new FieldList(v);
            int p = off;
            if (v.has(off, 2) && v.u16(off) == 0xff03) {
                l.add("address", 0xff).add("control", 3);
                p += 2;
            }
            int len = protocolLength(v, p);
            if (len > 0) {
                l.add("protocol", FieldList.hex0x(len == 1 ? v.u8(p) : v.u16(p), 4));
            }
            out.add(l.layer(Protocol.PPP, off, p + Math.max(len, 0) - off));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            int p = v.has(off, 2) && v.u16(off) == 0xff03 ? off + 2 : off;
            int len = protocolLength(v, p);
            if (len <= 0) {
                return false;
            }
            int proto = len == 1 ? v.u8(p) : v.u16(p);
            // tcpdump print-ppp.c: "IP (0x0021), length 40: "
            sb.append(protocolName(proto)).append(" (0x");
            FrameSummary.hex(sb, proto, 4).append("), length ").append(v.frame().originalLength() - off).append(": ");
            return false;
        }
    },
    PPPOE_SESSION {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            out.add(header(v, off).layer(Protocol.PPPOES, off, 6));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            if (!v.has(off, 6)) {
                return false;
            }
            sb.append("PPPoE  [ses 0x").append(Integer.toHexString(v.u16(off + 2))).append("] ");
            return false;
        }
    },
    PPPOE_DISCOVERY {
        @Override
        public void details(PacketView v, int off, List<Layer> out) {
            FieldList l = header(v, off);
            int end = v.has(off, 6) ? Math.min(v.captured, off + 6 + v.u16(off + 4)) : off;
            int tags = 0;
            for (int p = off + 6; p + 4 <= end && tags < MAX_TAGS; tags++) {
                int type = v.u16(p);
                int len = v.u16(p + 2);
                tag(l, v, type, p + 4, Math.min(len, end - p - 4));
                p += 4 + len;
            }
            out.add(l.layer(Protocol.PPPOED, off, end - off));
        }

        @Override
        public boolean summary(StringBuilder sb, PacketView v, int off) {
            if (!v.has(off, 6)) {
                return false;
            }
            // tcpdump print-pppoe.c: "PPPoE PADO [AC-Name "ac"] [Service-Name "isp"] [AC-Cookie 0x6FCD...]"
            sb.append("PPPoE ").append(code(v.u8(off + 1)));
            int length = v.u16(off + 4);
            int available = v.frame().originalLength() - off - 6;
            if (length > available) {
                sb.append(" [len ").append(length).append(" > ").append(available).append("!]");
            }
            if (v.u16(off + 2) != 0) {
                sb.append(" [ses 0x").append(Integer.toHexString(v.u16(off + 2))).append(']');
            }
            tags(sb, v, off + 6, off + 6 + Math.min(length, available));
            return true;
        }
    };

    /**
     * tcpdump's tag list: each tag's name, then its value quoted when most of its first 79 bytes are printable
     * (the others as dots), else in hex; up to and including End-Of-List, and at most {@link #MAX_TAGS} tags.
     */
    private static void tags(StringBuilder sb, PacketView v, int from, int end) {
        int type = -1;
        for (int p = from, n = 0; type != 0 && p < end && n < MAX_TAGS; n++) {
            if (!v.has(p, 4) || !v.has(p + 4, v.u16(p + 2))) {
                sb.append(" [|pppoe]");
                return;
            }
            type = v.u16(p);
            int len = v.u16(p + 2);
            sb.append(" [").append(tagName(type));
            int shown = Math.min(len, 79);
            int printable = 0;
            for (int i = 0; i < shown; i++) {
                printable += v.u8(p + 4 + i) >= 0x20 && v.u8(p + 4 + i) < 0x7f ? 1 : 0;
            }
            if (len > 0 && printable > shown - printable) {
                sb.append(" \"");
                for (int i = 0; i < shown; i++) {
                    int b = v.u8(p + 4 + i);
                    sb.append(b >= 0x20 && b < 0x7f ? (char) b : '.');
                }
                sb.append('"');
            } else if (len > 0) {
                sb.append(" 0x");
                for (int i = 0; i < len; i++) {
                    sb.append(UPPER_HEX[v.u8(p + 4 + i) >>> 4]).append(UPPER_HEX[v.u8(p + 4 + i) & 0xf]);
                }
            }
            sb.append(']');
            p += 4 + len;
        }
    }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    /** RFC 2516 appendix A's tag names as tcpdump spells them, with RFC 4638's PPP-Max-Payload. */
    private static String tagName(int type) {
        return switch (type) {
            case 0x0000 -> "EOL";
            case 0x0101 -> "Service-Name";
            case 0x0102 -> "AC-Name";
            case 0x0103 -> "Host-Uniq";
            case 0x0104 -> "AC-Cookie";
            case 0x0105 -> "Vendor-Specific";
            case 0x0110 -> "Relay-Session-ID";
            case 0x0120 -> "PPP-Max-Payload";
            case 0x0201 -> "Service-Name-Error";
            case 0x0202 -> "AC-System-Error";
            case 0x0203 -> "Generic-Error";
            default -> "TAG-0x" + Integer.toHexString(type);
        };
    }

    /** Adds a discovery tag (RFC 2516 appendix A) under tshark's {@code pppoed.tags} name; others are skipped. */
    private static void tag(FieldList l, PacketView v, int type, int at, int len) {
        switch (type) {
            case 0x0101 -> l.add("service_name", FieldList.text(v, at, len));
            case 0x0102 -> l.add("ac_name", FieldList.text(v, at, len));
            case 0x0103 -> l.hex("host_uniq", at, len);
            case 0x0104 -> l.hex("ac_cookie", at, len);
            case 0x0201 -> l.add("service_name_error", FieldList.text(v, at, len));
            case 0x0202 -> l.add("ac_system_error", FieldList.text(v, at, len));
            case 0x0203 -> l.add("generic_error", FieldList.text(v, at, len));
            default -> { }
        }
    }

    /** Discovery tags shown at most; a hostile packet can hold thousands of empty ones. */
    private static final int MAX_TAGS = 64;

    /** Decodes a PPP frame at {@code off}. */
    static void ppp(PacketView v, int off, int end) {
        v.push(Protocol.PPP, off);
        int p = v.has(off, 2) && v.u16(off) == 0xff03 ? off + 2 : off;
        int len = protocolLength(v, p);
        if (len < 0) {
            v.fail(Protocol.PPP, off, "truncated header");
            return;
        }
        int proto = len == 1 ? v.u8(p) : v.u16(p);
        int next = p + len;
        switch (proto) {
            case 0x0021 -> Ipv4.decode(v, next);
            case 0x0057 -> Ipv6.decode(v, next);
            case 0x0281 -> Mpls.decode(v, next, end);
            case 0xc021 -> {
                v.push(Protocol.LCP, next);
                v.payload(next, end);
            }
            default -> v.payload(next, end);
        }
    }

    /** Decodes a PPPoE header (RFC 2516 section 4) at {@code off}; {@code session} for 0x8864. */
    static void pppoe(PacketView v, int off, boolean session) {
        Protocol p = session ? Protocol.PPPOES : Protocol.PPPOED;
        v.push(p, off);
        if (!v.has(off, 6)) {
            v.fail(p, off, "truncated header");
            return;
        }
        if (v.u8(off) != 0x11) {
            v.fail(p, off, "version/type 0x" + Integer.toHexString(v.u8(off)) + ", not 0x11");
            return;
        }
        int end = Math.min(v.captured, off + 6 + v.u16(off + 4));
        if (session) {
            ppp(v, off + 6, end);
        } else {
            v.payload(off + 6, end);
        }
    }

    /** RFC 1661 section 2: the protocol field is one byte when its low bit is set (compressed), else two. */
    private static int protocolLength(PacketView v, int p) {
        if (!v.has(p, 1)) {
            return -1;
        }
        if ((v.u8(p) & 1) == 1) {
            return 1;
        }
        return v.has(p, 2) ? 2 : -1;
    }

    private static FieldList header(PacketView v, int off) {
        FieldList l = new FieldList(v);
        if (v.has(off, 1)) {
            l.add("version", v.u8(off) >>> 4).add("type", v.u8(off) & 0xf);
        }
        return l.u8("code", off + 1).u16("session_id", off + 2).u16("payload_length", off + 4);
    }

    private static String code(int code) {
        return switch (code) {
            case 0x09 -> "PADI";
            case 0x07 -> "PADO";
            case 0x19 -> "PADR";
            case 0x65 -> "PADS";
            case 0xa7 -> "PADT";
            default -> "PAD-" + Integer.toHexString(code);
        };
    }

    /** tcpdump's names (ppp.h) for the protocols seen in practice. */
    private static String protocolName(int proto) {
        return switch (proto) {
            case 0x0021 -> "IP";
            case 0x0057 -> "IP6";
            case 0x0281 -> "MPLS";
            case 0xc021 -> "LCP";
            case 0x8021 -> "IPCP";
            case 0x8057 -> "IP6CP";
            case 0xc023 -> "PAP";
            case 0xc223 -> "CHAP";
            case 0x80fd -> "CCP";
            default -> "unknown";
        };
    }
}
