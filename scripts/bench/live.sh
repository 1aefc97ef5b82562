#!/usr/bin/env bash
# Live-capture benchmark (issue 5): does `netlab capture -w` drop more than `tcpdump -w` at a given rate?
#
#   scripts/bench/live.sh [--frames N] [--rates "100000 200000 400000 800000 max"] [--settle SECONDS]
#                         [--pin none|same] [--out FILE]
#
# Builds netlab (./netlab --version), creates two network namespaces joined by a veth pair of its own
# (unique names; removed by a trap on any exit), and for each offered rate sends a bounded burst of N
# 60-byte Ethernet frames (EtherType 0x88b5, IEEE local experimental) from one namespace while, in the
# other, one capturer writes them to a file. The capturers run alternately, one per burst:
#   netlab    : netlab capture VETH -w FILE -q ether proto 0x88b5        (its default buffer, 64 MiB)
#   tcpdump-B : tcpdump -i VETH -w FILE -B 65536 ether proto 0x88b5      (same buffer, for fairness)
#   tcpdump   : tcpdump -i VETH -w FILE ether proto 0x88b5               (libpcap's default, 2 MiB)
# Each capturer is started, the burst begins once it prints "listening on", it is stopped with SIGINT
# --settle seconds after the burst, and the frames in its file are counted: dropped = sent - in file.
# The receiving veth's rx_packets delta is reported too ("delivered"), so that a loss before the
# capture socket (the kernel's netdev backlog) is not blamed on the capturer.
#
# The sender: pktgen when /proc/net/pktgen exists (the module is loaded); otherwise, as on the machines
# netlab is built on (no pktgen module), a small C program compiled here with gcc: sendmmsg() batches
# on an AF_PACKET socket bound to the veth, paced by a token bucket on CLOCK_MONOTONIC ("max": unpaced).
# The sender's CPU also runs the veth receive path (netif_rx, BPF filter, copy into the capture ring), so
# on a 2-core box "max" is bounded by the sender, and a capturer that burns more CPU slows it down: the
# achieved rate per run is reported. --pin same puts the sender and the capturer on CPU 0 (taskset), a
# contended case where the capturer competes with the sender for one core.
# Every step is bounded by timeout(1). Nothing is sent outside the namespaces created here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
frames=1000000
rates="100000 200000 400000 800000 max"
settle=2
pin=none
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --pin) pin="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--frames N] [--rates \"R1 R2 ... max\"] [--settle SECONDS] [--pin none|same] [--out FILE]" >&2; exit 64 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "live.sh: needs root (network namespaces, raw sockets)" >&2; exit 77; }
case "$pin" in
  none) pincmd=() ;;
  same) pincmd=(taskset -c 0) ;;
  *) echo "live.sh: --pin none|same" >&2; exit 64 ;;
esac
for tool in ip tcpdump gcc timeout java; do
  command -v "$tool" >/dev/null || { echo "live.sh: needs $tool" >&2; exit 69; }
done

echo "live.sh: building netlab..." >&2
timeout 900 "$root/netlab" --version >/dev/null

