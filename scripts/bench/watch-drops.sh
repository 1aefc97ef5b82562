#!/usr/bin/env bash
# watch under an ARP flood (issue 13): does `netlab watch` drop frames in the kernel where plain
# `netlab capture --analyze` does not, whatever its output and checkpoint options?
#
#   scripts/bench/watch-drops.sh [--frames N] [--rate PPS] [--settle SECONDS] [--out FILE]
#
# Builds netlab (./netlab --version), creates two network namespaces joined by a veth pair of its own (unique
# names; removed by a trap on any exit) and, for each configuration below, sends a bounded burst of N ARP
# requests, each from a new random MAC and IPv4 address (the flood watch exists to report), at PPS while the
# capturer runs in the other namespace with its stdout to a file. The kernel's own drop count is read from the
# capturer's exit statistics ("N packets dropped by kernel", libpcap's ps_drop from PACKET_STATISTICS).
# Configurations:
#   capture --analyze -q                       the baseline: the same analyzers, no database
#   watch                                      events as text lines
#   watch --json                               events as JSON Lines
#   watch --db DB --checkpoint 5s              the station database written every 5 s
#   watch --db DB --checkpoint 1s --json       both
# Every step is bounded by timeout(1). Nothing is sent outside the namespaces created here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
frames=300000
rate=58000
settle=3
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --frames) frames="$2"; shift 2 ;;
    --rate) rate="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--frames N] [--rate PPS] [--settle SECONDS] [--out FILE]" >&2; exit 64 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "watch-drops.sh: needs root (network namespaces, raw sockets)" >&2; exit 77; }
for tool in ip gcc timeout java; do
  command -v "$tool" >/dev/null || { echo "watch-drops.sh: needs $tool" >&2; exit 69; }
done

echo "watch-drops.sh: building netlab..." >&2
timeout 900 "$root/netlab" --version >/dev/null

id="$$"
nsa="nlwd-tx-$id"
nsb="nlwd-rx-$id"
vtx="nlwt$id"
vrx="nlwr$id"
work="$(mktemp -d /tmp/netlab-watch-drops.XXXXXX)"
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

ip netns add "$nsa"
ip netns add "$nsb"
ip -n "$nsa" link add "$vtx" type veth peer name "$vrx" netns "$nsb"
for ns in "$nsa" "$nsb"; do
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
ip -n "$nsa" link set "$vtx" up
ip -n "$nsb" link set "$vrx" up

cat > "$work/send.c" <<'CEOF'
/* Bounded, paced ARP flood on an AF_PACKET socket: send IFACE COUNT RATE(0 = max). Each frame is a broadcast
   ARP request from a random locally administered MAC and a random sender IP in 10.0.0.0/8 (xorshift, fixed seed). */
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
    buf[i][12] = 0x08; buf[i][13] = 0x06;                      /* ARP (RFC 826) */
    memcpy(buf[i] + 14, "\x00\x01\x08\x00\x06\x04\x00\x01", 8); /* Ethernet/IPv4 request */
    buf[i][38] = 10; buf[i][41] = 1;                           /* target 10.0.0.1 */
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
  uint64_t x = 88172645463325252ULL;
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
    for (int i = 0; i < n; i++) {                               /* a new random station per frame */
      x ^= x << 13; x ^= x >> 7; x ^= x << 17;
      unsigned char mac[6] = {0x02, (unsigned char) (x >> 8), (unsigned char) (x >> 16), (unsigned char) (x >> 24),
                              (unsigned char) (x >> 32), (unsigned char) (x >> 40)};
      memcpy(buf[i] + 6, mac, 6);
      memcpy(buf[i] + 22, mac, 6);
      buf[i][28] = 10; buf[i][29] = (unsigned char) (x >> 48); buf[i][30] = (unsigned char) (x >> 56);
      buf[i][31] = (unsigned char) (x >> 3);
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
gcc -O2 -Wall -o "$work/send" "$work/send.c"

# run_one NAME ARGS... -> prints: sent received kernel_dropped achieved_pps
run_one() {
  local name="$1" err="$work/err.txt" sendout ready
  shift
  rm -f "$err" "$work/db.json"
  ready="listening on"
  [ "$1" = watch ] && ready="netlab: watching"
  timeout -k 120 600 ip netns exec "$nsb" "$root/netlab" "$@" >"$work/out.txt" 2>"$err" &
  capture_pid=$!
  local waited=0
  until grep -q "$ready" "$err" 2>/dev/null; do
    sleep 0.1; waited=$((waited + 1))
    if [ "$waited" -gt 600 ] || ! kill -0 "$capture_pid" 2>/dev/null; then
      echo "watch-drops.sh: $name did not start:" >&2; cat "$err" >&2; return 1
    fi
  done
  sendout="$(timeout 300 ip netns exec "$nsa" "$work/send" "$vtx" "$frames" "$rate")"
  sleep "$settle"
  kill -INT "$capture_pid"
  local rc=0
  wait "$capture_pid" || rc=$?
  capture_pid=""
  local kd rx
  kd="$(grep -oE '[0-9]+ packets dropped by kernel' "$err" | awk '{print $1}')"
  rx="$(grep -oE '[0-9]+ packets received by filter' "$err" | awk '{print $1}')"
  [ -n "$kd" ] || { echo "watch-drops.sh: $name printed no statistics (exit $rc):" >&2; tail -5 "$err" >&2; }
  set -- $sendout
  echo "$1 ${rx:-?} ${kd:-?} $3"
}

declare -a names=("capture --analyze -q" "watch" "watch --json" "watch --db --checkpoint 5s" "watch --db --checkpoint 1s --json")
[ -n "${WATCH_DROPS_ONLY:-}" ] && names=("$WATCH_DROPS_ONLY")
declare -A res
for name in "${names[@]}"; do
  case "$name" in
    "capture --analyze -q") args=(capture "$vrx" --analyze -q) ;;
    "watch") args=(watch "$vrx") ;;
    "watch --json") args=(watch "$vrx" --json) ;;
    "watch --db --checkpoint 5s") args=(watch "$vrx" --db "$work/db.json" --checkpoint 5s) ;;
    "watch --db --checkpoint 1s --json") args=(watch "$vrx" --db "$work/db.json" --checkpoint 1s --json) ;;
  esac
  echo "watch-drops.sh: $name, $frames frames at $rate pps" >&2
  res["$name"]="$(run_one "$name" "${args[@]}")"
  echo "    -> sent received kernel-dropped achieved-pps: ${res[$name]}" >&2
done

{
  echo "watch under an ARP flood: $frames ARP requests from random MACs/IPs at $rate pps offered, over a veth pair"
  echo "between two network namespaces; stdout to a file. $(date -u +%Y-%m-%d), $(nproc) cores (shared with other"
  echo "builds while measured), kernel $(uname -r), $("$root/netlab" --version 2>/dev/null | head -1)."
  echo
  echo "| command | sent | achieved pps | received by filter | dropped by kernel |"
  echo "|---|---|---|---|---|"
  for name in "${names[@]}"; do
    set -- ${res[$name]}
    echo "| \`$name\` | $1 | $4 | $2 | $3 |"
  done
} | if [ -n "$out" ]; then tee "$out"; else cat; fi
