package netlab.capture.decode;

import java.util.List;
import netlab.capture.decode.app.TlsDecoder;

/**
 * TLS records (RFC 8446 section 5.1; RFC 5246 for 1.2) over TCP, named by {@link Tcp} on port 443 or by content
 * on other ports ({@link TlsDecoder#looksLikeTls}, {@link TlsDecoder#looksLikeTlsAnyPort}): record types and,
 * for a hello, its version, SNI and ALPN, parsed from the payload only for display, at netlab's layer 6.
 */
enum Tls implements Dissector {
    TLS;

    /** The records as the presentation layer; the application layer stays empty (the data is encrypted). */
    @Override
    public void details(PacketView v, int off, List<Layer> out) {
        int from = v.base + v.payloadOffset();
        out.add(TlsDecoder.decode(v.data, v.base, from, from + v.payloadLength()));
    }

    /** Nothing: tcpdump's line ends with the TCP words for TLS. */
    @Override
    public boolean summary(StringBuilder sb, PacketView v, int off) {
        return false;
    }
}
