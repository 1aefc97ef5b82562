package netlab.capture.decode;

import netlab.capture.Frame;

/**
 * The result of {@link Decoder#decode}: offsets and header values of one frame, as primitives.
 *
 * <p>Mutable and meant to be reused: one instance per decoding thread, overwritten by every
 * {@link Decoder#decode} call so that the hot path allocates nothing. Values are valid only until the
 * next call, and only as long as the frame's buffer is. All offsets are relative to the first captured
 * byte of the frame. Accessors of a layer that was not reached return -1 (or 0 for flags and counts).
 */
public final class PacketView {
    /** At most this many 802.1Q/802.1ad tags are stored; a ninth is a {@link DecodeFailure}. */
    public static final int MAX_VLAN_TAGS = 8;
    /** At most this many IPv6 extension headers are followed. */
    public static final int MAX_IPV6_EXTENSIONS = 16;
    /** At most this many IP headers (outer ones of IP-in-IP, 6in4, 4in6 tunnels included) are followed. */
    public static final int MAX_IP_HEADERS = 4;
    /**
     * At most this many Ethernet frames carried inside tunnels (GRE, ERSPAN, VXLAN, Geneve, 802.1ah, FabricPath,
     * MPLS pseudowires) are followed, nested or not; a deeper one is a {@link DecodeFailure}.
     */
    public static final int MAX_TUNNELLED_FRAMES = 4;
    private static final int MAX_DEPTH = 40;
    /** {@link #ipChecksumStatus} of a complete IPv4 header whose checksum nobody has asked about yet. */
    static final int CHECKSUM_PENDING = -1;

    Frame frame;
    byte[] data;
    int base;
    int captured;
    final int[] path = new int[MAX_DEPTH];
    /** Offset of each path entry's header, or -1 where the pass that pushed it keeps its own offset field. */
    final int[] pathOffset = new int[MAX_DEPTH];
    int depth;

    long srcMac;
    long dstMac;
    int sllPacketType;
    int sllHaType;
    final int[] vlanTci = new int[MAX_VLAN_TAGS];
    final int[] vlanTpid = new int[MAX_VLAN_TAGS];
    final int[] vlanOffset = new int[MAX_VLAN_TAGS];
    int vlanCount;
    int etherType;
    int llcOffset;
    int llcDsap;
    int llcSsap;
    int llcControl;

    int l3Offset;
    int ipVersion;
    int ipHeaderLength;
    int ipEnd;
    int ipDeclaredEnd;
    int ipv4Src;
    int ipv4Dst;
    int ipSrcOffset;
    int ipDstOffset;
    int ipProtocol;
    int ipTtl;
    boolean ipFragment;
    int ipChecksumStatus;
    /** Offset of the complete IPv4 header {@link #ipChecksumStatus} is about (an inner IPv6 header of 6in4 moves l3Offset). */
    int ipChecksumOffset;
    final int[] ipOffsets = new int[MAX_IP_HEADERS];
    int ipCount;
    final int[] extType = new int[MAX_IPV6_EXTENSIONS];
    final int[] extOffset = new int[MAX_IPV6_EXTENSIONS];
    int extCount;

    int arpHwType;
    int arpProtoType;
    int arpHwLen;
    int arpProtoLen;
    int arpOpcode;

    int l4Offset;
    int l4HeaderLength;
    int srcPort;
    int dstPort;
    int tcpFlags;
    long tcpSeq;
    long tcpAck;
    int icmpType;
    int icmpCode;

    int tunnelId;
    int wireEnd;
    long innerSrcMac;
    long innerDstMac;
    int innerEthOffset;
    final int[] innerEthOffsets = new int[MAX_TUNNELLED_FRAMES];
    int innerEthCount;
    /** Offset of the Ethernet header {@link #srcMac} and {@link #dstMac} come from (FabricPath moves it inward). */
    int linkEthOffset;

    int payloadOffset;
    int payloadLength;
    DecodeFailure failure;

