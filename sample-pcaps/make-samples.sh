#!/usr/bin/env bash
# Regenerates netlab's own sample captures from real traffic.
#
# Run as root: sudo sample-pcaps/make-samples.sh [capture-function...]
# With no argument every capture is rebuilt; otherwise only the named functions (e.g. cap_arp_icmp).
#
# All traffic stays inside network namespaces named nls-* and veth pairs/bridges created inside them;
# nothing is attached to the root namespace or to a real interface. Every process is bounded by
# `timeout`, and the EXIT trap kills what was started and deletes every nls-* namespace, so the script
# is idempotent: run it again and it starts from a clean slate, overwriting the captures.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-$HERE}
RAW="$HERE/scripts/rawframes.py"
P=nls
TMP=$(mktemp -d /tmp/nls-samples.XXXXXX)
PIDS=()
CAP_PID=

if [[ $(id -u) -ne 0 ]]; then
    echo "make-samples.sh must be run as root (it creates network namespaces)" >&2
    exit 1
fi

cleanup() {
    local pid ns
    for pid in "${PIDS[@]}" ${CAP_PID}; do
        kill "$pid" 2>/dev/null || true
    done
    sleep 0.2
    for ns in $(ip netns list | awk '{print $1}' | grep "^$P-" || true); do
        ip netns del "$ns"
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

log() { echo "== $*" >&2; }

# nsx NS CMD...: run CMD inside namespace nls-NS.
nsx() { local ns=$1; shift; ip netns exec "$P-$ns" "$@"; }

# ns_add NS [v6]: a fresh namespace with loopback up; IPv6 is disabled unless "v6" is given, so IPv4
# captures hold no router solicitations, MLD reports or DAD probes.
ns_add() {
    ip netns add "$P-$1"
    nsx "$1" ip link set lo up
    if [[ ${2:-} != v6 ]]; then
        nsx "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    fi
}

# veth NS1 IF1 MAC1 NS2 IF2 MAC2: a veth pair with fixed MACs, one end in each namespace, both up.
veth() {
    ip -n "$P-$1" link add "$2" address "$3" type veth peer name "$5" address "$6" netns "$P-$4"
    nsx "$1" ip link set "$2" up
    nsx "$4" ip link set "$5" up
}

# teardown: kill background helpers and delete all namespaces between captures.
teardown() {
    local pid ns
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    PIDS=()
    for ns in $(ip netns list | awk '{print $1}' | grep "^$P-" || true); do
        ip netns del "$ns"
    done
}

# cap_start NS IFACE FILE [tcpdump args...]: start tcpdump writing FILE and wait until it listens.
cap_start() {
    local ns=$1 ifc=$2 file=$3
    shift 3
    rm -f "$file"
    : >"$TMP/cap.err"
    timeout 120 ip netns exec "$P-$ns" tcpdump -i "$ifc" -n -U --immediate-mode -s 262144 -w "$file" "$@" 2>"$TMP/cap.err" &
    CAP_PID=$!
    wait_for_text "$TMP/cap.err" "listening on"
}

# cap_stop: let the last frames arrive (libpcap's TPACKET_V3 blocks retire after up to 1 s, which
# matters for dumpcap), then stop the capture with SIGINT (timeout relays it).
cap_stop() {
    sleep 1.5
    kill -INT "$CAP_PID"
    wait "$CAP_PID" || true
    CAP_PID=
    grep -E "captured|dropped" "$TMP/cap.err" >&2 || true
    if grep -qE "^[1-9][0-9]* packets dropped by kernel" "$TMP/cap.err"; then
        echo "tcpdump dropped frames" >&2
        exit 1
    fi
}

wait_for_text() {
    local i
    for i in $(seq 50); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1" >&2
    cat "$1" >&2
    exit 1
}

# two_hosts: nls-a (nl-a, 10.77.0.1, 02:00:00:00:00:01) <-> nls-b (nl-b, 10.77.0.2, 02:00:00:00:00:02).
two_hosts() {
    ns_add a "${1:-}"
    ns_add b "${1:-}"
    veth a nl-a 02:00:00:00:00:01 b nl-b 02:00:00:00:00:02
    nsx a ip addr add 10.77.0.1/24 dev nl-a
    nsx b ip addr add 10.77.0.2/24 dev nl-b
}

cap_arp_icmp() {
    log arp-icmp.pcap
    two_hosts
    cap_start b nl-b "$OUT/arp-icmp.pcap"
    nsx a timeout 10 ping -n -c 3 -i 0.2 10.77.0.2
    nsx a timeout 10 arping -c 2 -W 0.2 -i nl-a 10.77.0.2
    cap_stop
    teardown
}

cap_mixed_session() {
    log mixed-session.pcap
    ns_add srv
    ns_add cli
    veth srv nl-srv 02:00:00:00:00:01 cli nl-cli 02:00:00:00:00:02
    nsx srv ip addr add 10.77.0.1/24 dev nl-srv
    mkdir -p "$TMP/www"
    printf 'hello from netlab\n' >"$TMP/www/hello.txt"
    : >"$TMP/dnsmasq.log"
    timeout 60 ip netns exec "$P-srv" dnsmasq --no-daemon --conf-file=/dev/null --no-resolv --no-hosts \
        --bind-interfaces --interface=nl-srv --except-interface=lo --listen-address=10.77.0.1 \
        --pid-file="$TMP/dnsmasq.pid" --dhcp-leasefile="$TMP/dnsmasq.leases" --log-facility="$TMP/dnsmasq.log" \
        --log-dhcp --no-ping --dhcp-authoritative --user=root --group=root \
        --dhcp-range=10.77.0.100,10.77.0.150,255.255.255.0,1h --dhcp-host=02:00:00:00:00:02,10.77.0.2 \
        --dhcp-option=option:router,10.77.0.1 --dhcp-option=option:dns-server,10.77.0.1 \
        --domain=netlab.test --address=/nl-server.netlab.test/10.77.0.1 \
        --host-record=nl-web.netlab.test,10.77.0.1,fd77::1 2>>"$TMP/dnsmasq.log" &
    PIDS+=($!)
    timeout 60 ip netns exec "$P-srv" python3 -m http.server 80 --bind 10.77.0.1 --directory "$TMP/www" \
        >"$TMP/http.log" 2>&1 &
    PIDS+=($!)
    wait_for_text "$TMP/dnsmasq.log" "started"
    sleep 1
    cap_start srv nl-srv "$OUT/mixed-session.pcap"
    # DHCP (RFC 2131): DISCOVER, OFFER, REQUEST, ACK on the unconfigured client interface.
    nsx cli timeout 15 busybox udhcpc -i nl-cli -n -q -f -t 3 -T 2 -s /bin/true
    nsx cli ip addr add 10.77.0.2/24 dev nl-cli
    # DNS (RFC 1035) A and AAAA queries over UDP.
    nsx cli timeout 10 dig +tries=1 +time=3 +noedns @10.77.0.1 nl-web.netlab.test A
    nsx cli timeout 10 dig +tries=1 +time=3 +noedns @10.77.0.1 nl-web.netlab.test AAAA
    nsx cli timeout 10 dig +tries=1 +time=3 +noedns @10.77.0.1 nl-server.netlab.test A
    # HTTP/1.1 GET over TCP: handshake, request, response, teardown.
    nsx cli timeout 10 curl -sS --max-time 5 http://10.77.0.1/hello.txt
    cap_stop
    teardown
}

cap_vlan() {
    log vlan.pcap
    two_hosts
    cap_start b nl-b "$OUT/vlan.pcap"
    nsx a timeout 10 python3 "$RAW" nl-a vlan 02:00:00:00:00:01 02:00:00:00:00:02
    cap_stop
    teardown
}

cap_ipv6_nd() {
    log ipv6-nd.pcap
    ns_add a v6
    ns_add b v6
    # No router solicitations and no DAD, so the capture holds the neighbour discovery of the ping itself.
    for n in a b; do
        nsx $n sysctl -qw net.ipv6.conf.default.router_solicitations=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.default.dad_transmits=0
    done
    veth a nl-a 02:00:00:00:00:01 b nl-b 02:00:00:00:00:02
    nsx a ip addr add fd77::1/64 dev nl-a nodad
    nsx b ip addr add fd77::2/64 dev nl-b nodad
    sleep 2.5
    cap_start b nl-b "$OUT/ipv6-nd.pcap"
    nsx a timeout 10 ping -6 -n -c 3 -i 0.2 fd77::2
    cap_stop
    teardown
}

cap_two_interfaces() {
    log two-interfaces.pcapng
    ns_add a
    ns_add b
    ns_add c
    veth a nl-ab 02:00:00:00:00:01 b nl-b 02:00:00:00:00:02
    veth a nl-ac 02:00:00:00:00:03 c nl-c 02:00:00:00:00:04
    nsx a ip addr add 10.77.0.1/25 dev nl-ab
    nsx b ip addr add 10.77.0.2/25 dev nl-b
    nsx a ip addr add 10.77.0.129/25 dev nl-ac
    nsx c ip addr add 10.77.0.130/25 dev nl-c
    local file="$OUT/two-interfaces.pcapng"
    rm -f "$file"
    : >"$TMP/cap.err"
    timeout 60 ip netns exec "$P-a" dumpcap -q -i nl-ab -i nl-ac -w "$file" 2>"$TMP/cap.err" &
    CAP_PID=$!
    wait_for_text "$TMP/cap.err" "Capturing on"
    sleep 0.5
    nsx b timeout 10 ping -n -c 2 -i 0.2 10.77.0.1
    nsx c timeout 10 ping -n -c 2 -i 0.2 10.77.0.129
    cap_stop
    teardown
}

cap_nanosecond() {
    log nanosecond.pcap
    two_hosts
    cap_start b nl-b "$OUT/nanosecond.pcap" --time-stamp-precision=nano
    nsx a timeout 10 ping -n -c 2 -i 0.2 10.77.0.2
    cap_stop
    teardown
}

# truncated.pcap: arp-icmp.pcap cut in the middle of the data of record K+1, so exactly K whole frames
# precede the cut. K=5: ARP request, ARP reply, echo request/reply seq 1, echo request seq 2; the cut
# falls half-way through the data of record 6 (echo reply seq 2), after its complete 16-byte header.
TRUNCATED_WHOLE_FRAMES=5
cap_truncated() {
    log truncated.pcap
    python3 - "$OUT/arp-icmp.pcap" "$OUT/truncated.pcap" "$TRUNCATED_WHOLE_FRAMES" <<'EOF'
import struct, sys
src, dst, keep = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
assert data[:4] == b"\xd4\xc3\xb2\xa1", "expected a little-endian microsecond pcap"
offset = 24
for _ in range(keep):
    caplen = struct.unpack_from("<I", data, offset + 8)[0]
    offset += 16 + caplen
caplen = struct.unpack_from("<I", data, offset + 8)[0]
cut = offset + 16 + caplen // 2
open(dst, "wb").write(data[:cut])
print("truncated.pcap: %d whole frames, cut at byte %d inside a %d-byte record" % (keep, cut, caplen),
      file=sys.stderr)
EOF
}

# arp_lan: nls-br holds bridge nl-br0 with one port per host namespace (ports p-X); hosts are
# nls-a 10.77.0.1, nls-b 10.77.0.2, nls-c 10.77.0.3 with MACs 02:00:00:00:00:0N.
arp_lan() {
    ns_add br
    # A fixed MAC, and no multicast on the bridge device: otherwise it sends its own IGMPv3 report.
    nsx br ip link add nl-br0 address 02:00:00:00:01:00 type bridge mcast_snooping 0
    nsx br ip link set nl-br0 multicast off
    nsx br ip link set nl-br0 up
    local n i=1
    for n in "$@"; do
        ns_add "$n"
        veth "$n" "nl-$n" "02:00:00:00:00:0$i" br "p-$n" "02:00:00:00:01:0$i"
        nsx br ip link set "p-$n" master nl-br0
        nsx "$n" ip addr add "10.77.0.$i/24" dev "nl-$n"
        i=$((i + 1))
    done
    # Bridge ports start forwarding at once (no STP on this bridge).
    sleep 0.3
}

cap_arp_absent() {
    log arp-absent.pcap
    two_hosts
    cap_start b nl-b "$OUT/arp-absent.pcap"
    nsx a timeout 10 arping -c 3 -w 4 -i nl-a 10.77.0.99 || true
    cap_stop
    teardown
}

cap_arp_gratuitous() {
    log arp-gratuitous.pcap
    two_hosts
    cap_start b nl-b "$OUT/arp-gratuitous.pcap"
    # Gratuitous ARP request (sender IP == target IP), then gratuitous ARP reply (RFC 5227 section 3).
    nsx a timeout 10 arping -U -c 2 -W 0.2 -i nl-a -S 10.77.0.1 10.77.0.1 || true
    nsx a timeout 10 arping -U -P -c 2 -W 0.2 -i nl-a -S 10.77.0.1 10.77.0.1 || true
    # RFC 5227 section 2.1.1 probe: sender IP 0.0.0.0 asking for the address being claimed.
    nsx a timeout 10 arping -0 -c 2 -W 0.2 -i nl-a 10.77.0.5 || true
    cap_stop
    teardown
}

cap_arp_spoof() {
    log arp-spoof.pcap
    arp_lan a b c
    cap_start br p-a "$OUT/arp-spoof.pcap"
    nsx a timeout 10 ping -n -c 2 -i 0.2 10.77.0.2
    # C claims B's address 10.77.0.2 with its own MAC, unicast to A.
    nsx c timeout 10 python3 "$RAW" nl-c spoof 02:00:00:00:00:03 02:00:00:00:00:01 10.77.0.1 10.77.0.2 5
    nsx a ip neigh show dev nl-a >&2
    # While poisoned, A's echo request to B goes to C's MAC and C (not forwarding) stays silent.
    nsx a timeout 10 ping -n -c 1 -W 1 10.77.0.2 || true
    nsx a ip neigh flush dev nl-a
    nsx a timeout 10 ping -n -c 2 -i 0.2 10.77.0.2
    cap_stop
    teardown
}

cap_arp_burst() {
    log arp-burst.pcap
    two_hosts
    cap_start b nl-b "$OUT/arp-burst.pcap"
    nsx a timeout 10 python3 "$RAW" nl-a burst 02:00:00:00:00:01 10.77.0.1 200 0.05
    cap_stop
    teardown
}

cap_mac_flood() {
    log mac-flood.pcap
    two_hosts
    # A 32 MiB kernel buffer: 3000 frames in 1.5 s must not be dropped by the capture itself.
    cap_start b nl-b "$OUT/mac-flood.pcap" -B 32768
    nsx a timeout 20 python3 "$RAW" nl-a flood 3000
    cap_stop
    teardown
}

# cap_vxlan: the kernel's VXLAN (RFC 7348, VNI 42, UDP 4789) between nls-a and nls-b over the underlay veth;
# tenant addresses 10.78.0.1/.2 on the VXLAN devices (this kernel has no 802.1Q devices for an inner VLAN;
# decode/vxlan.pcap has tagged tenant frames). Captured on the underlay, so every tenant frame is inside VXLAN.
cap_vxlan() {
    log vxlan.pcap
    two_hosts
    local n
    for n in 1 2; do
        local ns=$([[ $n == 1 ]] && echo a || echo b) peer=$([[ $n == 1 ]] && echo 2 || echo 1)
        nsx "$ns" ip link add nl-vx address "02:00:00:00:01:0$n" type vxlan id 42 local "10.77.0.$n" \
            remote "10.77.0.$peer" dstport 4789
        nsx "$ns" ip link set nl-vx up
        nsx "$ns" ip addr add "10.78.0.$n/24" dev nl-vx
    done
    cap_start b nl-b "$OUT/vxlan.pcap"
    nsx a timeout 10 ping -n -c 2 -i 0.2 10.78.0.2
    cap_stop
    teardown
}

# cap_vxlan6: the same VXLAN (VNI 42, UDP 4789) over an IPv6 underlay, fd77::1 <-> fd77::2 (RFC 7348 section 5
# allows either outer IP version). The underlay has no DAD and no router solicitations, and IPv6 is off on the
# VXLAN devices, so the capture holds the underlay's neighbour discovery and the tenant's IPv4 only.
cap_vxlan6() {
    log vxlan6.pcap
    local n
    for n in a b; do
        ns_add "$n" v6
        nsx "$n" sysctl -qw net.ipv6.conf.default.router_solicitations=0 net.ipv6.conf.default.accept_dad=0 \
            net.ipv6.conf.default.dad_transmits=0
    done
    veth a nl-a 02:00:00:00:00:01 b nl-b 02:00:00:00:00:02
    nsx a ip addr add fd77::1/64 dev nl-a nodad
    nsx b ip addr add fd77::2/64 dev nl-b nodad
    for n in 1 2; do
        local ns=$([[ $n == 1 ]] && echo a || echo b) peer=$([[ $n == 1 ]] && echo 2 || echo 1)
        nsx "$ns" ip link add nl-vx address "02:00:00:00:01:0$n" type vxlan id 42 local "fd77::$n" \
            remote "fd77::$peer" dstport 4789
        nsx "$ns" sysctl -qw net.ipv6.conf.nl-vx.disable_ipv6=1
        nsx "$ns" ip link set nl-vx up
        nsx "$ns" ip addr add "10.78.0.$n/24" dev nl-vx
    done
    # Let the underlay's MLD reports for its solicited-node groups go out before the capture starts.
    sleep 2.5
    cap_start b nl-b "$OUT/vxlan6.pcap"
    nsx a timeout 10 ping -n -c 2 -i 0.2 10.78.0.2
    cap_stop
    teardown
}

# cap_vxlan_gbp: VXLAN with the Group Based Policy extension (draft-smith-vxlan-group-policy: G flag, 16-bit group
# policy id in the reserved bits), which the kernel fills from the lower 16 bits of the packet's mark: the echo
# requests carry SO_MARK 0x1234 (`ping -m`), the replies and the ARP frames no mark, so policy 0.
cap_vxlan_gbp() {
    log vxlan-gbp.pcap
    two_hosts
    local n
    for n in 1 2; do
        local ns=$([[ $n == 1 ]] && echo a || echo b) peer=$([[ $n == 1 ]] && echo 2 || echo 1)
        nsx "$ns" ip link add nl-vx address "02:00:00:00:01:0$n" type vxlan id 42 local "10.77.0.$n" \
            remote "10.77.0.$peer" dstport 4789 gbp
        nsx "$ns" ip link set nl-vx up
        nsx "$ns" ip addr add "10.78.0.$n/24" dev nl-vx
    done
    cap_start b nl-b "$OUT/vxlan-gbp.pcap"
    nsx a timeout 10 ping -n -c 2 -i 0.2 -m 4660 10.78.0.2
    cap_stop
    teardown
}

# cap_pppoe: PPPoE discovery (RFC 2516 section 5) between rp-pppoe's client and server (package pppoe):
# `pppoe -d` in nls-a sends PADI, takes the server's PADO, sends PADR and gets PADS for session 1, then
# exits. The server starts pppd for the session; a kernel without PPP (as this one) fails it, and the server
# ends the session with a PADT. Its AC-Cookie is derived from a random seed, so it changes from run to run.
cap_pppoe() {
    log pppoe-discovery.pcap
    two_hosts
    cap_start b nl-b "$OUT/pppoe-discovery.pcap"
    timeout 10 ip netns exec "$P-b" pppoe-server -F -I nl-b -C netlab-ac -S netlab -L 10.79.0.1 -R 10.79.0.2 \
        -N 1 >"$TMP/pppoe-server.log" 2>&1 &
    PIDS+=($!)
    sleep 0.5
    nsx a timeout 5 pppoe -I nl-a -d -S netlab
    sleep 1
    cap_stop
    teardown
}

ALL=(cap_arp_icmp cap_mixed_session cap_vlan cap_ipv6_nd cap_two_interfaces cap_nanosecond cap_truncated
    cap_arp_absent cap_arp_gratuitous cap_arp_spoof cap_arp_burst cap_mac_flood cap_vxlan
    cap_vxlan6 cap_vxlan_gbp cap_pppoe)
teardown
for f in "${@:-${ALL[@]}}"; do
    "$f"
done
# tcpdump drops root for the tcpdump user and dumpcap writes mode 0600: give the files to the
# repository's owner, readable by all.
chown --reference="$HERE" "$OUT"/*.pcap "$OUT"/*.pcapng
chmod 0644 "$OUT"/*.pcap "$OUT"/*.pcapng
log "done"
