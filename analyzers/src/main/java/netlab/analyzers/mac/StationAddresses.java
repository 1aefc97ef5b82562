package netlab.analyzers.mac;

import netlab.capture.Frame;
import netlab.capture.decode.PacketView;

/** Picks the IP addresses a frame shows its source station using, without allocating. */
final class StationAddresses {
    private static final int ICMPV6 = 58;
    private static final int NEIGHBOR_SOLICITATION = 135;
    private static final int NEIGHBOR_ADVERTISEMENT = 136;

    private StationAddresses() {
    }

    /**
     * Records on station slot {@code s}: the ARP sender IP (only when the ARP sender MAC is the Ethernet
     * source; a mismatch is the ARP tracker's business), the IPv4/IPv6 source (unspecified and multicast
     * skipped), the target of a neighbour advertisement (RFC 4861 4.4: the address being advertised is the
     * sender's) and the target of a DAD neighbour solicitation (RFC 4862 5.4.2: source ::, target is the
     * sender's tentative address). An ordinary solicitation's target is someone else's address, so it is skipped.
     */
    static void record(PacketView v, Frame f, long src, MacEntries e, int s, int max) {
        if (v.arpIsEthernetIpv4()) {
            if (v.arpSenderMac() == src && v.arpSenderIp() != 0) {
                e.addIp(s, 0, MacEntries.ipv4(v.arpSenderIp()), max);
            }
            return;
        }
        int cap = f.capturedLength();
        int off = v.ipSrcOffset();
        if (v.ipVersion() == 4 && off >= 0) {
            int ip = v.ipv4Src();
            if (ip != 0 && (ip >>> 24) < 224) {
                e.addIp(s, 0, MacEntries.ipv4(ip), max);
            }
        } else if (v.ipVersion() == 6 && off >= 0 && off + 16 <= cap) {
            byte[] d = f.data();
            long hi = longAt(d, f.offset() + off);
            long lo = longAt(d, f.offset() + off + 8);
            boolean unspecified = hi == 0 && lo == 0;
            if (!unspecified && (hi >>> 56) != 0xff) {
                e.addIp(s, hi, lo, max);
            }
            int l4 = v.l4Offset();
            int type = v.icmpType();
            boolean nd = type == NEIGHBOR_ADVERTISEMENT || (type == NEIGHBOR_SOLICITATION && unspecified);
            if (v.ipProtocol() == ICMPV6 && nd && l4 >= 0 && l4 + 24 <= cap) {
                long th = longAt(d, f.offset() + l4 + 8);
                long tl = longAt(d, f.offset() + l4 + 16);
                if ((th != 0 || tl != 0) && (th >>> 56) != 0xff) {
                    e.addIp(s, th, tl, max);
                }
            }
        }
    }

    /**
     * For a tunnelled packet (VXLAN, GRE, IP-in-IP, ...): only the outermost IP source, the tunnel endpoint's
     * own address, and only when it precedes any tunnelled Ethernet frame; the inner addresses are other stations'.
     */
    static void recordOuter(PacketView v, Frame f, MacEntries e, int s, int max) {
        if (v.ipHeaderCount() == 0 || (v.innerEthernetCount() > 0 && v.ipHeaderOffset(0) >= v.innerEthernetOffset(0))) {
            return;
        }
        int off = f.offset() + v.ipHeaderOffset(0);
        byte[] d = f.data();
        if ((d[off] & 0xf0) == 0x40 && v.ipHeaderOffset(0) + 20 <= f.capturedLength()) {
            int ip = (int) (longAt(d, off + 8) & 0xffff_ffffL);
            if (ip != 0 && (ip >>> 24) < 224) {
                e.addIp(s, 0, MacEntries.ipv4(ip), max);
            }
        } else if ((d[off] & 0xf0) == 0x60 && v.ipHeaderOffset(0) + 40 <= f.capturedLength()) {
            long hi = longAt(d, off + 8);
            long lo = longAt(d, off + 16);
            if ((hi != 0 || lo != 0) && (hi >>> 56) != 0xff) {
                e.addIp(s, hi, lo, max);
            }
        }
    }

    private static long longAt(byte[] b, int o) {
        long x = 0;
        for (int i = 0; i < 8; i++) {
            x = (x << 8) | (b[o + i] & 0xff);
        }
        return x;
    }
}
