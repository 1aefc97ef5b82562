#!/usr/bin/env python3
"""Writes sample-pcaps/decode/*.pcap: frames built byte by byte from the RFC/IEEE layouts, one file per link
type or encapsulation netlab decodes beyond Ethernet (issue 15), so tshark-derived goldens cover them.

Usage: sample-pcaps/scripts/decodeframes.py   (python3 only; writes files, sends nothing)
Every frame is fixed (no randomness, timestamps 1700000000 + frame index), so reruns are byte-identical.
"""
import os
import struct
import zlib

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "decode")


def pcap(name, linktype, frames):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, linktype))
        for i, b in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(b), len(b)))
            f.write(b)


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(src, dst, proto, payload, ident=1, flags=0, total=None):
    tl = 20 + len(payload) if total is None else total
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tl, ident, flags, 64, proto, 0, bytes(src), bytes(dst))
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def ip6(nh, payload):
    return (struct.pack("!IHBB", 0x60000000, len(payload), nh, 64)
            + bytes.fromhex("20010db8000000000000000000000001") + bytes.fromhex("20010db8000000000000000000000002")
            + payload)


def echo(ident=7, seq=1):
    b = bytearray(struct.pack("!BBHHH", 8, 0, 0, ident, seq) + b"abcdefgh")
    struct.pack_into("!H", b, 2, csum(bytes(b)))
    return bytes(b)


A, B = [10, 0, 0, 1], [10, 0, 0, 2]
ICMP = ip4(A, B, 1, echo())
ICMP6 = ip6(58, struct.pack("!BBHHH", 128, 0, 0, 9, 2) + b"pingping")
ETH = bytes.fromhex("000000000002000000000001")
ARP_REQ = bytes.fromhex("0001080006040001" "020000000001" "0a000001" "000000000000" "0a000002")
ARP_REP = bytes.fromhex("0001080006040002" "020000000002" "0a000002" "020000000001" "0a000001")


def tlv(t, v):
    n = 4 + len(v)
    return struct.pack("<HH", n, t) + v + b"\0" * (-n % 4)


