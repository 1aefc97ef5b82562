package netlab.capture.decode;

import java.util.ArrayList;
import java.util.List;
import netlab.capture.decode.app.DhcpDecoder;
import netlab.capture.decode.app.DnsDecoder;
import netlab.capture.decode.app.HttpDecoder;
import netlab.capture.decode.app.PayloadPreview;
import netlab.capture.decode.app.TlsDecoder;

/** Layers 4 to 7 of {@link FrameDetails}: TCP, UDP, session state, TLS, applications ({@link Icmp} shows itself). */
final class TransportDetails {
    private TransportDetails() {
    }

    static void add(PacketView v, List<Layer> out) {
        int off = v.l4Offset();
        for (int i = 0; i < v.depth(); i++) {
            int at = v.protocolOffset(i);
            if (v.protocol(i) == Protocol.UDP && at >= 0 && at != off) {
                // The datagram of a tunnel (VXLAN, Geneve) whose payload started a new frame.
                out.add(udp(v, at));
            }
        }
        Protocol l4 = off < 0 ? null : v.transport();
        if (l4 == Protocol.TCP) {
            out.add(tcp(v, off));
        } else if (l4 == Protocol.UDP) {
            out.add(udp(v, off));
        }
        out.add(session(v));
        boolean tls = v.has(Protocol.TLS);
        int from = v.base + v.payloadOffset();
        int to = from + v.payloadLength();
        out.add(tls ? TlsDecoder.decode(v.data, v.base, from, to) : FrameDetails.none(6));
        out.add(application(v, tls, from, to));
    }

    private static Layer application(PacketView v, boolean tls, int from, int to) {
        for (Protocol p : new Protocol[] {Protocol.DNS, Protocol.MDNS, Protocol.LLMNR}) {
            if (v.has(p)) {
                return DnsDecoder.decode(v.data, v.base, from, to, p.shortName());
            }
        }
        if (v.has(Protocol.DHCP)) {
            return DhcpDecoder.decode(v.data, v.base, from, to);
        }
        if (v.has(Protocol.HTTP)) {
            return HttpDecoder.decode(v.data, v.base, from, to);
        }
        boolean stp = v.depth() > 0 && v.protocol(v.depth() - 1) == Protocol.STP;
        if (!tls && !stp && v.payloadLength() > 0 && v.failure() == null) {
            return PayloadPreview.decode(v.data, v.base, from, to);
        }
        return FrameDetails.none(7);
    }

    /** Session state as far as this one segment's flags tell (RFC 9293 section 3.5); no connection tracking. */
    private static Layer session(PacketView v) {
        if (!v.has(Protocol.TCP) || v.l4HeaderLength() == 0) {
            return FrameDetails.none(5);
        }
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

    private static Layer udp(PacketView v, int off) {
        return new FieldList(v).u16("src_port", off).u16("dst_port", off + 2).u16("length", off + 4)
                .hex16("checksum", off + 6).layer(Protocol.UDP, off, 8);
    }

    private static Layer tcp(PacketView v, int off) {
        FieldList l = new FieldList(v).u16("src_port", off).u16("dst_port", off + 2).u32("seq", off + 4)
                .u32("ack", off + 8);
        if (l.has(off + 12, 2)) {
            l.add("data_offset", v.u8(off + 12) >>> 4).add("flags", flagString(v.u16(off + 12) & 0x1ff));
        }
        l.u16("window", off + 14).hex16("checksum", off + 16).u16("urgent", off + 18);
        if (v.l4HeaderLength() > 20) {
            l.add("options", options(v));
        }
        return l.layer(Protocol.TCP, off, Math.max(20, v.l4HeaderLength()));
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
}
