package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.DhcpDecoder;

/**
 * BOOTP/DHCP (RFC 2131 section 2, options of RFC 2132) on UDP ports 67 and 68, named by {@link Udp}: the fixed
 * fields and options, parsed from the payload only for display ({@link DhcpDecoder} and its option reader in
 * {@code app/}).
 */
enum Dhcp implements Dissector {
    DHCP;

    /** The fixed fields and options as the application layer. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(decode(v));
    }

    private static Layer decode(PacketView v) {
        int from = v.base + v.payloadOffset();
        return DhcpDecoder.decode(v.data, v.base, from, from + v.payloadLength());
    }

    /** tcpdump print-bootp.c: {@code BOOTP/DHCP, Request from 02:00:00:00:00:02, length 300, Discover}. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (v.failure() != null || v.payloadOffset() < 0 || v.payloadLength() <= 0) {
            return false;
        }
        Layer l = decode(v);
        Object op = l.get("op");
        if (op == null) {
            return false;
        }
        Object mac = l.get("client_mac");
        Object type = l.get("message_type") instanceof Named n ? n.name() : l.get("message_type");
        sb.append("BOOTP/DHCP, ").append("BOOTREPLY".equals(op) ? "Reply" : "Request");
        if (mac != null) {
            sb.append(" from ").append(mac);
        }
        sb.append(", length ").append(v.payloadLength());
        if (type != null) {
            sb.append(", ").append(type);
        }
        return true;
    }
}
