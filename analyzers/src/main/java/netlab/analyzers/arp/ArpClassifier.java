package netlab.analyzers.arp;

import netlab.capture.decode.DecodeFailure;
import netlab.capture.decode.PacketView;
import netlab.capture.decode.Protocol;

/**
 * Classifies one decoded frame's ARP packet into a bit set of kinds, with Wireshark's definitions
 * (packet-arp.c): gratuitous is a request or reply whose sender IP equals its target IP; an announcement is a
 * gratuitous request with an all-zero target MAC (RFC 5227 section 2.3); a probe is a non-gratuitous request
 * with an all-zero target MAC and sender IP 0.0.0.0 (RFC 5227 section 2.1.1). Allocates nothing.
 */
public final class ArpClassifier {
    /** The frame carries no ARP (or RARP) layer. */
    public static final int NONE = 0;
    /** Opcode 1 (RFC 826 ares_op$REQUEST) on a well-formed Ethernet/IPv4 packet. */
    public static final int REQUEST = 1;
    /** Opcode 2 (ares_op$REPLY) on a well-formed Ethernet/IPv4 packet. */
    public static final int REPLY = 1 << 1;
    /** Sender IP equals target IP. */
    public static final int GRATUITOUS = 1 << 2;
    /** RFC 5227 probe. */
    public static final int PROBE = 1 << 3;
    /** RFC 5227 announcement. */
    public static final int ANNOUNCEMENT = 1 << 4;
    /** A request whose Ethernet destination is not broadcast (e.g. Linux re-validating a neighbour). */
    public static final int UNICAST_REQUEST = 1 << 5;
    /** A reply sent to the Ethernet broadcast address. */
    public static final int REPLY_TO_BROADCAST = 1 << 6;
    /** Ethernet source differs from the ARP sender MAC. */
    public static final int SENDER_MISMATCH = 1 << 7;
    /** Hardware type not 1 (Ethernet) or 6 (IEEE 802), protocol type not 0x0800, lengths not 6/4, or truncated. */
    public static final int MALFORMED = 1 << 8;
    /** Well formed, but RARP (EtherType 0x8035) or an opcode other than 1 and 2 (RARP, InARP, ...). */
    public static final int OTHER_OPCODE = 1 << 9;

    private static final long BROADCAST = 0xffff_ffff_ffffL;

    private ArpClassifier() {
    }

    /** The kinds of the frame's ARP packet, or {@link #NONE}. */
    public static int classify(PacketView v) {
        if (!v.has(Protocol.ARP)) {
            return NONE;
        }
        if (malformedReason(v) != null) {
            return MALFORMED;
        }
        int op = v.arpOpcode();
        if (v.etherType() != 0x0806 || (op != 1 && op != 2)) {
            return OTHER_OPCODE;
        }
        int kinds = op == 1 ? REQUEST : REPLY;
        int spa = v.arpSenderIp();
        boolean zeroTha = v.arpTargetMac() == 0;
        if (spa == v.arpTargetIp()) {
            kinds |= GRATUITOUS;
            if (op == 1 && zeroTha) {
                kinds |= ANNOUNCEMENT;
            }
        } else if (op == 1 && zeroTha && spa == 0) {
            kinds |= PROBE;
        }
        long dst = v.nearestDstMac();
        if (op == 1 && dst >= 0 && dst != BROADCAST) {
            kinds |= UNICAST_REQUEST;
        }
        if (op == 2 && dst == BROADCAST) {
            kinds |= REPLY_TO_BROADCAST;
        }
        if (v.nearestSrcMac() >= 0 && v.nearestSrcMac() != v.arpSenderMac()) {
            kinds |= SENDER_MISMATCH;
        }
        return kinds;
    }

    /** Why the ARP packet is malformed, or null when it is a complete Ethernet/IPv4 ARP packet. */
    public static String malformedReason(PacketView v) {
        DecodeFailure f = v.failure();
        if (f != null && f.protocol().equals(Protocol.ARP.shortName())) {
            return f.reason();
        }
        // RFC 1042 ARP over 802.2 LLC/SNAP (Cisco "arp snap", Token Ring bridges) says hardware type 6,
        // IEEE 802, with the same 6-byte MAC addresses: as well formed as Ethernet's 1.
        if (v.arpHwType() != 1 && v.arpHwType() != 6) {
            return "hardware type " + v.arpHwType() + ", not Ethernet (1) or IEEE 802 (6)";
        }
        if (v.arpProtoType() != 0x0800) {
            return String.format("protocol type 0x%04x, not IPv4", v.arpProtoType());
        }
        if (v.arpHwLen() != 6 || v.arpProtoLen() != 4) {
            return "address lengths " + v.arpHwLen() + "/" + v.arpProtoLen() + ", not 6/4";
        }
        if (!v.arpIsEthernetIpv4()) {
            return "truncated addresses";
        }
        return null;
    }

    /** True when every bit of {@code kind} is set in {@code kinds}. */
    public static boolean is(int kinds, int kind) {
        return (kinds & kind) == kind;
    }
}
