package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.decode.app.HttpDecoder;
import netlab.capture.decode.app.TlsDecoder;

/**
 * TCP (RFC 9293 section 3.1), IP protocol 6: ports, sequence and acknowledgement numbers, data offset, flags,
 * window, checksum, urgent pointer and options; the payload is named by port or content (DNS, HTTP, TLS, see
 * {@link Protocol}). The decode fills the view's flat port, {@code tcp*} and {@code l4*} fields; the details
 * add the session state one segment's flags tell.
 */
enum Tcp implements Dissector {
    TCP;

    static void decode(PacketView v, int off) {
        v.push(Protocol.TCP, off);
        v.l4Offset = off;
        if (!v.has(off, 20)) {
            v.fail(Protocol.TCP, off, "truncated header");
            return;
        }
        if (off + 20 > v.ipDeclaredEnd) {
            v.fail(Protocol.TCP, off, "header runs past the IP payload");
            return;
        }
        v.srcPort = v.u16(off);
        v.dstPort = v.u16(off + 2);
        v.tcpSeq = v.u32(off + 4);
        v.tcpAck = v.u32(off + 8);
        v.tcpFlags = v.u16(off + 12) & 0x1ff;
        int hdr = (v.u8(off + 12) >>> 4) * 4;
        if (hdr < 20) {
            v.fail(Protocol.TCP, off + 12, "data offset " + hdr / 4 + " < 5");
            return;
        }
        if (off + hdr > v.ipDeclaredEnd) {
            v.fail(Protocol.TCP, off + 12, "header length " + hdr + " > " + (v.ipDeclaredEnd - off) + " bytes of IP payload");
            return;
        }
        if (!v.has(off, hdr)) {
            v.fail(Protocol.TCP, off, "truncated options");
            return;
        }
        v.l4HeaderLength = hdr;
        v.payload(off + hdr, v.ipEnd);
        if (v.payloadLength > 0) {
            Protocol app = app(v, Math.min(v.srcPort, v.dstPort));
            if (app == null) {
                app = app(v, Math.max(v.srcPort, v.dstPort));
            }
            if (app == null) {
                app = sniff(v);
            }
            if (app != null) {
                v.push(app, v.payloadOffset);
            }
        }
    }

    private static Protocol app(PacketView v, int port) {
        int from = v.base + v.payloadOffset;
        int to = from + v.payloadLength;
        return switch (port) {
            case 53 -> Protocol.DNS;
            case 80, 8080 -> HttpDecoder.looksLikeHttp(v.data, from, to) ? Protocol.HTTP : null;
            case 443 -> TlsDecoder.looksLikeTls(v.data, from, to) ? Protocol.TLS : null;
            default -> null;
        };
    }

    /**
     * HTTP/1.x and TLS on other ports, recognised by content as tshark does for MySQL-over-TLS or HTTP on
     * 8000: a request method or status line (RFC 9112 §3, §4), or a TLS record that passes
     * {@link TlsDecoder#looksLikeTlsAnyPort} (a record header alone is too weak a sign on any port).
     */
    private static Protocol sniff(PacketView v) {
        int from = v.base + v.payloadOffset;
        int to = from + v.payloadLength;
        if (HttpDecoder.looksLikeHttp(v.data, from, to)) {
            return Protocol.HTTP;
        }
        return TlsDecoder.looksLikeTlsAnyPort(v.data, from, to) ? Protocol.TLS : null;
    }

    /** The header's fields, then (for a complete header) the session layer. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        FieldList l = new FieldList(v).u16("src_port", off).u16("dst_port", off + 2).u32("seq", off + 4)
                .u32("ack", off + 8);
        if (l.has(off + 12, 2)) {
            l.add("data_offset", v.u8(off + 12) >>> 4).add("flags", flagString(v.u16(off + 12) & 0x1ff));
        }
        l.u16("window", off + 14).hex16("checksum", off + 16).u16("urgent", off + 18);
        if (v.l4HeaderLength() > 20) {
            l.add("options", options(v));
        }
        out.add(l.layer(Protocol.TCP, off, Math.max(20, v.l4HeaderLength())));
        if (hasSession(v)) {
            out.add(session(v));
        }
    }

    /** True when the frame's TCP header is complete, so {@link #details} shows its session layer. */
    static boolean hasSession(PacketView v) {
        return v.has(Protocol.TCP) && v.l4HeaderLength() != 0;
    }

