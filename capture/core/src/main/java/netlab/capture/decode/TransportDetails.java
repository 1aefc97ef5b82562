package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.PayloadPreview;

/**
 * The placeholders of layers 5 to 7 of {@link FrameDetails} that no protocol file filled ({@link Tcp}'s session,
 * {@link Tls}, {@link Dns}, {@link Dhcp} and {@link Http} show themselves), and the preview of a payload no
 * protocol claimed.
 */
final class TransportDetails {
    private TransportDetails() {
    }

    static void add(PacketView v, List<Layer> out) {
        if (!Tcp.hasSession(v)) {
            out.add(FrameDetails.none(5));
        }
        boolean tls = v.has(Protocol.TLS);
        if (!tls) {
            out.add(FrameDetails.none(6));
        }
        if (v.has(Protocol.DNS) || v.has(Protocol.MDNS) || v.has(Protocol.LLMNR) || v.has(Protocol.DHCP)
                || v.has(Protocol.HTTP)) {
            return;
        }
        boolean stp = v.depth() > 0 && v.protocol(v.depth() - 1) == Protocol.STP;
        if (!tls && !stp && v.payloadLength() > 0 && v.failure() == null) {
            int from = v.base + v.payloadOffset();
            out.add(PayloadPreview.decode(v.data, v.base, from, from + v.payloadLength()));
        } else {
            out.add(FrameDetails.none(7));
        }
    }
}
