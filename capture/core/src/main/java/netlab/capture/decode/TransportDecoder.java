package netlab.capture.decode;

import netlab.capture.decode.app.HttpDecoder;
import netlab.capture.decode.app.TlsDecoder;

/**
 * The transport part of {@link Decoder}: the IP protocol dispatch, TCP and UDP, then the port-based L7
 * classification documented on {@link Protocol}; ICMP, ICMPv6 and IGMP are {@link Icmp}.
 */
final class TransportDecoder {
    private TransportDecoder() {
    }

    static void dispatch(PacketView v, int off, int protocol) {
        switch (protocol) {
            case 1 -> Icmp.ICMP.decode(v, off);
            case 2 -> Icmp.IGMP.decode(v, off);
            case 58 -> Icmp.ICMPV6.decode(v, off);
            case 6 -> tcp(v, off);
            case 17 -> udp(v, off);
            case 4 -> NetworkDecoder.tunnel(v, off, 4);
            case 41 -> NetworkDecoder.tunnel(v, off, 6);
            case 51 -> NetworkDecoder.ah(v, off);
            case 47 -> Gre.decode(v, off);
            case 50 -> {
                // RFC 4303: everything after the SPI and sequence number is encrypted.
                v.push(Protocol.ESP, off);
                v.payload(off, v.ipEnd);
            }
            default -> v.payload(off, v.ipEnd);
        }
    }

    /** RFC 9293 section 3.1. */
    private static void tcp(PacketView v, int off) {
        v.push(Protocol.TCP);
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
            Protocol app = tcpApp(v, Math.min(v.srcPort, v.dstPort));
            if (app == null) {
                app = tcpApp(v, Math.max(v.srcPort, v.dstPort));
            }
            if (app == null) {
                app = sniff(v);
            }
            if (app != null) {
                v.push(app);
            }
        }
    }

    private static Protocol tcpApp(PacketView v, int port) {
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

    /** RFC 768: the length field covers header and data and must fit in the IP payload. */
    private static void udp(PacketView v, int off) {
        v.push(Protocol.UDP, off);
        v.l4Offset = off;
        if (!v.has(off, 8)) {
            v.fail(Protocol.UDP, off, "truncated header");
            return;
        }
        v.srcPort = v.u16(off);
        v.dstPort = v.u16(off + 2);
        int len = v.u16(off + 4);
        if (len < 8) {
            v.fail(Protocol.UDP, off + 4, "length " + len + " < 8");
            return;
        }
        if (off + len > v.ipDeclaredEnd && !v.ipFragment) {
            v.fail(Protocol.UDP, off + 4, "length " + len + " > " + (v.ipDeclaredEnd - off) + " bytes of IP payload");
            return;
        }
        v.l4HeaderLength = 8;
        // The first fragment of a larger datagram (RFC 791 MF set) carries the UDP length of the whole.
        int end = Math.min(v.ipEnd, off + len);
        v.payload(off + 8, end);
        if (v.payloadLength > 0 && !v.ipFragment && udpTunnel(v, off + 8, end, Math.min(v.srcPort, v.dstPort))) {
            return;
        }
        if (v.payloadLength > 0) {
            Protocol app = udpApp(Math.min(v.srcPort, v.dstPort));
            if (app == null) {
                app = udpApp(Math.max(v.srcPort, v.dstPort));
            }
            if (app != null) {
                v.push(app);
            }
        }
    }

    /**
     * The UDP payloads that are headers netlab decodes further, by the lower port as tshark tries it first:
     * VXLAN, Geneve, PTP event (319) and general (320) messages; true when one took the payload.
     */
    private static boolean udpTunnel(PacketView v, int off, int end, int port) {
        switch (port) {
            case Vxlan.PORT -> Vxlan.decode(v, off, end);
            case Geneve.PORT -> Geneve.decode(v, off, end);
            case 319, 320 -> Ptp.decode(v, off, end);
            default -> {
                return false;
            }
        }
        return true;
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

    private static Protocol udpApp(int port) {
        return switch (port) {
            case 53 -> Protocol.DNS;
            case 5353 -> Protocol.MDNS;
            case 5355 -> Protocol.LLMNR;
            case 67, 68 -> Protocol.DHCP;
            default -> null;
        };
    }
}