def main():
    os.makedirs(OUT, exist_ok=True)
    pcap("null-loopback.pcap", 0, [struct.pack("<I", 2) + ICMP, struct.pack("<I", 30) + ICMP6])
    pcap("loop.pcap", 108, [struct.pack(">I", 2) + ICMP])
    pcap("raw-12.pcap", 12, [ICMP, ICMP6])
    pcap("raw-ipv4.pcap", 228, [ICMP])
    pcap("raw-ipv6.pcap", 229, [ICMP6])
    pcap("ppp.pcap", 9, [bytes.fromhex("ff030021") + ICMP, bytes.fromhex("ff030057") + ICMP6,
                         bytes.fromhex("ff03c021") + bytes.fromhex("01010004")])
    pcap("ppp-hdlc.pcap", 50, [bytes.fromhex("ff030021") + ICMP])
    session = bytes.fromhex("1100") + struct.pack("!HH", 0x1234, 2 + len(ICMP)) + bytes.fromhex("0021") + ICMP
    pcap("ppp-ether.pcap", 51, [session])
    padi = bytes.fromhex("1109") + struct.pack("!HH", 0, 8) + bytes.fromhex("01010000" "01030000")
    pcap("pppoe.pcap", 1, [ETH + bytes.fromhex("8863") + padi, ETH + bytes.fromhex("8864") + session])
    pcap("chdlc.pcap", 104, [bytes.fromhex("0f000800") + ICMP, bytes.fromhex("0f0086dd") + ICMP6])
    nflog = (bytes([2, 0]) + struct.pack(">H", 7) + tlv(1, struct.pack(">HBB", 0x0800, 1, 0)) + tlv(10, b"drop\0")
             + tlv(9, ICMP))
    pcap("nflog.pcap", 239, [nflog])
    bssid, sta1, sta2 = (bytes.fromhex(h) for h in ("02aabbccdd01", "020000000001", "020000000002"))
    snap_arp = bytes.fromhex("aaaa030000000806")
    from_ds = bytes.fromhex("0802") + b"\0\0" + b"\xff" * 6 + bssid + sta1 + b"\x10\x00" + snap_arp + ARP_REQ
    to_ds_qos = (bytes.fromhex("8801") + b"\0\0" + bssid + sta2 + sta1 + b"\x20\x00" + b"\0\0" + snap_arp + ARP_REP)
    beacon = (bytes.fromhex("8000") + b"\0\0" + b"\xff" * 6 + bssid + bssid + b"\x30\x00" + bytes(8)
              + struct.pack("<HH", 100, 0x0401) + bytes([0, 4]) + b"test")
    ack = bytes.fromhex("d400") + b"\0\0" + sta1
    ip_data = bytes.fromhex("0801") + b"\0\0" + bssid + sta1 + sta2 + b"\x40\x00" + bytes.fromhex("aaaa030000000800") + ICMP
    pcap("wlan.pcap", 105, [from_ds, to_ds_qos, beacon, ack, ip_data])
    rt = bytes.fromhex("0000") + struct.pack("<HI", 10, 0x06) + bytes([0x00, 0x02])
    rt_fcs = bytes.fromhex("0000") + struct.pack("<HI", 10, 0x06) + bytes([0x10, 0x02])
    fcs = lambda b: b + struct.pack("<I", zlib.crc32(b))
    pcap("radiotap.pcap", 127, [rt + from_ds, rt + to_ds_qos, rt + beacon, rt_fcs + fcs(from_ds), rt + ip_data])
    mpls = lambda label, bottom, ttl=64: struct.pack("!I", label << 12 | bottom << 8 | ttl)
    pw = bytes.fromhex("ffffffffffff" "020000000001" "0806") + ARP_REQ + bytes(18)
    pcap("mpls.pcap", 1, [ETH + bytes.fromhex("8847") + mpls(100, 1) + ICMP,
                          ETH + bytes.fromhex("8847") + mpls(200, 0) + mpls(300, 1) + ICMP6,
                          bytes.fromhex("020000000b02020000000a01") + bytes.fromhex("8847") + mpls(16, 1) + bytes(4) + pw,
                          bytes.fromhex("020000000b02020000000a01") + bytes.fromhex("8847") + mpls(17, 1) + pw])
    udp = struct.pack("!HHHH", 53, 33333, 1208, 0) + bytes.fromhex("1234818000010001000000010377777700000100")
    tcp = struct.pack("!HHIIBBHHH", 80, 40000, 1000, 2000, 0x50, 0x18, 502, 0, 0) + b"x" * 100
    ah = bytes([1, 4, 0, 0]) + struct.pack("!II", 0x1000, 5) + bytes(12)
    v4 = ETH + bytes.fromhex("0800")
    pcap("ip-tunnels.pcap", 1, [
        v4 + ip4(A, B, 17, udp, ident=0x4242, flags=0x2000),
        v4 + ip4(A, B, 6, tcp, total=0),
        v4 + ip4(A, B, 51, ah + echo()),
        v4 + ip4(A, B, 4, ip4([192, 168, 0, 1], [192, 168, 0, 2], 1, echo())),
        v4 + ip4(A, B, 41, ICMP6),
        v4 + ip4(A, B, 50, struct.pack("!II", 0x1001, 3) + bytes(32)),
        ETH + bytes.fromhex("86dd") + ip6(4, ICMP),
    ])
    pcap("l2-control.pcap", 1, l2_control())
    for name, frames in tunnels().items():
        pcap(name, 1, frames)


