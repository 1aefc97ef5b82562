package netlab.capture.decode;

import netlab.capture.decode.app.DhcpDecoder;
import netlab.capture.decode.app.DnsDecoder;
import netlab.capture.decode.app.HttpDecoder;

/**
 * The application-layer tail of a one-line summary, in tcpdump's words: {@code 4660+ A? example.com. (36)},
 * {@code BOOTP/DHCP, Request from 02:00:00:00:00:02, length 300}, {@code HTTP: GET / HTTP/1.1}.
 * Returns null when the frame carries none of those, so the caller prints its transport summary.
 */
final class AppSummary {
    private AppSummary() {
    }

    static String of(PacketView v) {
        int off = v.payloadOffset();
        int len = v.payloadLength();
        if (off < 0 || len <= 0) {
            return null;
        }
        int start = v.base + off;
        int end = start + len;
        if (v.has(Protocol.DNS) || v.has(Protocol.MDNS) || v.has(Protocol.LLMNR)) {
            return v.transport() == Protocol.TCP ? null : dns(DnsDecoder.decode(v.data, v.base, start, end, dnsName(v)), len);
        }
        if (v.has(Protocol.DHCP)) {
            return dhcp(DhcpDecoder.decode(v.data, v.base, start, end), len);
        }
        if (v.has(Protocol.HTTP)) {
            Layer l = HttpDecoder.decode(v.data, v.base, start, end);
            if (l.get("method") != null) {
                return "HTTP: " + l.get("method") + " " + l.get("target") + " " + l.get("version");
            }
            return l.get("status_code") == null ? null
                    : "HTTP: " + l.get("version") + " " + l.get("status_code") + " " + l.get("reason");
        }
        return null;
    }

    private static String dnsName(PacketView v) {
        return v.has(Protocol.MDNS) ? "mdns" : v.has(Protocol.LLMNR) ? "llmnr" : "dns";
    }

    /**
     * tcpdump's DNS form (print-domain.c): the id, then for queries '+' when recursion is desired, for
     * responses '*' when authoritative and '-' when recursion is not available; '|' when truncated.
     */
    private static String dns(Layer l, int len) {
        Object id = l.get("id");
        Object summary = l.get("summary");
        if (id == null || summary == null) {
            return null;
        }
        String flags;
        if (flag(l, "qr")) {
            flags = (flag(l, "aa") ? "*" : "") + (flag(l, "ra") ? "" : "-");
        } else {
            flags = flag(l, "rd") ? "+" : "";
        }
        return id + flags + (flag(l, "tc") ? "|" : "") + " " + summary + " (" + len + ")";
    }

    private static boolean flag(Layer l, String name) {
        return Boolean.TRUE.equals(l.get(name));
    }

    private static String dhcp(Layer l, int len) {
        Object op = l.get("op");
        Object mac = l.get("client_mac");
        if (op == null) {
            return null;
        }
        String kind = "BOOTREPLY".equals(op) ? "Reply" : "Request";
        Object type = l.get("message_type") instanceof Named n ? n.name() : l.get("message_type");
        return "BOOTP/DHCP, " + kind + (mac != null ? " from " + mac : "") + ", length " + len
                + (type != null ? ", " + type : "");
    }
}
