#!/usr/bin/env python3
"""Turns tshark's per-frame fields for one capture into the expected-results JSON and TSV.

Usage: summarize.py REL_PATH FIELDS_TSV TSHARK_STDERR OUT_JSON OUT_TSV
(called by generate.sh; the field order is TSV_FIELDS then EXTRA_FIELDS of generate.sh).
"""
import collections
import datetime
import json
import os
import sys

BROADCAST = "ff:ff:ff:ff:ff:ff"


def rfc3339(epoch):
    """'1700000000.123456000' -> '2023-11-14T22:13:20.123456000Z', exact (no float rounding).

    None when the instant is outside RFC 3339's years 0000-9999 (pcapng-example.pcapng stores
    0xFFFFFFFFE1DFD279 microseconds, which tshark reads as unsigned: about year 586,000).
    """
    negative = epoch.startswith("-")
    whole, _, frac = epoch.lstrip("-").partition(".")
    frac = (frac + "000000000")[:9]
    seconds, nanos = int(whole), int(frac)
    if negative:
        seconds, nanos = -seconds - (1 if nanos else 0), (1_000_000_000 - nanos) % 1_000_000_000
    try:
        moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=seconds)
    except OverflowError:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + ".%09dZ" % nanos


def first(value):
    """First occurrence of a multi-occurrence field (the outermost header), or '' when absent."""
    return value.split(",")[0] if value else ""


def all_values(value):
    return [v for v in value.split(",") if v] if value else []


def scope_vlan(row):
    """The VLAN netlab scopes ARP by: the first tag of the frame the ARP travels in, i.e. the first tag after the
    last tunnelled Ethernet header (an eth after the outer one, an 802.1ah I-TAG, tshark's ieee8021ad layer when
    it carries an I-TAG), or the outermost tag when nothing is tunnelled (docs/decoding.md)."""
    path = row["frame.protocols"].split(":")
    folded = bool(row.get("ieee8021ah.isid"))
    boundary = 0
    for i, name in enumerate(path):
        if (name == "eth" and i > 0) or name == "ieee8021ah" or (name == "ieee8021ad" and folded):
            boundary = i
    seen = {"vlan": 0, "ieee8021ad": 0}
    for i, name in enumerate(path):
        if name not in seen:
            continue
        if i > boundary or (boundary == 0 and i > 0):
            values = all_values(row["vlan.id" if name == "vlan" else "ieee8021ad.id"])
            return values[seen[name]] if seen[name] < len(values) else ""
        seen[name] += 1
    return ""


def binding(row, opcode, bindings):
    """IP -> MACs that claimed it as ARP sender, in first-claim order: well-formed Ethernet/IPv4 ARP
    requests and replies only, never 0.0.0.0 or a zero or group sender MAC; keyed IP%VLAN (outer tag)
    when tagged, as netlab's analyze --json writes them (scope_vlan says which tag)."""
    if opcode not in ("1", "2") or first(row["arp.hw.type"]) != "1" or first(row["arp.proto.type"]) != "0x0800":
        return
    if first(row["arp.hw.size"]) != "6" or first(row["arp.proto.size"]) != "4":
        return
    ip, mac = first(row["arp.src.proto_ipv4"]), first(row["arp.src.hw_mac"])
    if not ip or not mac or ip == "0.0.0.0" or mac == "00:00:00:00:00:00" or int(mac[:2], 16) & 1:
        return
    vlan = scope_vlan(row)
    key = ip + ("%" + vlan if vlan and vlan != "0" else "")
    macs = bindings.setdefault(key, [])
    if mac not in macs:
        macs.append(mac)


def main(rel, fields_path, stderr_path, out_json, out_tsv):
    tsv_fields = os.environ["TSV_FIELDS_JOINED"].split()
    extra_fields = os.environ["EXTRA_FIELDS_JOINED"].split()
    names = tsv_fields + extra_fields
    rows = []
    with open(fields_path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            values = line.rstrip("\n").split("\t")
            values += [""] * (len(names) - len(values))
            rows.append(dict(zip(names, values)))
    stderr = open(stderr_path, encoding="utf-8", errors="replace").read()
    errors = [l for l in stderr.splitlines() if l.strip() and not l.startswith("Running as user")]
    if errors and not rows and "cut short" not in stderr:
        sys.exit("tshark cannot read %s: %s (add it to HANDWRITTEN in generate.sh)" % (rel, errors[0]))

    unicast = broadcast = multicast = 0
    src_macs = set()
    vlan_ids = set()
    requests = replies = 0
    bindings = {}
    protocols = collections.Counter()
    for row in rows:
        # 802.11 has no eth fields: its DA/SA (or a control frame's receiver/transmitter) are the frame's MACs.
        dst = first(row["eth.dst"]) or first(row["wlan.da"]) or first(row["wlan.ra"])
        if dst == BROADCAST:
            broadcast += 1
        elif dst and int(dst[:2], 16) & 1:
            multicast += 1
        elif dst:
            unicast += 1
        src = first(row["eth.src"]) or first(row["sll.src.eth"]) or first(row["wlan.sa"]) or first(row["wlan.ta"])
        if src:
            src_macs.add(src)
        for vid in all_values(row["vlan.id"]) + all_values(row["ieee8021ad.id"]):
            vlan_ids.add(int(vid))
        opcode = first(row["arp.opcode"])
        requests += opcode == "1"
        replies += opcode == "2"
        binding(row, opcode, bindings)
        path = [p for p in row["frame.protocols"].split(":") if p and p != "ethertype"]
        for depth in range(1, len(path) + 1):
            protocols[":".join(path[:depth])] += 1

    summary = {
        "file": rel,
        "frames": len(rows),
        "bytes": sum(int(r["frame.len"]) for r in rows),
        "captured_bytes": sum(int(r["frame.cap_len"]) for r in rows),
        "first_timestamp": rfc3339(rows[0]["frame.time_epoch"]) if rows else None,
        "last_timestamp": rfc3339(rows[-1]["frame.time_epoch"]) if rows else None,
        "first_epoch": rows[0]["frame.time_epoch"] if rows else None,
        "last_epoch": rows[-1]["frame.time_epoch"] if rows else None,
        "unicast_frames": unicast,
        "broadcast_frames": broadcast,
        "multicast_frames": multicast,
        "distinct_src_macs": len(src_macs),
        "vlan_ids": sorted(vlan_ids),
        "arp": {"requests": requests, "replies": replies, "bindings": bindings},
        "protocols": dict(sorted(protocols.items())),
    }
    if "cut short" in stderr:
        summary["truncated"] = True
    with open(out_json, "w") as handle:
        json.dump(summary, handle, indent=2)
        handle.write("\n")
    with open(out_tsv, "w") as handle:
        handle.write("\t".join(tsv_fields) + "\n")
        for row in rows:
            handle.write("\t".join(row[f] for f in tsv_fields) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