def l2_control():
    """LLDP, LACP, Marker, GVRP, MVRP, PTP, MACsec and EAPOL frames, one each (two for EAPOL)."""
    def lldp_tlv(t, v):
        return struct.pack("!H", (t << 9) | len(v)) + v
    src = bytes.fromhex("00163e112233")
    lldp = (lldp_tlv(1, b"\x04" + src) + lldp_tlv(2, b"\x05" + b"Gi1/0/7") + lldp_tlv(3, struct.pack("!H", 120))
            + lldp_tlv(4, b"uplink to core") + lldp_tlv(5, b"sw-access-1") + lldp_tlv(6, b"Example OS 1.2")
            + lldp_tlv(7, struct.pack("!HH", 0x0014, 0x0004))
            + lldp_tlv(8, bytes([5, 1, 192, 0, 2, 10, 2]) + struct.pack("!I", 7) + b"\x00")
            + lldp_tlv(127, bytes.fromhex("0080c2") + b"\x01" + struct.pack("!H", 10))
            + lldp_tlv(127, bytes.fromhex("0080c2") + b"\x03" + struct.pack("!H", 10) + b"\x05" + b"users")
            + lldp_tlv(0, b""))

    def party(t, sysmac, port):
        return struct.pack("!BBH", t, 20, 32768) + sysmac + struct.pack("!HHHB", 13, 32768, port, 0x3D) + b"\0\0\0"
    lacp = (bytes([1, 1]) + party(1, src, 7) + party(2, bytes.fromhex("00163e445566"), 3)
            + bytes([3, 16]) + struct.pack("!H", 50) + bytes(12) + bytes([0, 0]) + bytes(50))
    marker = bytes([2, 1, 1, 16]) + struct.pack("!H", 7) + src + struct.pack("!I", 1) + bytes(4) + bytes(90)
    garp = bytes.fromhex("424203") + bytes.fromhex("0001") + bytes([1, 4, 2]) + struct.pack("!H", 10) + bytes(2)
    mvrp = bytes([0, 1, 2]) + struct.pack("!H", 1) + struct.pack("!H", 10) + bytes([36]) + bytes(4)
    ptp = (bytes([0x00, 0x02]) + struct.pack("!H", 44) + bytes(2) + struct.pack("!H", 0x0200) + bytes(12)
           + bytes.fromhex("00163efffe112233") + struct.pack("!HH", 1, 77) + bytes(2) + bytes(10))
    sectag = bytes([0x2C, 0]) + struct.pack("!I", 5) + src + struct.pack("!H", 1)
    eap = bytes([1, 1]) + struct.pack("!H", 5) + bytes([1])
    pad = lambda b: b + bytes(max(0, 60 - len(b)))
    return [
        bytes.fromhex("0180c200000e") + src + bytes.fromhex("88cc") + lldp,
        bytes.fromhex("0180c2000002") + src + bytes.fromhex("8809") + lacp,
        bytes.fromhex("0180c2000002") + src + bytes.fromhex("8809") + marker,
        pad(bytes.fromhex("0180c2000021") + src + struct.pack("!H", len(garp)) + garp),
        pad(bytes.fromhex("0180c2000021") + src + bytes.fromhex("88f5") + mvrp),
        bytes.fromhex("011b19000000") + src + bytes.fromhex("88f7") + ptp,
        bytes.fromhex("00163e445566") + src + bytes.fromhex("88e5") + sectag + bytes(32),
        pad(bytes.fromhex("0180c2000003") + src + bytes.fromhex("888e") + bytes([2, 1, 0, 0])),
        pad(bytes.fromhex("0180c2000003") + src + bytes.fromhex("888e") + bytes([2, 0]) + struct.pack("!H", 5) + eap),
    ]


def fcs(frame):
    """The frame with its Ethernet FCS (CRC-32, least significant byte first)."""
    return frame + struct.pack("<I", zlib.crc32(frame))