id="$$"
nsa="nlbench-tx-$id"
nsb="nlbench-rx-$id"
vtx="nlbt$id"
vrx="nlbr$id"
work="$(mktemp -d /tmp/netlab-live.XXXXXX)"
capture_pid=""
cleanup() {
  if [ -n "$capture_pid" ]; then kill -TERM "$capture_pid" 2>/dev/null || true; fi
  ip netns pids "$nsa" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
  ip netns pids "$nsb" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
  ip netns del "$nsa" 2>/dev/null || true
  ip netns del "$nsb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The veth pair is created inside the first namespace, so it never exists in the root namespace.
ip netns add "$nsa"
ip netns add "$nsb"
ip -n "$nsa" link add "$vtx" type veth peer name "$vrx" netns "$nsb"
for ns in "$nsa" "$nsb"; do
  # No IPv6 autoconfiguration chatter on the test link (per-namespace sysctl).
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
ip -n "$nsa" link set "$vtx" up
ip -n "$nsb" link set "$vrx" up
ip -n "$nsa" link set lo up
ip -n "$nsb" link set lo up

cat > "$work/send.c" <<'CEOF'
/* Bounded, paced sender of 60-byte frames on an AF_PACKET socket: send IFACE COUNT RATE(0 = max). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#define BATCH 64
#define LEN 60

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: send IFACE COUNT RATE\n"); return 64; }
  unsigned ifindex = if_nametoindex(argv[1]);
  long count = atol(argv[2]);
  double rate = atof(argv[3]);
  if (ifindex == 0) { perror("if_nametoindex"); return 1; }
  int fd = socket(AF_PACKET, SOCK_RAW, 0);
  if (fd < 0) { perror("socket"); return 1; }
  struct sockaddr_ll sll = {0};
  sll.sll_family = AF_PACKET;
  sll.sll_ifindex = (int) ifindex;
  sll.sll_protocol = 0;
  if (bind(fd, (struct sockaddr *) &sll, sizeof sll) < 0) { perror("bind"); return 1; }
  static unsigned char buf[BATCH][LEN];
  struct iovec iov[BATCH];
  struct mmsghdr msg[BATCH];
  memset(msg, 0, sizeof msg);
  for (int i = 0; i < BATCH; i++) {
    memset(buf[i], 0, LEN);
    memset(buf[i], 0xff, 6);                                   /* broadcast destination */
    memcpy(buf[i] + 6, "\x02\x00\x00\x00\x88\xb5", 6);         /* locally administered source */
    buf[i][12] = 0x88; buf[i][13] = 0xb5;                      /* IEEE 802 local experimental */
    iov[i].iov_base = buf[i];
    iov[i].iov_len = LEN;
    msg[i].msg_hdr.msg_iov = &iov[i];
    msg[i].msg_hdr.msg_iovlen = 1;
  }
  /* Small batches at low rates keep the offered load smooth rather than bursty. */
  int batch = rate <= 0 ? BATCH : (int) (rate / 20000);
  if (batch < 1) batch = 1;
  if (batch > BATCH) batch = BATCH;
  long sent = 0, retries = 0;
  double start = now();
  while (sent < count) {
    if (rate > 0) {
      double due = start + (sent + batch) / rate;   /* when the bucket holds the next batch */
      double t = now();
      if (t < due) {
        double d = due - t;
        struct timespec ts = { (time_t) d, (long) ((d - (time_t) d) * 1e9) };
        if (d > 50e-6) nanosleep(&ts, NULL);
        continue;
      }
    }
    int n = (int) (count - sent < batch ? count - sent : batch);
    for (int i = 0; i < n; i++) {                               /* sequence number in the payload */
      uint32_t seq = htonl((uint32_t) (sent + i));
      memcpy(buf[i] + 14, &seq, 4);
    }
    int r = sendmmsg(fd, msg, (unsigned) n, 0);
    if (r < 0) {
      if (errno == ENOBUFS || errno == EAGAIN || errno == EINTR) { retries++; continue; }
      perror("sendmmsg");
      return 1;
    }
    sent += r;
  }
  double secs = now() - start;
  printf("%ld %.6f %.0f %ld\n", sent, secs, sent / secs, retries);
  return 0;
}
CEOF
if [ -e /proc/net/pktgen/pgctrl ]; then
  # pktgen is bound to devices of the namespace it is configured in; the C sender is the portable path.
  echo "live.sh: pktgen is loaded but this script uses its C sender for identical pacing everywhere" >&2
fi
gcc -O2 -Wall -o "$work/send" "$work/send.c"

rx_packets() { ip netns exec "$nsb" cat "/sys/class/net/$vrx/statistics/rx_packets"; }

count_frames() {
  local n
  if command -v capinfos >/dev/null; then
    n="$(timeout 120 capinfos -M -c "$1" 2>/dev/null | awk -F: '/Number of packets/ {gsub(/ /, "", $2); print $2}')"
  fi
  [ -n "${n:-}" ] || n="$(timeout 120 tcpdump -n -r "$1" 2>/dev/null | wc -l)"
  echo "$n"
}

