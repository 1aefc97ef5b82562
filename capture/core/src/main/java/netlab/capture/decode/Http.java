package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.HttpDecoder;

/**
 * HTTP/1.x (RFC 9112 sections 3 and 4) over TCP, named by {@link Tcp} on ports 80 and 8080 or by its request or
 * status line on any port ({@link HttpDecoder#looksLikeHttp}): start line and header fields, parsed from the
 * payload only for display.
 */
enum Http implements Dissector {
    HTTP;

    /** The start line and header fields as the application layer. */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        out.add(decode(v));
    }

    private static Layer decode(PacketView v) {
        int from = v.base + v.payloadOffset();
        return HttpDecoder.decode(v.data, v.base, from, from + v.payloadLength());
    }

    /** tcpdump's {@code HTTP: GET / HTTP/1.1} or {@code HTTP: HTTP/1.1 200 OK} after the TCP words. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        if (v.failure() != null || v.payloadOffset() < 0 || v.payloadLength() <= 0) {
            return false;
        }
        Layer l = decode(v);
        if (l.get("method") != null) {
            sb.append("HTTP: ").append(l.get("method")).append(' ').append(l.get("target")).append(' ')
                    .append(l.get("version"));
            return true;
        }
        if (l.get("status_code") == null) {
            return false;
        }
        sb.append("HTTP: ").append(l.get("version")).append(' ').append(l.get("status_code")).append(' ')
                .append(l.get("reason"));
        return true;
    }
}
