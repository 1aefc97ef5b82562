#!/usr/bin/env bash
# Writes the expected results of every capture under sample-pcaps/, as computed by tshark.
#
# For sample-pcaps/<dir>/<name> it writes expected/<dir>__<name>.json (summary) and
# expected/<dir>__<name>.frames.tsv (one line per frame). Files tshark cannot read at all are listed in
# HANDWRITTEN and keep their hand-written JSON (no TSV). See sample-pcaps/README.md for every field.
#
# Usage: sample-pcaps/expected/generate.sh   (needs tshark and python3; no root, no network)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
HANDWRITTEN=("public/tcpdump/hoobr_juniper3.pcap")
# Captures with no expected-results file, because netlab and tshark 4.0 disagree on purpose or on a known
# gap (each still has reader and decoder tests): tshark decodes the IPv4 packet quoted inside ICMP errors
# (netlab stops at ICMP); the invalid fractional timestamps (1000000 us, 10^9 ns, 2^31 ns) are read
# differently by every tool.
EXCLUDED=("public/tcpdump/dhcp-rfc4388.pcap" "public/tcpdump/timestamp_invalid_micro.pcap"
    "public/tcpdump/timestamp_invalid_nano.pcap")

# Fields of the .frames.tsv, in order, then the extra fields the summary needs.
TSV_FIELDS=(frame.number frame.protocols eth.src eth.dst vlan.id arp.opcode ip.src ip.dst ipv6.src ipv6.dst
    tcp.srcport tcp.dstport udp.srcport udp.dstport icmp.type icmpv6.type)
EXTRA_FIELDS=(frame.len frame.cap_len frame.time_epoch sll.src.eth ieee8021ad.id arp.src.proto_ipv4 arp.src.hw_mac
    arp.hw.type arp.proto.type arp.hw.size arp.proto.size wlan.da wlan.sa wlan.ra wlan.ta ieee8021ah.isid)

export TSV_FIELDS_JOINED="${TSV_FIELDS[*]}"
export EXTRA_FIELDS_JOINED="${EXTRA_FIELDS[*]}"

cd "$ROOT"
find . -path ./expected -prune -o -type f \( -name '*.pcap' -o -name '*.pcapng' \) -print | sed 's|^\./||' | LC_ALL=C sort |
while read -r rel; do
    name=${rel//\//__}
    skip=no
    for h in "${HANDWRITTEN[@]}"; do
        [[ $rel == "$h" ]] && skip=yes
    done
    for h in "${EXCLUDED[@]}"; do
        [[ $rel == "$h" ]] && { rm -f "$HERE/$name.json" "$HERE/$name.frames.tsv"; continue 2; }
    done
    if [[ $skip == yes ]]; then
        [[ -f "$HERE/$name.json" ]] || { echo "missing hand-written $HERE/$name.json" >&2; exit 1; }
        echo "kept hand-written $name.json" >&2
        continue
    fi
    args=()
    for f in ${TSV_FIELDS_JOINED} ${EXTRA_FIELDS_JOINED}; do
        args+=(-e "$f")
    done
    # -n: no name resolution, so addresses stay numeric. tshark exits non-zero on a file cut short in
    # the middle of a record but still prints every frame before the cut; its message goes to stderr.
    tshark -n -r "$rel" -T fields -E separator=/t -E occurrence=a -E aggregator=, "${args[@]}" \
        >"$HERE/.fields.tmp" 2>"$HERE/.stderr.tmp" || true
    python3 "$HERE/summarize.py" "$rel" "$HERE/.fields.tmp" "$HERE/.stderr.tmp" \
        "$HERE/$name.json" "$HERE/$name.frames.tsv"
done
rm -f "$HERE/.fields.tmp" "$HERE/.stderr.tmp"
