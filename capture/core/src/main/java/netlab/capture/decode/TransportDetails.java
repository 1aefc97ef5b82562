package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.DhcpDecoder;
import netlab.capture.decode.app.DnsDecoder;
import netlab.capture.decode.app.HttpDecoder;
import netlab.capture.decode.app.PayloadPreview;
import netlab.capture.decode.app.TlsDecoder;

/**
 * Layers 5 to 7 of {@link FrameDetails} where no protocol file shows them: the session placeholder, TLS and the
 * applications ({@link Tcp}, {@link Udp} and {@link Icmp} show themselves).
 */
final class TransportDetails {
    private TransportDetails() {
    }

    static void add(PacketView v, List<Layer> out) {
        if (!Tcp.hasSession(v)) {
            out.add(FrameDetails.none(5));
        }
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
}