    void reset(Frame f) {
        frame = f;
        data = f.data();
        base = f.offset();
        captured = f.capturedLength();
        depth = 0;
        srcMac = -1;
        dstMac = -1;
        sllPacketType = -1;
        sllHaType = -1;
        vlanCount = 0;
        etherType = -1;
        llcOffset = -1;
        llcDsap = -1;
        llcSsap = -1;
        llcControl = -1;
        l3Offset = -1;
        ipVersion = 0;
        ipHeaderLength = 0;
        ipEnd = -1;
        ipDeclaredEnd = -1;
        ipv4Src = 0;
        ipv4Dst = 0;
        ipSrcOffset = -1;
        ipDstOffset = -1;
        ipProtocol = -1;
        ipTtl = -1;
        ipFragment = false;
        ipChecksumStatus = 0;
        ipCount = 0;
        extCount = 0;
        arpHwType = -1;
        arpProtoType = -1;
        arpHwLen = -1;
        arpProtoLen = -1;
        arpOpcode = -1;
        l4Offset = -1;
        l4HeaderLength = 0;
        srcPort = -1;
        dstPort = -1;
        tcpFlags = 0;
        tcpSeq = -1;
        tcpAck = -1;
        icmpType = -1;
        icmpCode = -1;
        tunnelId = -1;
        wireEnd = -1;
        innerSrcMac = -1;
        innerDstMac = -1;
        innerEthOffset = -1;
        innerEthCount = 0;
        linkEthOffset = 0;
        payloadOffset = -1;
        payloadLength = 0;
        failure = null;
    }

    // ---- reading helpers (frame-relative offsets; callers check bounds with has()) ----

    boolean has(int off, int len) {
        return off >= 0 && len >= 0 && off <= captured - len;
    }

    int u8(int off) {
        return data[base + off] & 0xff;
    }

    int u16(int off) {
        return ((data[base + off] & 0xff) << 8) | (data[base + off + 1] & 0xff);
    }

    int s32(int off) {
        return (u16(off) << 16) | u16(off + 2);
    }

    long u32(int off) {
        return s32(off) & 0xffff_ffffL;
    }

    long mac(int off) {
        return ((long) u16(off) << 32) | u32(off + 2);
    }

    void push(Protocol p) {
        push(p, -1);
    }

    void push(Protocol p, int offset) {
        if (depth < MAX_DEPTH) {
            pathOffset[depth] = offset;
            path[depth++] = p.ordinal();
        }
    }

    /**
     * Records a tunnelled Ethernet frame at {@code off}; false (with the failure set) when it would be deeper
     * than {@link #MAX_TUNNELLED_FRAMES}.
     */
    boolean enterFrame(Protocol p, int off) {
        if (innerEthCount == MAX_TUNNELLED_FRAMES) {
            return fail(p, off, "more than " + MAX_TUNNELLED_FRAMES + " tunnelled Ethernet frames");
        }
        innerEthOffsets[innerEthCount++] = off;
        innerEthOffset = off;
        if (has(off, 12)) {
            innerDstMac = mac(off);
            innerSrcMac = mac(off + 6);
        }
        return true;
    }

    /** The declared end of the last IP datagram that starts before {@code off}, or the frame's wire end. */
    int enclosingEnd(int off) {
        for (int h = ipCount - 1; h >= 0; h--) {
            int ip = ipOffsets[h];
            if (ip < off) {
                int len = u8(ip) >>> 4 == 4 ? u16(ip + 2) : 40 + u16(ip + 4);
                return len == 0 ? frame.originalLength() : ip + len;
            }
        }
        return frame.originalLength();
    }

    void addIpHeader(int off) {
        ipOffsets[ipCount++] = off;
    }

    /** Records why decoding stopped; always returns false so decoders can {@code return fail(...)}. */
    boolean fail(Protocol p, int offset, String reason) {
        failure = new DecodeFailure(p.shortName(), p.osiLayer(), offset, reason);
        return false;
    }

    void payload(int off, int end) {
        payloadOffset = off;
        payloadLength = Math.max(0, end - off);
    }

    // ---- public accessors ----

    /** The frame last decoded into this view. */
    public Frame frame() {
        return frame;
    }

    /** Number of protocols in the path. */
    public int depth() {
        return depth;
    }

    /** The {@code i}-th protocol of the path, outermost first. */
    public Protocol protocol(int i) {
        if (i < 0 || i >= depth) {
            throw new IndexOutOfBoundsException(i);
        }
        return Protocol.of(path[i]);
    }