def tunnels():
    """GRE, ERSPAN I/II/III, VXLAN, Geneve, 802.1ah, VN-Tag and FabricPath frames carrying ARP, VLANs and ICMP;
    PTP over UDP. Layouts: RFC 2784/2890/2637, draft-foschiano-erspan-03, RFC 7348, RFC 8926, IEEE 802.1Q-2018
    clause 9.7, Cisco's VN-Tag and FabricPath headers, IEEE 1588-2019 annex C."""
    arp_req = bytes.fromhex("ffffffffffff" "020000000001" "0806") + ARP_REQ
    arp_rep_vlan = bytes.fromhex("020000000001" "020000000002" "8100") + struct.pack("!H", 30) + bytes.fromhex("0806") + ARP_REP
    icmp_vlan = bytes.fromhex("020000000002" "020000000001" "8100") + struct.pack("!H", 0xA064) + bytes.fromhex("0800") + ICMP
    o1, o2 = [192, 0, 2, 1], [192, 0, 2, 2]
    v4 = ETH + bytes.fromhex("0800")

    def gre(flags_ver, proto, opt=b""):
        return struct.pack("!HH", flags_ver, proto) + opt

    def udp(sport, dport, payload):
        return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload

    def vxlan(vni, inner):
        return udp(53000, 4789, struct.pack("!II", 0x08000000, vni << 8) + inner)
    nested = ETH + bytes.fromhex("0800") + ip4([172, 16, 0, 1], [172, 16, 0, 2], 17, vxlan(7, arp_req))
    pptp = struct.pack("!HHI", 4 + len(ICMP), 0x1234, 5)
    erspan2 = struct.pack("!HHI", 0x1000 | 30, (5 << 13) | (2 << 11) | 100, 0x12345)
    erspan3 = (struct.pack("!HHIHH", 0x2000 | 30, (2 << 13) | 200, 0xDEADBEEF, 0x0ABC, (7 << 4) | (1 << 3) | (3 << 1) | 1)
               + struct.pack("!II", 1, 2))
    geneve_opt = struct.pack("!HBB", 0x0102, 0x80, 1) + b"abcd"
    ptp = (bytes([0x00, 0x02]) + struct.pack("!H", 44) + bytes(2) + struct.pack("!H", 0x0200) + bytes(12)
           + bytes.fromhex("00163efffe112233") + struct.pack("!HH", 1, 78) + bytes(2) + bytes(10))
    return {
        "gre.pcap": [
            v4 + ip4(o1, o2, 47, gre(0, 0x0800) + ICMP),
            v4 + ip4(o1, o2, 47, gre(0x2000, 0x6558, struct.pack("!I", 42)) + arp_req),
            v4 + ip4(o1, o2, 47, gre(0xB000, 0x6558, struct.pack("!HHII", 0, 0, 7, 1)) + arp_rep_vlan),
            ETH + bytes.fromhex("86dd") + ip6(47, gre(0, 0x86DD) + ICMP6),
            v4 + ip4(o1, o2, 47, gre(0x3001, 0x880B, pptp) + bytes.fromhex("ff030021") + ICMP),
            v4 + ip4(o1, o2, 47, gre(0x2081, 0x880B, struct.pack("!HHI", 0, 0x1234, 5))),
            v4 + ip4(o1, o2, 47, gre(0, 0x8847, struct.pack("!I", 100 << 12 | 1 << 8 | 64)) + ICMP),
            v4 + ip4(o1, o2, 47, gre(0, 0x6558) + nested),
        ],
        "erspan.pcap": [
            v4 + ip4(o1, o2, 47, gre(0, 0x88BE) + arp_req),
            v4 + ip4(o1, o2, 47, gre(0x1000, 0x88BE, struct.pack("!I", 9)) + erspan2 + arp_rep_vlan),
            v4 + ip4(o1, o2, 47, gre(0x1000, 0x22EB, struct.pack("!I", 10)) + erspan3 + icmp_vlan),
        ],
        "vxlan.pcap": [
            v4 + ip4(o1, o2, 17, vxlan(42, arp_req)),
            v4 + ip4(o1, o2, 17, vxlan(42, icmp_vlan)),
            v4 + ip4(o1, o2, 17, vxlan(43, arp_rep_vlan)),
        ],
        "geneve.pcap": [
            v4 + ip4(o1, o2, 17, udp(53002, 6081, struct.pack("!BBHI", 2, 0, 0x6558, 0x1234 << 8) + geneve_opt + arp_req)),
            v4 + ip4(o1, o2, 17, udp(53002, 6081, struct.pack("!BBHI", 0, 0, 0x0800, 0x1234 << 8) + ICMP)),
        ],
        "pbb.pcap": [
            bytes.fromhex("0200000000b2" "0200000000b1" "88a8") + struct.pack("!H", 100) + bytes.fromhex("88e7")
            + struct.pack("!I", 0x00010001) + arp_req[:12] + bytes.fromhex("8100") + struct.pack("!H", 20) + arp_req[12:],
            bytes.fromhex("0200000000b2" "0200000000b1" "88e7") + struct.pack("!I", 0x00010002) + arp_rep_vlan,
        ],
        "vntag.pcap": [
            arp_req[:12] + bytes.fromhex("8926") + struct.pack("!HH", 0x8000 | 5, 0x0007) + arp_req[12:],
            arp_rep_vlan[:12] + bytes.fromhex("8926") + struct.pack("!HH", 5, 0x0007) + arp_rep_vlan[12:],
        ],
        # FabricPath frames carry their FCS (tshark's cfp dissector takes the last 4 bytes as one).
        "fabricpath.pcap": [fcs(f) for f in (
            bytes.fromhex("010fffc10000" "0200010a0001" "8903") + struct.pack("!H", (1 << 6) | 32)
            + arp_req[:12] + bytes.fromhex("8100") + struct.pack("!H", 10) + arp_req[12:],
            bytes.fromhex("0200020b0002" "0200010a0001" "8903") + struct.pack("!H", (1 << 6) | 31) + arp_rep_vlan)],
        "ptp-udp.pcap": [
            ETH + bytes.fromhex("0800") + ip4(o1, [224, 0, 1, 129], 17, udp(319, 319, ptp)),
            ETH + bytes.fromhex("0800") + ip4(o1, [224, 0, 1, 129], 17, udp(320, 320, b"\x08" + ptp[1:])),
        ],
    }


if __name__ == "__main__":
    main()
