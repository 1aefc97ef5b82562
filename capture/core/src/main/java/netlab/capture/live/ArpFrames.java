package netlab.capture.live;

import netlab.capture.net.Ipv4Address;
import netlab.capture.net.MacAddress;

/**
 * Builds Ethernet/ARP frames for IPv4 (RFC 826). What comes back is read by the decoder ({@code PacketView}), the one
 * ARP parser.
 *
 * <p>Frames are 60 bytes: 14 of Ethernet header, 28 of ARP, 18 of zero padding to Ethernet's minimum
 * (IEEE 802.3 clause 3.2.8), which a veth or a NIC would otherwise leave to the driver.
 */
public final class ArpFrames {
    /** Length of every frame built here. */
    public static final int LENGTH = 60;
    /** Opcodes (RFC 826). */
    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int ARP = 14;

    private ArpFrames() {
    }

    /**
     * Fills {@code out} (at least 60 bytes) with one ARP packet in an Ethernet frame.
     *
     * @param ethDst Ethernet destination (broadcast for a request)
     * @param op     {@link #REQUEST} or {@link #REPLY}
     */
    public static void build(byte[] out, MacAddress ethDst, MacAddress sha, Ipv4Address spa, int op,
                             MacAddress tha, Ipv4Address tpa) {
        java.util.Arrays.fill(out, 0, LENGTH, (byte) 0);
        ethDst.write(out, 0);
        sha.write(out, 6);
        put16(out, 12, ETHERTYPE_ARP);
        put16(out, ARP, 1);                // hardware type Ethernet
        put16(out, ARP + 2, 0x0800);       // protocol type IPv4
        out[ARP + 4] = 6;
        out[ARP + 5] = 4;
        put16(out, ARP + 6, op);
        sha.write(out, ARP + 8);
        put32(out, ARP + 14, spa.bits());
        tha.write(out, ARP + 18);
        put32(out, ARP + 24, tpa.bits());
    }

    /** A who-has request for {@code target}, broadcast, target hardware address zero (RFC 826). */
    public static byte[] request(MacAddress sha, Ipv4Address spa, Ipv4Address target) {
        byte[] b = new byte[LENGTH];
        build(b, MacAddress.BROADCAST, sha, spa, REQUEST, MacAddress.ZERO, target);
        return b;
    }

    /** An RFC 5227 §2.1.1 probe: sender IP 0.0.0.0 so no neighbour cache learns a binding. */
    public static byte[] probe(MacAddress sha, Ipv4Address target) {
        return request(sha, Ipv4Address.ANY, target);
    }

    /**
     * A gratuitous announcement of {@code ip}: sender and target IP both {@code ip} (RFC 5227 §2.3); a
     * request has target hardware address zero, a reply (arping -A) carries the sender's own.
     */
    public static byte[] announce(MacAddress sha, Ipv4Address ip, boolean reply) {
        byte[] b = new byte[LENGTH];
        build(b, MacAddress.BROADCAST, sha, ip, reply ? REPLY : REQUEST, reply ? sha : MacAddress.ZERO, ip);
        return b;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        put16(b, at, v >>> 16);
        put16(b, at + 2, v);
    }
}
