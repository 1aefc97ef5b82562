#!/usr/bin/env python3
"""Hand-built Ethernet frames for netlab's sample captures, sent through an AF_PACKET raw socket.

Only ever run inside a network namespace created by make-samples.sh, on a veth it created:
the interface name is an argument and nothing here looks at any other interface.

Usage: rawframes.py IFACE SCENARIO [args...]
  vlan    SRC_MAC PEER_MAC            802.1Q / QinQ / untagged ARP and ICMP frames
  spoof   SRC_MAC VICTIM_MAC VICTIM_IP CLAIMED_IP COUNT
                                      forged ARP replies "CLAIMED_IP is-at SRC_MAC" to the victim
  burst   SRC_MAC SRC_IP COUNT SECONDS
                                      COUNT broadcast ARP requests for random targets in 10.77.0.0/24
  flood   COUNT                       COUNT minimal IPv4/TCP SYN frames with random source MACs (macof-style)

Every random choice comes from random.Random(7754) so the frame contents are reproducible.
"""
import random
import socket
import struct
import sys
import time

SEED = 7754
BROADCAST = b"\xff" * 6


def mac(text):
    return bytes(int(part, 16) for part in text.split(":"))


def ip4(text):
    return socket.inet_aton(text)


def checksum(data):
    """RFC 1071 Internet checksum."""
    if len(data) % 2:
        data += b"\x00"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def tag(tpid, pcp, vid):
    """One VLAN tag: TPID then TCI (PCP 3 bits, DEI 1 bit, VID 12 bits), IEEE 802.1Q-2018 section 9.6."""
    return struct.pack("!HH", tpid, (pcp << 13) | vid)


def arp(op, sha, spa, tha, tpa):
    """RFC 826 ARP body for Ethernet/IPv4."""
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + sha + ip4(spa) + tha + ip4(tpa)


def ipv4(src, dst, proto, payload, ident=0, ttl=64):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0x4000, ttl, proto, 0,
                         ip4(src), ip4(dst))
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def icmp_echo(icmp_type, ident, seq, data):
    body = struct.pack("!BBHHH", icmp_type, 0, 0, ident, seq) + data
    return body[:2] + struct.pack("!H", checksum(body)) + body[4:]


def pad(frame):
    """Pads to the 60-byte Ethernet minimum (without FCS), as a NIC would on the wire."""
    return frame + b"\x00" * max(0, 60 - len(frame))


def ether(dst, src, tags, ethertype, payload):
    return pad(dst + src + b"".join(tags) + struct.pack("!H", ethertype) + payload)


def vlan_frames(src, peer):
    zero = b"\x00" * 6
    frames = []
    # ARP request and reply on VLAN 10 (C-tag, TPID 0x8100).
    frames.append(ether(BROADCAST, src, [tag(0x8100, 0, 10)], 0x0806,
                        arp(1, src, "10.77.10.1", zero, "10.77.10.2")))
    frames.append(ether(src, peer, [tag(0x8100, 0, 10)], 0x0806,
                        arp(2, peer, "10.77.10.2", src, "10.77.10.1")))
    # ICMP echo request and reply on VLAN 20 with 802.1p priority 5.
    data = bytes(range(32))
    frames.append(ether(peer, src, [tag(0x8100, 5, 20)], 0x0800,
                        ipv4("10.77.20.1", "10.77.20.2", 1, icmp_echo(8, 0x4e4c, 1, data), ident=1)))
    frames.append(ether(src, peer, [tag(0x8100, 5, 20)], 0x0800,
                        ipv4("10.77.20.2", "10.77.20.1", 1, icmp_echo(0, 0x4e4c, 1, data), ident=2)))
    # QinQ (IEEE 802.1ad): S-tag TPID 0x88a8 VID 100 outside a C-tag 0x8100 VID 10, carrying ARP.
    frames.append(ether(BROADCAST, src, [tag(0x88A8, 0, 100), tag(0x8100, 0, 10)], 0x0806,
                        arp(1, src, "10.77.10.1", zero, "10.77.10.3")))
    # Untagged ARP request.
    frames.append(ether(BROADCAST, src, [], 0x0806, arp(1, src, "10.77.0.1", zero, "10.77.0.2")))
    return frames


def spoof_frames(src, victim_mac, victim_ip, claimed_ip, count):
    return [ether(victim_mac, src, [], 0x0806, arp(2, src, claimed_ip, victim_mac, victim_ip))
            for _ in range(count)]


def burst_frames(src, src_ip, count):
    rng = random.Random(SEED)
    zero = b"\x00" * 6
    return [ether(BROADCAST, src, [], 0x0806, arp(1, src, src_ip, zero, "10.77.0.%d" % rng.randint(3, 254)))
            for _ in range(count)]


def random_unicast_mac(rng):
    """Random locally administered unicast MAC: bit 1 of the first octet set, bit 0 clear (IEEE 802 8.2)."""
    first = (rng.randrange(256) | 0x02) & 0xFE
    return bytes([first] + [rng.randrange(256) for _ in range(5)])


def flood_frames(count):
    rng = random.Random(SEED)
    frames = []
    for _ in range(count):
        src = random_unicast_mac(rng)
        dst = random_unicast_mac(rng)
        sip = "10.77.%d.%d" % (rng.randrange(256), rng.randrange(1, 255))
        dip = "10.77.%d.%d" % (rng.randrange(256), rng.randrange(1, 255))
        tcp = struct.pack("!HHIIBBHHH", rng.randrange(1024, 65536), rng.randrange(1, 1024),
                          rng.randrange(1 << 32), 0, 5 << 4, 0x02, 512, 0, 0)
        frames.append(ether(dst, src, [], 0x0800, ipv4(sip, dip, 6, tcp, ident=rng.randrange(65536))))
    return frames


def send(iface, frames, seconds=0.0):
    """Sends frames spread evenly over `seconds` (busy-waiting, so sub-millisecond spacing holds)."""
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((iface, 0))
    gap = seconds / max(1, len(frames))
    start = time.perf_counter()
    for index, frame in enumerate(frames):
        due = start + index * gap
        while time.perf_counter() < due:
            pass
        sock.send(frame)
    sock.close()


def main(argv):
    iface, scenario, args = argv[1], argv[2], argv[3:]
    if scenario == "vlan":
        send(iface, vlan_frames(mac(args[0]), mac(args[1])), 0.3)
    elif scenario == "spoof":
        send(iface, spoof_frames(mac(args[0]), mac(args[1]), args[2], args[3], int(args[4])),
             0.2 * int(args[4]))
    elif scenario == "burst":
        send(iface, burst_frames(mac(args[0]), args[1], int(args[2])), float(args[3]))
    elif scenario == "flood":
        send(iface, flood_frames(int(args[0])), 1.5)
    else:
        sys.exit("unknown scenario " + scenario)


if __name__ == "__main__":
    main(sys.argv)