    /** Session state as far as this one segment's flags tell (RFC 9293 section 3.5); no connection tracking. */
    private static Layer session(PacketView v) {
        int f = v.tcpFlags();
        String state;
        if ((f & 0x04) != 0) {
            state = "reset (RST)";
        } else if ((f & 0x12) == 0x12) {
            state = "connection accepted (SYN-ACK)";
        } else if ((f & 0x02) != 0) {
            state = "connection request (SYN)";
        } else if ((f & 0x01) != 0) {
            state = "teardown (FIN)";
        } else if (v.payloadLength() > 0) {
            state = "data";
        } else {
            state = "acknowledgement (ACK)";
        }
        return new Layer(5, "session", "TCP session", v.l4Offset(), 0, List.of(new Field("state", state)), null);
    }

    /** tcpdump's flag letters in its order: F S R P . U E W e, bracketed, e.g. {@code [S.]}. */
    static String flagString(int flags) {
        String letters = "FSRP.UEWe";
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < letters.length(); i++) {
            if ((flags & (1 << i)) != 0) {
                sb.append(letters.charAt(i));
            }
        }
        return sb.length() == 1 ? "[none]" : sb.append(']').toString();
    }

    /** RFC 9293 section 3.2 options, named as tcpdump prints them. */
    static List<String> options(PacketView v) {
        List<String> out = new ArrayList<>();
        int p = v.l4Offset() + 20;
        int end = v.l4Offset() + v.l4HeaderLength();
        while (p < end) {
            int kind = v.u8(p);
            if (kind == 0) {
                out.add("eol");
                break;
            }
            if (kind == 1) {
                out.add("nop");
                p++;
                continue;
            }
            int len = p + 1 < end ? v.u8(p + 1) : 0;
            if (len < 2 || p + len > end) {
                out.add("bad opt");
                break;
            }
            out.add(option(v, kind, p, len));
            p += len;
        }
        return out;
    }

    private static String option(PacketView v, int kind, int p, int len) {
        if (kind == 2 && len == 4) {
            return "mss " + v.u16(p + 2);
        } else if (kind == 3 && len == 3) {
            return "wscale " + v.u8(p + 2);
        } else if (kind == 4 && len == 2) {
            return "sackOK";
        } else if (kind == 8 && len == 10) {
            return "TS val " + v.u32(p + 2) + " ecr " + v.u32(p + 6);
        } else if (kind == 5) {
            StringBuilder sb = new StringBuilder("sack ").append((len - 2) / 8);
            for (int i = p + 2; i + 8 <= p + len; i += 8) {
                sb.append(" {").append(v.u32(i)).append(':').append(v.u32(i + 4)).append('}');
            }
            return sb.toString();
        }
        return "unknown-" + kind + " 0x" + FieldList.hexString(v, p + 2, len - 2);
    }

    /**
     * tcpdump print-tcp.c after the addresses and ports: flags, sequence range, ack, window, options, length,
     * then the application's words ({@link Http}); nothing for a truncated header.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (v.l4HeaderLength() == 0) {
            return true;
        }
        int length = v.ipDeclaredEnd - off - v.l4HeaderLength();
        int f = v.tcpFlags();
        sb.append("Flags ").append(flagString(f));
        if (length > 0 || (f & 0x07) != 0) {
            sb.append(", seq ").append(v.tcpSeq());
            if (length > 0) {
                sb.append(':').append(v.tcpSeq() + length);
            }
        }
        if ((f & 0x10) != 0) {
            sb.append(", ack ").append(v.tcpAck());
        }
        sb.append(", win ").append(v.u16(off + 14));
        if (v.l4HeaderLength() > 20) {
            sb.append(", options [").append(String.join(",", options(v))).append(']');
        }
        sb.append(", length ").append(length);
        // What the segment carries speaks after the TCP words (HTTP; DNS and TLS have none over TCP).
        int mark = sb.length();
        sb.append(": ");
        if (!Dissectors.summaryAfter(sb, v, Protocol.TCP, off)) {
            sb.setLength(mark);
        }
        return true;
    }
}
