package netlab.bench;

/**
 * Writes one Ethernet frame at a time into a reused buffer: link, network and transport headers with
 * correct lengths and checksums, so tcpdump, tshark and netlab all decode the benchmark files cleanly.
 */
final class FrameBuilder {
    /** Ethernet without FCS: the shortest frame a NIC hands up (IEEE 802.3 clause 3.2.8, padded). */
    static final int MIN_FRAME = 60;
    /** 1500-byte MTU plus the 14-byte Ethernet header. */
    static final int MAX_FRAME = 1514;
    static final long BROADCAST = 0xffff_ffff_ffffL;

    final byte[] buf = new byte[2048];
    /** Filler for payloads: fixed pseudo-random bytes, so payload content costs no random draws. */
    private final byte[] filler = new byte[4096];
    private int ipOffset;
    private int ipVersion;

    FrameBuilder(long seed) {
        long x = seed ^ 0x5DEECE66DL;
        for (int i = 0; i < filler.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            filler[i] = (byte) (x >>> 56);
        }
    }

    /** Ethernet II header, with an 802.1Q tag when {@code vlan >= 0}; returns the offset after it. */
    int ethernet(long dst, long src, int vlan, int etherType) {
        putMac(0, dst);
        putMac(6, src);
        int off = 12;
        if (vlan >= 0) {
            put16(off, 0x8100);
            put16(off + 2, vlan & 0xfff);
            off += 4;
        }
        put16(off, etherType);
        return off + 2;
    }

    /** RFC 826 request or reply for Ethernet/IPv4; returns the offset after it. */
    int arp(int off, int opcode, long senderMac, int senderIp, long targetMac, int targetIp) {
        put16(off, 1);
        put16(off + 2, 0x0800);
        buf[off + 4] = 6;
        buf[off + 5] = 4;
        put16(off + 6, opcode);
        putMac(off + 8, senderMac);
        put32(off + 14, senderIp);
        putMac(off + 18, targetMac);
        put32(off + 24, targetIp);
        return off + 28;
    }

    /** RFC 791 header without options; the total length and checksum are set by {@link #finish}. */
    int ipv4(int off, int src, int dst, int protocol, int ttl, int id) {
        ipOffset = off;
        ipVersion = 4;
        buf[off] = 0x45;
        buf[off + 1] = 0;
        put16(off + 4, id);
        put16(off + 6, 0x4000);
        buf[off + 8] = (byte) ttl;
        buf[off + 9] = (byte) protocol;
        put32(off + 12, src);
        put32(off + 16, dst);
        return off + 20;
    }

    /** RFC 8200 fixed header; the payload length is set by {@link #finish}. */
    int ipv6(int off, long srcHi, long srcLo, long dstHi, long dstLo, int nextHeader, int hopLimit) {
        ipOffset = off;
        ipVersion = 6;
        put32(off, 0x6000_0000);
        buf[off + 6] = (byte) nextHeader;
        buf[off + 7] = (byte) hopLimit;
        put64(off + 8, srcHi);
        put64(off + 16, srcLo);
        put64(off + 24, dstHi);
        put64(off + 32, dstLo);
        return off + 40;
    }

    /** RFC 9293 header without options (data offset 5); returns the offset of the payload. */
    int tcp(int off, int srcPort, int dstPort, long seq, long ack, int flags) {
        put16(off, srcPort);
        put16(off + 2, dstPort);
        put32(off + 4, (int) seq);
        put32(off + 8, (int) ack);
        put16(off + 12, 0x5000 | flags);
        put16(off + 14, 64240);
        put16(off + 18, 0);
        return off + 20;
    }

    /** RFC 768 header; length and checksum set by {@link #finish}. */
    int udp(int off, int srcPort, int dstPort) {
        put16(off, srcPort);
        put16(off + 2, dstPort);
        return off + 8;
    }

    /** ICMP or ICMPv6 echo: type, code, checksum, identifier, sequence. */
    int echo(int off, int type, int id, int seq) {
        buf[off] = (byte) type;
        buf[off + 1] = 0;
        put16(off + 4, id);
        put16(off + 6, seq);
        return off + 8;
    }

    /** Copies {@code n} (at most 2048) bytes of filler to {@code off}; returns the offset after them. */
    int fill(int off, int n, int variant) {
        System.arraycopy(filler, variant & 0x7ff, buf, off, n);
        return off + n;
    }

    /** Copies ASCII text to {@code off}; returns the offset after it. */
    int text(int off, String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[off + i] = (byte) s.charAt(i);
        }
        return off + s.length();
    }

    /**
     * Completes the frame ending at {@code end}: IP length fields, the IPv4 header checksum, the
     * transport checksum over the pseudo-header (field at {@code l4Offset + checksumAt}, or none when
     * {@code checksumAt < 0}), UDP length, then zero padding to {@link #MIN_FRAME}. Returns the frame length.
     */
    int finish(int l4Offset, int end, int protocol, int checksumAt) {
        if (ipVersion == 4) {
            put16(ipOffset + 2, end - ipOffset);
            put16(ipOffset + 10, 0);
            put16(ipOffset + 10, ~sum(ipOffset, 20, 0) & 0xffff);
        } else if (ipVersion == 6) {
            put16(ipOffset + 4, end - ipOffset - 40);
        }
        if (protocol == 17) {
            put16(l4Offset + 4, end - l4Offset);
        }
        if (checksumAt >= 0) {
            put16(l4Offset + checksumAt, 0);
            int pseudo = protocol == 1 ? 0 : pseudoHeader(end - l4Offset, protocol);
            int c = ~sum(l4Offset, end - l4Offset, pseudo) & 0xffff;
            put16(l4Offset + checksumAt, protocol == 17 && c == 0 ? 0xffff : c);
        }
        ipVersion = 0;
        return pad(end);
    }

    /** Zero-pads a frame ending at {@code end} to the Ethernet minimum; returns the frame length. */
    int pad(int end) {
        for (int i = end; i < MIN_FRAME; i++) {
            buf[i] = 0;
        }
        return Math.max(end, MIN_FRAME);
    }

    /** RFC 793 / RFC 8200 section 8.1 pseudo-header sum: addresses, protocol, upper-layer length. */
    private int pseudoHeader(int l4Length, int protocol) {
        int s = ipVersion == 4 ? sum(ipOffset + 12, 8, 0) : sum(ipOffset + 8, 32, 0);
        return s + protocol + l4Length;
    }

    /** RFC 1071 one's-complement sum of {@code len} bytes, folded to 16 bits. */
    private int sum(int off, int len, int initial) {
        long s = initial;
        int i = off;
        for (; i + 1 < off + len; i += 2) {
            s += ((buf[i] & 0xff) << 8) | (buf[i + 1] & 0xff);
        }
        if (i < off + len) {
            s += (buf[i] & 0xff) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    void putMac(int off, long mac) {
        put16(off, (int) (mac >>> 32));
        put32(off + 2, (int) mac);
    }

    void put16(int off, int v) {
        buf[off] = (byte) (v >>> 8);
        buf[off + 1] = (byte) v;
    }

    void put32(int off, int v) {
        put16(off, v >>> 16);
        put16(off + 2, v);
    }

    void put64(int off, long v) {
        put32(off, (int) (v >>> 32));
        put32(off + 4, (int) v);
    }
}
