#!/usr/bin/env python3
"""Writes the hostile capture corpus beside this script, and EXPECTED.tsv with the outcome each file must give.

Run from anywhere: python3 generate.py. The files are committed; rerun only to change the corpus, then
review the diff of EXPECTED.tsv. Offsets come from how each file is laid out here, not from netlab.

EXPECTED.tsv columns:
  file     name in this directory
  frames   frames a reader returns before the damage (all frames when the file is whole)
  outcome  OK, or the CaptureFormatException kind the reader throws after those frames
  offset   byte offset the error names (- for OK)
  exit     exit code of `netlab read FILE` and `netlab analyze --json FILE`
           (0 ok, 4 not a capture netlab can read, 5 damaged part-way)
  why      what the file is
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))

# 00:11:22:33:44:55 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42:
#   Request who-has 10.0.0.2 tell 10.0.0.1, length 28
ARP = bytes.fromhex("ffffffffffff0011223344550806" "0001080006040001" "001122334455" "0a000001"
                    "000000000000" "0a000002")

rows = []


def emit(name, data, frames, outcome, offset, exit_code, why):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
    rows.append((name, str(frames), outcome, "-" if offset is None else str(offset), str(exit_code), why))


def u32(v):
    return struct.pack("<I", v & 0xFFFFFFFF)


# ---- classic pcap, little-endian, microseconds: header 24 bytes, ARP records of 58 at 24, 82, 140.

def ghdr(major=2, snap=65535, linktype=1, magic=0xA1B2C3D4):
    return struct.pack("<IHHiIII", magic, major, 4, 0, 0, snap, linktype)


def rec(data=ARP, caplen=None, origlen=None, sec=1_700_000_000, usec=0):
    caplen = len(data) if caplen is None else caplen
    origlen = len(data) if origlen is None else origlen
    return u32(sec) + u32(usec) + u32(caplen) + u32(origlen) + data


R1, R2, R3 = rec(usec=1), rec(usec=2), rec(usec=3)
emit("empty.pcap", b"", 0, "NOT_A_CAPTURE", 0, 4, "zero bytes")
emit("bad-magic.pcap", b"<html><body>not a capture</body></html>\n", 0, "NOT_A_CAPTURE", 0, 4,
     "an HTML page saved as .pcap")
emit("truncated-global-header.pcap", ghdr()[:10], 0, "TRUNCATED", 0, 5, "10 of the 24 header bytes")
emit("version-3.pcap", ghdr(major=3) + R1, 0, "UNSUPPORTED", 4, 4, "major version 3")
emit("truncated-record-header.pcap", ghdr() + R1 + R2[:7], 1, "TRUNCATED", 82, 5,
     "second record header cut after 7 bytes")
emit("truncated-record-data.pcap", ghdr() + R1 + R2[:16 + 20], 1, "TRUNCATED", 82, 5,
     "second record holds 20 of its 42 bytes")
emit("caplen-above-snaplen.pcap", ghdr(snap=32) + R1 + R2, 2, "OK", None, 0,
     "42-byte records under a 32-byte snaplen: kept whole")
emit("caplen-above-max.pcap", ghdr() + R1 + rec(caplen=262_145), 1, "MALFORMED", 82, 5,
     "caplen 262145, above max(262144, snaplen)")
emit("caplen-2p31.pcap", ghdr() + R1 + rec(caplen=1 << 31), 1, "MALFORMED", 82, 5, "caplen 2^31")
emit("caplen-minus-1.pcap", ghdr() + R1 + rec(caplen=0xFFFFFFFF), 1, "MALFORMED", 82, 5,
     "caplen 0xffffffff (-1 as a signed int)")
emit("origlen-minus-1.pcap", ghdr() + R1 + rec(origlen=0xFFFFFFFF), 2, "OK", None, 0,
     "original length 0xffffffff: saturates, not an error")
emit("zero-lengths.pcap", ghdr() + R1 + rec(b"", 0, 0) + rec(b"", 0, 60) + R3, 4, "OK", None, 0,
     "records with caplen 0 (origlen 0 and 60) between two whole ones")
emit("zero-length-records-repeated.pcap", ghdr() + rec(b"", 0, 0) * 1000 + R1, 1001, "OK", None, 0,
     "1000 empty records then one frame: each record still advances 16 bytes, so it ends")
emit("snaplen-huge.pcap", ghdr(snap=0xFFFFFFFF) + R1 + R2, 2, "OK", None, 0, "snaplen 0xffffffff read as 262144")
emit("snaplen-zero.pcap", ghdr(snap=0) + R1 + R2, 2, "OK", None, 0, "snaplen 0 read as 262144")
emit("linktype-unknown.pcap", ghdr(linktype=147) + R1 + R2, 2, "OK", None, 4,
     "link type 147 (USER0): readable, but netlab does not decode it")
emit("linktype-65535.pcap", ghdr(linktype=0xFFFF) + R1, 1, "OK", None, 4, "link type 65535")
emit("linktype-fcs-bits.pcap", ghdr(linktype=0x30000001) + R1 + R2, 2, "OK", None, 0,
     "Ethernet with FCS-length flag bits above bit 15 (as hoobr_juniper3.pcap)")

# ---- pcapng, little-endian: SHB 28 at 0, IDB 20 at 28, EPBs of 76 (42 data + 2 pad) at 48, 124, 200.


def shb(major=1, bom=0x1A2B3C4D, length=28):
    return u32(0x0A0D0D0A) + u32(length) + u32(bom) + struct.pack("<HH", major, 0) + u32(-1) + u32(-1) + u32(length)


def idb(linktype=1, snap=0, options=b""):
    total = 20 + len(options)
    return u32(1) + u32(total) + struct.pack("<HH", linktype, 0) + u32(snap) + options + u32(total)


def tsresol(value):
    return struct.pack("<HH", 9, 1) + bytes([value, 0, 0, 0]) + u32(0)


def epb(iface=0, units=1_700_000_000_000_000, data=ARP, caplen=None, total=None, trailer=None):
    pad = (-len(data)) % 4
    real = 32 + len(data) + pad
    total = real if total is None else total
    trailer = total if trailer is None else trailer
    caplen = len(data) if caplen is None else caplen
    return (u32(6) + u32(total) + u32(iface) + u32(units >> 32) + u32(units) + u32(caplen) + u32(len(data))
            + data + b"\0" * pad + u32(trailer))


HEAD = shb() + idb()
E1, E2, E3 = epb(units=1_700_000_000_000_001), epb(units=1_700_000_000_000_002), epb(units=1_700_000_000_000_003)
emit("ng-whole.pcapng", HEAD + E1 + E2 + E3, 3, "OK", None, 0, "reference: three ARP frames")
emit("ng-truncated-shb.pcapng", shb()[:20], 0, "TRUNCATED", 0, 5, "section header cut after 20 of 28 bytes")
emit("ng-bad-byte-order.pcapng", shb(bom=0x11223344) + idb() + E1, 0, "MALFORMED", 8, 5,
     "byte-order magic 0x11223344")
emit("ng-version-2.pcapng", shb(major=2) + idb() + E1, 0, "UNSUPPORTED", 12, 4, "pcapng major version 2")
emit("ng-block-length-not-multiple-of-4.pcapng", HEAD + E1 + epb(total=77) + E3, 1, "MALFORMED", 124, 5,
     "second EPB's total length 77")
emit("ng-block-length-too-small.pcapng", HEAD + E1 + epb(total=8) + E3, 1, "MALFORMED", 124, 5,
     "second EPB's total length 8, below any block's 12")
emit("ng-block-length-below-epb-minimum.pcapng", HEAD + E1 + epb(total=28) + E3, 1, "MALFORMED", 124, 5,
     "second EPB's total length 28, below the EPB's 32")
emit("ng-block-length-past-eof.pcapng", HEAD + E1 + epb(total=1000) + E3, 1, "TRUNCATED", 124, 5,
     "second EPB claims 1000 bytes; the file ends first")
emit("ng-block-length-above-16mib.pcapng", HEAD + E1 + epb(total=(16 << 20) + 4) + E3, 1, "MALFORMED", 124, 5,
     "second EPB claims 16 MiB + 4: refused before any allocation")
emit("ng-block-length-zero.pcapng", HEAD + E1 + epb(total=0) + E3, 1, "MALFORMED", 124, 5,
     "total length 0: a naive reader would re-read the same block forever")
emit("ng-block-length-backwards.pcapng", HEAD + E1 + epb(total=-16) + E3, 1, "MALFORMED", 124, 5,
     "total length 0xfffffff0 (-16 signed): would send a naive reader backwards")
emit("ng-trailing-length-mismatch.pcapng", HEAD + E1 + epb(trailer=80) + E3, 1, "MALFORMED", 124, 5,
     "second EPB's trailing length 80 differs from its 76")
emit("ng-truncated-block-header.pcapng", HEAD + E1 + E2[:5], 1, "TRUNCATED", 124, 5,
     "5 bytes of a block header after the first EPB")
emit("ng-no-interface.pcapng", shb() + E1, 0, "MALFORMED", 28, 5, "an EPB in a section with no interface")
emit("ng-epb-unknown-interface.pcapng", HEAD + E1 + epb(iface=7) + E3, 1, "MALFORMED", 124, 5,
     "second EPB names interface 7 of 1")
emit("ng-epb-interface-2p32-1.pcapng", HEAD + E1 + epb(iface=0xFFFFFFFF), 1, "MALFORMED", 124, 5,
     "EPB names interface 0xffffffff")
emit("ng-second-section-no-interface.pcapng", HEAD + E1 + shb() + E2, 1, "MALFORMED", 152, 5,
     "a second section (at 124) whose EPB names interface 0, which that section never declares")
emit("ng-spb-no-interface.pcapng", shb() + u32(3) + u32(60) + u32(42) + ARP + b"\0\0" + u32(60), 0,
     "MALFORMED", 28, 5, "a simple packet block with no interface")
emit("ng-caplen-past-block.pcapng", HEAD + E1 + epb(caplen=1000) + E3, 1, "MALFORMED", 124, 5,
     "EPB caplen 1000 in a 76-byte block")
emit("ng-caplen-2p31.pcapng", HEAD + E1 + epb(caplen=1 << 31) + E3, 1, "MALFORMED", 124, 5, "EPB caplen 2^31")
for res in (0, 63, 255):
    emit(f"ng-tsresol-{res}.pcapng", shb() + idb(options=tsresol(res)) + E1 + E2, 2, "OK", None, 0,
         f"if_tsresol {res}: timestamps saturate or round, the file reads")
emit("ng-option-past-block.pcapng", shb() + idb(options=struct.pack("<HH", 2, 200) + b"abcd") + E1, 0,
     "MALFORMED", 44, 5, "if_name option claiming 200 bytes in a 28-byte IDB")
emit("ng-tsresol-wrong-size.pcapng", shb() + idb(options=struct.pack("<HH", 9, 2) + b"\x06\x06\0\0") + E1, 0,
     "MALFORMED", 44, 5, "if_tsresol of 2 bytes")
emit("ng-empty-blocks-repeated.pcapng", HEAD + (u32(0x0BAD) + u32(12) + u32(12)) * 1000 + E1, 1, "OK", None, 0,
     "1000 empty 12-byte unknown blocks, then a frame: each advances 12 bytes, so it ends")
emit("ng-linktype-unknown.pcapng", shb() + idb(linktype=147) + E1, 1, "OK", None, 4,
     "first interface has link type 147 (USER0)")
emit("ng-idb-snaplen-2p31.pcapng", shb() + idb(snap=1 << 31) + E1 + E2, 2, "OK", None, 0,
     "interface snaplen 2^31 read as 0 (none)")

# ---- gzip-compressed captures (RFC 1952), read transparently: offsets are in the decompressed capture.
# Stored deflate blocks (RFC 1951 §3.2.4: a byte with BFINAL and BTYPE 00, LEN, NLEN, the bytes) keep every
# byte's position known; the gzip header is 10 bytes (no name, mtime 0), the trailer CRC-32 and ISIZE.
import zlib


def stored(data, final=True, bad_nlen=False):
    nlen = (~len(data) & 0xFFFF) ^ (1 if bad_nlen else 0)
    return bytes([1 if final else 0]) + struct.pack("<HH", len(data), nlen) + data


def gz(*blocks, data=None, crc=None, trailer=True):
    body = b"".join(blocks)
    raw = data if data is not None else b""
    head = bytes([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3])
    tail = struct.pack("<II", zlib.crc32(raw) if crc is None else crc, len(raw) & 0xFFFFFFFF)
    return head + body + (tail if trailer else b"")


WHOLE = ghdr() + R1 + R2 + R3
emit("gz-whole.pcap.gz", gz(stored(WHOLE), data=WHOLE), 3, "OK", None, 0, "a whole pcap, gzip-compressed")
emit("gz-ng-whole.pcapng.gz", gz(stored(HEAD + E1 + E2 + E3), data=HEAD + E1 + E2 + E3), 3, "OK", None, 0,
     "a whole pcapng, gzip-compressed")
emit("gz-concatenated.pcap.gz", gz(stored(ghdr() + R1), data=ghdr() + R1) + gz(stored(R2 + R3), data=R2 + R3),
     3, "OK", None, 0, "two gzip members (RFC 1952 2.2), read one after the other")
emit("gz-trailing-garbage.pcap.gz", gz(stored(WHOLE), data=WHOLE) + b"garbage", 3, "OK", None, 0,
     "bytes after the last member that are no gzip header are ignored, as gzip -d does")
emit("gz-cut-in-record.pcap.gz", gz(stored(WHOLE), data=WHOLE)[:10 + 5 + 82 + 20], 1, "TRUNCATED", 102, 5,
     "the compressed file ends 20 bytes into the second record")
emit("gz-no-trailer.pcap.gz", gz(stored(WHOLE), data=WHOLE, trailer=False), 3, "TRUNCATED", 198, 5,
     "every frame, but the gzip trailer (CRC-32, size) is missing")
emit("gz-crc-mismatch.pcap.gz", gz(stored(WHOLE), data=WHOLE, crc=0xDEADBEEF), 3, "MALFORMED", 198, 5,
     "the trailer's CRC-32 does not match the data")
# The inflater fails the whole read that meets the bad block, so frames decompressed in that same read (at
# most GzipInput's 64 KiB) are lost with it: here the first block's frame.
emit("gz-bad-stored-block.pcap.gz", gz(stored(ghdr() + R1, final=False), stored(R2 + R3, bad_nlen=True)), 0,
     "MALFORMED", 0, 5, "the second deflate block's NLEN is not the complement of LEN")
emit("gz-method-9.pcap.gz", bytes([0x1F, 0x8B, 9, 0, 0, 0, 0, 0, 0, 3]) + stored(WHOLE), 0, "NOT_A_CAPTURE", 0,
     4, "gzip magic with compression method 9 (only 8, deflate, exists)")
emit("gz-magic-only.pcap.gz", bytes([0x1F, 0x8B]), 0, "TRUNCATED", 0, 5, "the two gzip magic bytes and nothing else")
emit("gz-of-nothing.pcap.gz", gz(stored(b""), data=b""), 0, "NOT_A_CAPTURE", 0, 4, "a gzip of zero bytes")
emit("gz-of-html.pcap.gz", gz(stored(b"<html>x</html>"), data=b"<html>x</html>"), 0, "NOT_A_CAPTURE", 0, 4,
     "a gzip of an HTML page")

def tsoffset(seconds):
    return struct.pack("<HHq", 14, 8, seconds) + u32(0)


emit("ng-tsoffset-min.pcapng", shb() + idb(options=tsoffset(-(1 << 63))) + E1 + E2, 2, "OK", None, 0,
     "if_tsoffset -2^63 s: times saturate at the earliest instant, not wrap to an offset of 0")

with open(os.path.join(HERE, "EXPECTED.tsv"), "w") as f:
    f.write("file\tframes\toutcome\toffset\texit\twhy\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(f"{len(rows)} files")