# run_one TOOL RATE -> prints: sent delivered infile kernel_dropped achieved_pps
run_one() {
  local tool="$1" rate="$2" file="$work/cap.pcap" err="$work/err.txt" r=0 cmd
  rm -f "$file" "$err"
  case "$tool" in
    netlab) cmd=("$root/netlab" capture "$vrx" -w "$file" -q ether proto 0x88b5) ;;
    tcpdump-B) cmd=(tcpdump -n -Z root -i "$vrx" -w "$file" -B 65536 ether proto 0x88b5) ;;
    tcpdump) cmd=(tcpdump -n -Z root -i "$vrx" -w "$file" ether proto 0x88b5) ;;
  esac
  # timeout(1) bounds the capturer and, unlike a bare background job, leaves SIGINT deliverable to it.
  timeout -k 5 120 ${pincmd[@]+"${pincmd[@]}"} ip netns exec "$nsb" "${cmd[@]}" 2>"$err" &
  capture_pid=$!
  local waited=0
  until grep -q "listening on" "$err" 2>/dev/null; do
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -gt 300 ] || ! kill -0 "$capture_pid" 2>/dev/null; then
      echo "live.sh: $tool did not start:" >&2; cat "$err" >&2; return 1
    fi
  done
  local before after sendout
  before="$(rx_packets)"
  [ "$rate" = max ] && r=0 || r="$rate"
  sendout="$(timeout 120 ${pincmd[@]+"${pincmd[@]}"} ip netns exec "$nsa" "$work/send" "$vtx" "$frames" "$r")"
  sleep "$settle"
  after="$(rx_packets)"
  kill -INT "$capture_pid"
  wait "$capture_pid" || true
  capture_pid=""
  local kd infile
  kd="$(awk '/dropped by kernel/ {print $1}' "$err")"
  infile="$(count_frames "$file")"
  set -- $sendout
  echo "$1 $((after - before)) $infile ${kd:-?} $3"
  grep -E "captured|received by filter|dropped by" "$err" | sed "s/^/    [$tool @ $rate] /" >&2
}

tools="netlab tcpdump-B tcpdump"
declare -A res
for rate in $rates; do
  for tool in $tools; do
    echo "live.sh: $tool at $rate pps, $frames frames" >&2
    res["$tool,$rate"]="$(run_one "$tool" "$rate")"
    echo "    -> sent delivered in-file kernel-dropped achieved-pps: ${res[$tool,$rate]}" >&2
  done
done

pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f%%", 100 * a / b }'; }
{
  echo "Live capture: $frames 60-byte frames per burst over a veth pair between two network namespaces;"
  echo "C sender (sendmmsg on AF_PACKET, token bucket), CPU pinning: $pin. $(date -u +%Y-%m-%d), $(nproc) cores, kernel $(uname -r),"
  echo "$("$root/netlab" --version 2>/dev/null | head -1), $(tcpdump --version 2>&1 | head -1), $(tcpdump --version 2>&1 | sed -n 2p)."
  echo
  echo "| offered pps | achieved pps (netlab run) | sent | netlab kept | netlab dropped | tcpdump -B 65536 kept | dropped | tcpdump (2 MiB) kept | dropped |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for rate in $rates; do
    row="| $rate"
    first=1
    for tool in $tools; do
      set -- ${res[$tool,$rate]}
      if [ "$first" = 1 ]; then row+=" | $5 | $1"; first=0; fi
      row+=" | $3 ($(pct "$3" "$1")) | $(( $1 - $3 )) ($(pct $(( $1 - $3 )) "$1"); kernel $4)"
    done
    echo "$row |"
  done
  echo
  echo "Per run, frames delivered to the receiving veth (rx_packets delta; a loss before the capture socket) @ achieved pps:"
  for tool in $tools; do
    line="- $tool:"
    for rate in $rates; do set -- ${res[$tool,$rate]}; line+=" $rate→$2 @ $5;"; done
    echo "$line"
  done
  echo
  for tool in $tools; do
    best="none"
    for rate in $rates; do
      set -- ${res[$tool,$rate]}
      if awk -v d=$(( $1 - $3 )) -v s="$1" 'BEGIN { exit !(d < 0.001 * s) }'; then
        [ "$rate" = max ] && best="max (achieved $5 pps)" || best="$rate"
      fi
    done
    echo "- highest offered rate with < 0.1% drops, $tool: $best"
  done
} | tee ${out:+"$out"}