    /** Frame offset of the header of the {@code i}-th protocol of the path, or -1 when not recorded. */
    public int protocolOffset(int i) {
        if (i < 0 || i >= depth) {
            throw new IndexOutOfBoundsException(i);
        }
        return pathOffset[i];
    }

    /** The index in the path of the first {@code p} at or after {@code from}, or -1. */
    public int indexOf(Protocol p, int from) {
        int o = p.ordinal();
        for (int i = Math.max(0, from); i < depth; i++) {
            if (path[i] == o) {
                return i;
            }
        }
        return -1;
    }

    /** Number of IP headers (more than one for IP-in-IP, 6in4 and other IP tunnels); the typed IP accessors describe the last. */
    public int ipHeaderCount() {
        return ipCount;
    }

    /** Offset of IP header {@code i}, outermost first. */
    public int ipHeaderOffset(int i) {
        if (i < 0 || i >= ipCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return ipOffsets[i];
    }

    /** The innermost transport-layer protocol of the path (TCP, UDP, ICMP, ICMPv6, IGMP), or null. */
    Protocol transport() {
        for (int i = depth - 1; i >= 0; i--) {
            Protocol p = Protocol.of(path[i]);
            if (p == Protocol.TCP || p == Protocol.UDP || p == Protocol.ICMP || p == Protocol.ICMPV6 || p == Protocol.IGMP) {
                return p;
            }
        }
        return null;
    }

    /** True when {@code p} occurs in the path. */
    public boolean has(Protocol p) {
        int o = p.ordinal();
        for (int i = 0; i < depth; i++) {
            if (path[i] == o) {
                return true;
            }
        }
        return false;
    }

    /** The path as tshark prints {@code frame.protocols}, e.g. {@code eth:vlan:arp}; allocates, for display. */
    public String path() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Protocol.of(path[i]).shortName());
        }
        return sb.toString();
    }

    /** Source MAC (48 bits), or -1. */
    public long srcMac() {
        return srcMac;
    }

    /** Destination MAC (48 bits), or -1 (Linux SLL has none). */
    public long dstMac() {
        return dstMac;
    }

    /** Linux SLL packet type (0 to us, 4 outgoing, ...), or -1 for other link types. */
    public int sllPacketType() {
        return sllPacketType;
    }

    /** Number of 802.1Q/802.1ad tags decoded (at most {@link #MAX_VLAN_TAGS}). */
    public int vlanCount() {
        return vlanCount;
    }

    /** VLAN identifier of tag {@code i} (outermost is 0). */
    public int vlanId(int i) {
        return vlanTci[checkTag(i)] & 0xfff;
    }

    /** Priority code point of tag {@code i}. */
    public int vlanPriority(int i) {
        return vlanTci[checkTag(i)] >>> 13;
    }

    /** Drop-eligible indicator of tag {@code i}. */
    public boolean vlanDei(int i) {
        return (vlanTci[checkTag(i)] & 0x1000) != 0;
    }

    /** Tag protocol identifier of tag {@code i} (0x8100, 0x88a8 or 0x9100). */
    public int vlanTpid(int i) {
        return vlanTpid[checkTag(i)];
    }

    /** Frame offset of tag {@code i} (its TCI; the TPID is the two bytes before). */
    public int vlanOffset(int i) {
        return vlanOffset[checkTag(i)];
    }

    private int checkTag(int i) {
        if (i < 0 || i >= vlanCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return i;
    }

    /** The final EtherType after any tags, or -1 (802.3 length frame, or none). */
    public int etherType() {
        return etherType;
    }

    /** Offset of the 802.2 LLC header, or -1. */
    public int llcOffset() {
        return llcOffset;
    }

    /** LLC destination SAP, or -1. */
    public int llcDsap() {
        return llcDsap;
    }

    /** LLC source SAP, or -1. */
    public int llcSsap() {
        return llcSsap;
    }

    /** LLC control field (one or two bytes), or -1. */
    public int llcControl() {
        return llcControl;
    }

    /** Offset of the network-layer header (ARP, IPv4, IPv6), or -1. */
    public int l3Offset() {
        return l3Offset;
    }

    /** 4, 6, or 0 when the frame carries no IP. */
    public int ipVersion() {
        return ipVersion;
    }

    /** IPv4 header length including options, or IPv6 fixed header plus extension headers. */
    public int ipHeaderLength() {
        return ipHeaderLength;
    }

    /** Exclusive end of the IP datagram within the captured bytes (total/payload length applied). */
    public int ipEnd() {
        return ipEnd;
    }

    /** IPv4 source address bits (0 unless IPv4). */
    public int ipv4Src() {
        return ipv4Src;
    }

    /** IPv4 destination address bits (0 unless IPv4). */
    public int ipv4Dst() {
        return ipv4Dst;
    }

    /** Offset of the source address (4 or 16 bytes by {@link #ipVersion()}), or -1. */
    public int ipSrcOffset() {
        return ipSrcOffset;
    }

    /** Offset of the destination address, or -1. */
    public int ipDstOffset() {
        return ipDstOffset;
    }

    /** The upper-layer protocol number after any IPv6 extension headers, or -1. */
    public int ipProtocol() {
        return ipProtocol;
    }

    /** IPv4 TTL or IPv6 hop limit, or -1. */
    public int ipTtl() {
        return ipTtl;
    }

    /** True for any fragment (MF set or offset != 0). */
    public boolean ipFragment() {
        return ipFragment;
    }

    /** IPv4 header checksum: 0 not checked (no complete IPv4 header), 1 good, 2 bad; computed on the first call. */
    public int ipChecksumStatus() {
        if (ipChecksumStatus == CHECKSUM_PENDING) {
            int ihl = (u8(ipChecksumOffset) & 0xf) * 4;
            ipChecksumStatus = Ipv4.checksum(this, ipChecksumOffset, ihl) == 0 ? 1 : 2;
        }
        return ipChecksumStatus;
    }

    /** Number of IPv6 extension headers followed. */
    public int ipv6ExtensionCount() {
        return extCount;
    }

    /** IPv6 next-header value that introduced extension header {@code i}. */
    public int ipv6ExtensionType(int i) {
        return extType[i];
    }

    /** Offset of IPv6 extension header {@code i}. */
    public int ipv6ExtensionOffset(int i) {
        return extOffset[i];
    }

    /** ARP opcode, or -1. */
    public int arpOpcode() {
        return arpOpcode;
    }

    /** ARP hardware type, or -1. */
    public int arpHwType() {
        return arpHwType;
    }

    /** ARP protocol type, or -1. */
    public int arpProtoType() {
        return arpProtoType;
    }

    /** ARP hardware address length, or -1. */
    public int arpHwLen() {
        return arpHwLen;
    }

    /** ARP protocol address length, or -1. */
    public int arpProtoLen() {
        return arpProtoLen;
    }

    /** True when the ARP packet carries 6-byte hardware and IPv4 addresses, so the typed accessors apply. */
    public boolean arpIsEthernetIpv4() {
        return arpHwLen == 6 && arpProtoLen == 4 && arpProtoType == 0x0800 && has(l3Offset, 28);
    }

    /** Sender hardware address; valid when {@link #arpIsEthernetIpv4()}, else -1. */
    public long arpSenderMac() {
        return arpIsEthernetIpv4() ? mac(l3Offset + 8) : -1;
    }

    /** Sender IPv4 address bits; valid when {@link #arpIsEthernetIpv4()}, else 0. */
    public int arpSenderIp() {
        return arpIsEthernetIpv4() ? s32(l3Offset + 14) : 0;
    }

    /** Target hardware address; valid when {@link #arpIsEthernetIpv4()}, else -1. */
    public long arpTargetMac() {
        return arpIsEthernetIpv4() ? mac(l3Offset + 18) : -1;
    }

    /** Target IPv4 address bits; valid when {@link #arpIsEthernetIpv4()}, else 0. */
    public int arpTargetIp() {
        return arpIsEthernetIpv4() ? s32(l3Offset + 24) : 0;
    }

    /** Offset of the transport (or ICMP/IGMP) header, or -1. */
    public int l4Offset() {
        return l4Offset;
    }

    /** Bytes of the transport header (TCP data offset * 4, 8 for UDP), or 0. */
    public int l4HeaderLength() {
        return l4HeaderLength;
    }

    /** TCP/UDP source port, or -1. */
    public int srcPort() {
        return srcPort;
    }

    /** TCP/UDP destination port, or -1. */
    public int dstPort() {
        return dstPort;
    }

    /** TCP flag bits (FIN 0x01 ... CWR 0x80, AE 0x100), or 0. */
    public int tcpFlags() {
        return tcpFlags;
    }

    /** TCP sequence number (unsigned), or -1. */
    public long tcpSeq() {
        return tcpSeq;
    }

    /** TCP acknowledgement number (unsigned), or -1. */
    public long tcpAck() {
        return tcpAck;
    }

    /** ICMP or ICMPv6 type, or -1. */
    public int icmpType() {
        return icmpType;
    }

    /** ICMP or ICMPv6 code, or -1. */
    public int icmpCode() {
        return icmpCode;
    }

    /**
     * The identifier of the innermost tunnel that names one: the first MPLS label, the VXLAN or Geneve VNI, the
     * 802.1ah I-SID or the ERSPAN session id; -1 when none does.
     */
    public int tunnelId() {
        return tunnelId;
    }

    /** Source MAC of an Ethernet frame carried inside a tunnel (MPLS pseudowire, ...), or -1. */
    public long innerSrcMac() {
        return innerSrcMac;
    }

    /** Destination MAC of an Ethernet frame carried inside a tunnel, or -1. */
    public long innerDstMac() {
        return innerDstMac;
    }

    /** Offset of the innermost Ethernet header carried inside a tunnel, or -1. */
    public int innerEthernetOffset() {
        return innerEthOffset;
    }

    /**
     * True when the network layer travels in a tunnelled Ethernet frame, not in the one {@link #srcMac()} names
     * (VXLAN, GRE bridging, 802.1ah, ...; not FabricPath, whose classical frame is the link frame).
     */
    public boolean carriesInnerFrame() {
        return innerEthOffset >= 0 && innerEthOffset != linkEthOffset;
    }

    /** Number of Ethernet frames carried inside tunnels (at most {@link #MAX_TUNNELLED_FRAMES}). */
    public int innerEthernetCount() {
        return innerEthCount;
    }

    /** Offset of tunnelled Ethernet frame {@code i}, outermost first (802.1ah: the customer addresses). */
    public int innerEthernetOffset(int i) {
        if (i < 0 || i >= innerEthCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return innerEthOffsets[i];
    }

    /**
     * The VLAN of the frame {@link #srcMac()} belongs to: its first tag before any tunnelled frame, or 0 when
     * untagged. MAC-table scope.
     */
    public int linkVlanId() {
        int next = Integer.MAX_VALUE;
        for (int i = 0; i < innerEthCount; i++) {
            if (innerEthOffsets[i] > linkEthOffset) {
                next = innerEthOffsets[i];
                break;
            }
        }
        return firstTag(linkEthOffset, next);
    }

    /** The VLAN of the innermost Ethernet frame (the one ARP and IP travel in): its first tag, or 0. ARP scope. */
    public int nearestVlanId() {
        return firstTag(Math.max(linkEthOffset, innerEthOffset), Integer.MAX_VALUE);
    }

    private int firstTag(int after, int before) {
        for (int i = 0; i < vlanCount; i++) {
            if (vlanOffset[i] > after && vlanOffset[i] < before) {
                return vlanTci[i] & 0xfff;
            }
        }
        return 0;
    }

    /** The source MAC of the Ethernet header nearest the network layer: the tunnelled one if any, else {@link #srcMac()}. */
    public long nearestSrcMac() {
        return innerEthOffset >= 0 ? innerSrcMac : srcMac;
    }

    /** The destination MAC nearest the network layer, as {@link #nearestSrcMac()}. */
    public long nearestDstMac() {
        return innerEthOffset >= 0 ? innerDstMac : dstMac;
    }

    /** Offset of the innermost payload netlab did not decode further, or -1. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** Captured bytes of that payload (trailers beyond the IP/UDP length excluded). */
    public int payloadLength() {
        return payloadLength;
    }

    /** Why decoding stopped early, or {@code null} when every layer decoded. */
    public DecodeFailure failure() {
        return failure;
    }
}
