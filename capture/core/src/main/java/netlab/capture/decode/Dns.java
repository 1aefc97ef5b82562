package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.DnsDecoder;

/**
 * DNS (RFC 1035 section 4.1) on UDP or TCP port 53, mDNS (RFC 6762, UDP 5353) and LLMNR (RFC 4795, UDP 5355),
 * named by {@link Udp} and {@link Tcp}: header, question and records, parsed from the payload only for display
 * ({@link DnsDecoder} and its readers in {@code app/}); the hot path stores nothing beyond the path entry.
 */
enum Dns implements Dissector {
    DNS(Protocol.DNS),
    MDNS(Protocol.MDNS),
    LLMNR(Protocol.LLMNR);

    private final Protocol protocol;

    Dns(Protocol protocol) {
        this.protocol = protocol;
    }

    /** The message's header, question and records as the application layer. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        int from = v.base + v.payloadOffset();
        out.add(DnsDecoder.decode(v.data, v.base, from, from + v.payloadLength(), protocol.shortName()));
    }

    /**
     * tcpdump's DNS form (print-domain.c) ending a UDP line: the id, then for queries '+' when recursion is
     * desired, for responses '*' when authoritative and '-' when recursion is not available; '|' when
     * truncated; the question or answers and the length. Nothing over TCP, whose line ends with its own words.
     */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        int len = v.payloadLength();
        if (v.failure() != null || v.payloadOffset() < 0 || len <= 0 || v.transport() == Protocol.TCP) {
            return false;
        }
        int from = v.base + v.payloadOffset();
        Layer l = DnsDecoder.decode(v.data, v.base, from, from + len, protocol.shortName());
        Object id = l.get("id");
        Object words = l.get("summary");
        if (id == null || words == null) {
            return false;
        }
        String flags;
        if (flag(l, "qr")) {
            flags = (flag(l, "aa") ? "*" : "") + (flag(l, "ra") ? "" : "-");
        } else {
            flags = flag(l, "rd") ? "+" : "";
        }
        sb.append(id).append(flags).append(flag(l, "tc") ? "|" : "").append(' ').append(words)
                .append(" (").append(len).append(')');
        return true;
    }

    private static boolean flag(Layer l, String name) {
        return Boolean.TRUE.equals(l.get(name));
    }
}
