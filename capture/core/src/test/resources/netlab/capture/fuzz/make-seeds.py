#!/usr/bin/env python3
"""Writes the seed inputs of CaptureFuzzTest from the bundled captures: python3 make-seeds.py

CaptureFuzzTestInputs/<method>/ holds what Jazzer replays in every plain test run and starts from when
fuzzing. Seeds are named seed-*; crash inputs a fuzzing run finds land beside them as crash-* and are
kept. Sources: sample-pcaps/, its decode/ frames (link types, tunnels, L2 control protocols) and the public
captures in sample-pcaps/public/, plus the hostile corpus.
  captureFile  whole capture files of at most 4 KiB
  frame        single frames, prefixed by the link-type selector byte CaptureFuzzTest.frame reads
  dns          DNS, mDNS and LLMNR payloads over UDP (and DNS over TCP), prefixed by the selector byte
"""
import glob
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../../../../../../.."))
INPUTS = os.path.join(HERE, "CaptureFuzzTestInputs")
# Index in CaptureFuzzTest.LINK_TYPES.
SELECTOR = {1: 0, 113: 1, 276: 2, 101: 3, 12: 4, 0: 5}
DNS_PORTS = {53: 0, 5353: 1, 5355: 2}


def captures():
    paths = sorted(glob.glob(os.path.join(ROOT, "sample-pcaps", "*.pcap*")))
    paths += sorted(glob.glob(os.path.join(ROOT, "sample-pcaps", "decode", "*.pcap")))
    paths += sorted(glob.glob(os.path.join(ROOT, "sample-pcaps", "public", "**", "*.pcap*"), recursive=True))
    return [p for p in paths if p.endswith((".pcap", ".pcapng"))]


def frames(data):
    """(link type, frame bytes) of a pcap or pcapng file, stopping quietly at any damage."""
    if len(data) < 24:
        return
    magic = data[:4]
    if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\xa1\xb2\x3c\x4d"):
        e = "<" if magic[0] in (0xD4, 0x4D) else ">"
        lt = struct.unpack(e + "I", data[20:24])[0] & 0xFFFF
        p = 24
        while p + 16 <= len(data):
            cap = struct.unpack(e + "I", data[p + 8:p + 12])[0]
            if p + 16 + cap > len(data):
                return
            yield lt, data[p + 16:p + 16 + cap]
            p += 16 + cap
    elif magic == b"\x0a\x0d\x0d\x0a":
        e = "<" if data[8:12] == b"\x4d\x3c\x2b\x1a" else ">"
        links, p = [], 0
        while p + 12 <= len(data):
            btype, total = struct.unpack(e + "II", data[p:p + 8])
            if total < 12 or p + total > len(data):
                return
            if btype == 0x0A0D0D0A:
                links = []
            elif btype == 1:
                links.append(struct.unpack(e + "H", data[p + 8:p + 10])[0])
            elif btype == 6 and total >= 32:
                iface, _, _, cap = struct.unpack(e + "IIII", data[p + 8:p + 24])
                if iface < len(links) and 28 + cap <= total:
                    yield links[iface], data[p + 28:p + 28 + cap]
            p += total


def dns_payload(frame):
    """(selector byte, DNS bytes) of an Ethernet/IPv4 or IPv6 UDP or TCP frame on a DNS port, else None."""
    if len(frame) < 14:
        return None
    etype, p = struct.unpack(">H", frame[12:14])[0], 14
    while etype in (0x8100, 0x88A8) and len(frame) >= p + 4:
        etype, p = struct.unpack(">H", frame[p + 2:p + 4])[0], p + 4
    if etype == 0x0800 and len(frame) >= p + 20:
        proto, p = frame[p + 9], p + (frame[p] & 0xF) * 4
    elif etype == 0x86DD and len(frame) >= p + 40:
        proto, p = frame[p + 6], p + 40
    else:
        return None
    if len(frame) < p + 8:
        return None
    sport, dport = struct.unpack(">HH", frame[p:p + 4])
    port = sport if sport in DNS_PORTS else dport
    if port not in DNS_PORTS:
        return None
    if proto == 17:
        return DNS_PORTS[port], frame[p + 8:]
    if proto == 6 and port == 53:
        payload = frame[p + (frame[p + 12] >> 4) * 4:]
        return (0x80, payload) if len(payload) > 2 else None
    return None


def write(method, name, data):
    d = os.path.join(INPUTS, method)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def main():
    for d in glob.glob(os.path.join(INPUTS, "*", "seed-*")):
        os.remove(d)
    dns_seen = set()
    for path in captures():
        data = open(path, "rb").read()
        base = os.path.basename(path)
        if len(data) <= 4096:
            write("captureFile", base, data)
        lengths = set()
        for lt, frame in frames(data):
            if lt in SELECTOR and len(frame) not in lengths and len(lengths) < 3 and len(frame) <= 2048:
                lengths.add(len(frame))
                write("frame", f"{base}-{len(frame)}", bytes([SELECTOR[lt]]) + frame)
            found = dns_payload(frame) if lt == 1 else None
            if found and len(dns_seen) < 40:
                seed = bytes([found[0]]) + found[1]
                digest = hashlib.sha1(seed).hexdigest()[:10]
                if digest not in dns_seen:
                    dns_seen.add(digest)
                    write("dns", f"{base}-{digest}", seed)
    for path in sorted(glob.glob(os.path.join(ROOT, "capture/core/src/test/resources/hostile/*.pcap*"))):
        data = open(path, "rb").read()
        if 0 < len(data) <= 4096:
            write("captureFile", "hostile-" + os.path.basename(path), data)
    for m in ("captureFile", "frame", "dns"):
        print(m, len(glob.glob(os.path.join(INPUTS, m, "seed-*"))))


main()
