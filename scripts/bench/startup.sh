#!/usr/bin/env bash
# Start-up benchmark (issue 16): netlab's short and live commands against the peers, whole process.
#
#   scripts/bench/startup.sh [--runs N] [--before CLONE] [--analyze] [--no-tshark] [--dir DIR] [--out FILE]
#
# Builds netlab through ./netlab (which also makes its class-data archive), then creates a namespace lab of
# its own (removed by a trap on any exit; nothing is sent outside it): a bridge namespace joining a scanner
# namespace (10.231.0.1/24) and two host namespaces (10.231.0.2 and .3), each on a veth pair made here.
# Every command of a group runs once per round, the commands ALTERNATING within the round, for N rounds
# (default 7); medians of wall time, CPU time (user+sys, what load on the machine inflates least) and peak
# RSS come from /usr/bin/time. hyperfine is not used: it runs one command's rounds back to back, and the
# issue's ratios are only fair with the peer alternated in the same run.
#   arp-resolve 10.231.0.2       vs  arping -c 1 10.231.0.2 (Habets arping: it waits out its interval)
#   arp-scan of 10.231.0.0/24    vs  arp-scan, both with 2 attempts, 500 ms timeout, backoff 1.5, 2 ms apart
#   interfaces, subnet, --version, every --help; `java -version` and `tcpdump -D` as floors
#   --analyze: analyze mix-1M.pcap vs tcpdump -r f -w /dev/null and tshark -q -z io,phs (captures from
#              generate.sh in DIR, default /tmp/netlab-bench)
# netlab runs as `java <flags> -jar cli/target/netlab.jar` with the flags and archive ./netlab passes
# (dist/src/main/sh/netlab-jvm.sh). --before CLONE adds the same netlab rows for another checkout's jar
# (built there beforehand with ./netlab --version), alternated with these, for before/after tables.
# Then each live command runs --runs times more with -Dnetlab.trace.startup=true: the median of each phase.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=7
before=""
analyze=0
tshark_on=1
capdir=/tmp/netlab-bench
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --before) before="$(cd "$2" && pwd)"; shift 2 ;;
    --analyze) analyze=1; shift ;;
    --no-tshark) tshark_on=0; shift ;;
    --dir) capdir="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--before CLONE] [--analyze] [--no-tshark] [--dir DIR] [--out FILE]" >&2; exit 64 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "startup.sh: needs root (network namespaces, raw sockets)" >&2; exit 77; }
for tool in ip java arping arp-scan tcpdump timeout /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "startup.sh: needs $tool" >&2; exit 69; }
done
log() { echo "startup.sh: $*" >&2; }

log "building netlab and its class-data archive"
timeout 1800 "$root/netlab" --version >/dev/null

# opts_for CLONE COMMAND: the JVM flags ./netlab of CLONE passes for COMMAND (archive included), one line.
opts_for() {
  (
    # shellcheck source=dist/src/main/sh/netlab-jvm.sh
    . "$1/dist/src/main/sh/netlab-jvm.sh"
    netlab_jvm_opts "$2"
    if declare -F netlab_archive_opts >/dev/null; then
      netlab_archive_opts "$1/cli/target/netlab.jsa"
    elif [ -f "$1/cli/target/netlab.jsa" ]; then
      netlab_opts+=(-XX:SharedArchiveFile="$1/cli/target/netlab.jsa")
    fi
    echo "${netlab_opts[*]}"
  )
}
nl() { echo "java $(opts_for "$1" "$2")${3:+ $3} -jar $1/cli/target/netlab.jar"; } # nl CLONE COMMAND [JVM-OPTS]

# ---- the lab ---------------------------------------------------------------------------------------------
id="$$"
ns_b="nlsu-br-$id" ns_s="nlsu-s-$id" ns_1="nlsu-h1-$id" ns_2="nlsu-h2-$id"
work="$(mktemp -d /tmp/netlab-startup.XXXXXX)"
cleanup() {
  local ns
  for ns in "$ns_s" "$ns_1" "$ns_2" "$ns_b"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for ns in "$ns_b" "$ns_s" "$ns_1" "$ns_2"; do ip netns add "$ns"; ip -n "$ns" link set lo up; done
ip -n "$ns_b" link add br0 type bridge
ip -n "$ns_b" link set br0 up
k=0
for pair in "$ns_s:10.231.0.1" "$ns_1:10.231.0.2" "$ns_2:10.231.0.3"; do
  ns="${pair%%:*}"; addr="${pair#*:}"
  # Each veth is made inside the bridge namespace, its peer moved straight into the host's namespace.
  ip -n "$ns_b" link add "p$k" type veth peer name eth0 netns "$ns"
  ip -n "$ns_b" link set "p$k" master br0 up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
  k=$((k + 1))
done
in_s="ip netns exec $ns_s"
# The bridge forwards once its ports are up; one ping each way settles it (and is not measured).
for h in 2 3; do timeout 10 ip netns exec "$ns_s" ping -c 1 -W 5 "10.231.0.$h" >/dev/null || log "10.231.0.$h not answering yet"; done

# ---- measuring (as scripts/bench/run.sh does) -------------------------------------------------------------
declare -A CMD SAMPLES
ORDER=()
add() { CMD[$1]="$2"; SAMPLES[$1]=""; ORDER+=("$1"); }
group() {
  local ids=("$@") r id
  for ((r = 1; r <= runs; r++)); do
    log "round $r/$runs: ${ids[*]}"
    for id in "${ids[@]}"; do
      /usr/bin/time -o "$work/t" -f '%e %U %S %M' bash -c "${CMD[$id]}" >/dev/null 2>"$work/err" \
        || log "$id exited $? ($(tail -1 "$work/err"))"
      SAMPLES[$id]+="$(tail -1 "$work/t");"
    done
  done
}
median() { # median of column $2 (1 wall, 4 rss KB, 5 user+sys) of $1's samples
  echo "${SAMPLES[$1]}" | tr ';' '\n' | awk -v c="$2" 'NF { print (c == 5) ? $2 + $3 : $c }' | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

scan_args="-r 2 -t 500ms -b 1.5 --interval 2ms -i eth0 10.231.0.0/24"
peer_scan="--retry=2 --timeout=500 --backoff=1.5 --interval=2 -I eth0 10.231.0.0/24"
versions=("" )
[ -n "$before" ] && versions+=("before")
for v in "${versions[@]}"; do
  clone="$root"; [ -n "$v" ] && clone="$before"
  s="${v:+_$v}"
  add "resolve$s" "$in_s $(nl "$clone" arp-resolve) arp-resolve 10.231.0.2"
  add "scan$s" "$in_s $(nl "$clone" arp-scan) arp-scan $scan_args"
  add "interfaces$s" "$in_s $(nl "$clone" interfaces) interfaces"
  add "subnet$s" "$(nl "$clone" subnet) subnet 10.0.0.1/8"
  add "version$s" "$(nl "$clone" --version) --version"
  add "help$s" "$(nl "$clone" --help) --help"
  for c in read analyze subnet interfaces capture arp-resolve arp-scan watch; do
    add "help_$c$s" "$(nl "$clone" "$c") $c --help"
  done
done
add arping "$in_s arping -c 1 10.231.0.2"
add arpscan "$in_s arp-scan $peer_scan"
add tcpdump_D "$in_s tcpdump -D"
add java_version "java -Xshare:auto -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -version"
add launcher_version "$root/netlab --version"
sel() { local id; for id in "$@"; do [ -n "${CMD[$id]:-}" ] && echo "$id"; done; }
# shellcheck disable=SC2046
group $(sel resolve resolve_before arping)
# shellcheck disable=SC2046
group $(sel scan scan_before arpscan)
# shellcheck disable=SC2046
group $(sel interfaces interfaces_before tcpdump_D subnet subnet_before version version_before java_version \
  launcher_version)
helps=()
for id in "${ORDER[@]}"; do case "$id" in help*) helps+=("$id") ;; esac; done
group "${helps[@]}"
if [ "$analyze" = 1 ]; then
  "$root/scripts/bench/generate.sh" --out "$capdir" --frames 1000000 mix >&2
  mix="$capdir/mix-1M.pcap"
  cat "$mix" >/dev/null
  add analyze "$(nl "$root" analyze) analyze $mix"
  [ -n "$before" ] && add analyze_before "$(nl "$before" analyze) analyze $mix"
  add tcpdump_copy "tcpdump -r $mix -w /dev/null"
  if [ "$tshark_on" = 1 ] && command -v tshark >/dev/null; then add tshark_phs "tshark -n -r $mix -q -z io,phs"; fi
  # shellcheck disable=SC2046
  group $(sel analyze analyze_before tcpdump_copy tshark_phs)
fi

# ---- the start-up breakdown ---------------------------------------------------------------------------------
declare -A PHASE_CPU PHASE_WALL
PHASES=()
trace() { # trace LABEL COMMAND: median wall and CPU of each phase over $runs traced runs
  local label="$1" cmd="$2" r phase
  for ((r = 1; r <= runs; r++)); do
    bash -c "$cmd" 2>&1 >/dev/null | grep '^netlab: startup: ' >"$work/trace.$r" || true
  done
  # A line: "netlab: startup: " (17), the phase padded to 34, then "WALL ms wall CPU ms CPU (whose)".
  while IFS= read -r phase; do
    [ -n "$phase" ] || continue
    PHASES+=("$label|$phase")
    PHASE_WALL["$label|$phase"]=$(phase_median "$phase" 1)
    PHASE_CPU["$label|$phase"]=$(phase_median "$phase" 4)
  done < <(cut -c18-51 "$work/trace.1" | sed 's/ *$//')
  rm -f "$work"/trace.*
}
phase_median() { # phase_median PHASE FIELD: median of that field after the phase name, over the traced runs
  cat "$work"/trace.* | awk -v p="$1" -v f="$2" '{ n = substr($0, 18, 34); sub(/ +$/, "", n) }
      n == p { split(substr($0, 52), v, " "); print v[f] }' \
    | sort -g | awk '{ a[NR] = $1 } END { print (NR ? a[int((NR + 1) / 2)] : "-") }'
}
trace_opts="-Dnetlab.trace.startup=true"
trace arp-resolve "$in_s $(nl "$root" arp-resolve "$trace_opts") arp-resolve 10.231.0.2"
trace arp-scan "$in_s $(nl "$root" arp-scan "$trace_opts") arp-scan $scan_args"
trace --version "$(nl "$root" --version "$trace_opts") --version"

# ---- report ---------------------------------------------------------------------------------------------
{
  row() { # row LABEL ID [PEER-ID GOAL-TEXT]
    local w c m
    w=$(median "$2" 1); c=$(median "$2" 5); m=$(awk -v k="$(median "$2" 4)" 'BEGIN { printf "%.0f", k / 1024 }')
    echo "| $1 | $w | $c | $m |${3:+ $(awk -v a="$w" -v b="$(median "$3" 1)" 'BEGIN { printf "%.2f×", a / b }')} |"
  }
  echo "### Start-up benchmark $(date -u +%Y-%m-%d) — $runs rounds, alternated, medians"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //');" \
       "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1 | tr -d '"')."
  echo "netlab: \`java $(opts_for "$root" arp-resolve | sed "s#$root/cli/target/##g") -jar netlab.jar\` (short and live commands)."
  echo
  echo "| command | wall s | CPU s | peak RSS MiB | wall ratio to the peer |"
  echo "|---|---:|---:|---:|---:|"
  for v in "${versions[@]}"; do
    s="${v:+_$v}"; tag="${v:+ ($v)}"
    row "netlab arp-resolve 10.231.0.2$tag" "resolve$s" arping
  done
  row "arping -c 1 10.231.0.2" arping
  for v in "${versions[@]}"; do
    s="${v:+_$v}"; tag="${v:+ ($v)}"
    row "netlab arp-scan /24 (2 hosts)$tag" "scan$s" arpscan
  done
  row "arp-scan /24 (2 hosts)" arpscan
  for v in "${versions[@]}"; do
    s="${v:+_$v}"; tag="${v:+ ($v)}"
    row "netlab interfaces$tag" "interfaces$s" tcpdump_D
    row "netlab subnet 10.0.0.1/8$tag" "subnet$s"
    row "netlab --version$tag" "version$s" java_version
  done
  row "tcpdump -D" tcpdump_D
  row "java -version (JVM floor)" java_version
  row "./netlab --version (launcher script)" launcher_version
  for id in "${helps[@]}"; do
    c="${id%_before}"; tag=""
    [ "$c" = "$id" ] || tag=" (before)"
    c="${c#help}"; c="${c#_}"
    row "netlab ${c:+$c }--help$tag" "$id"
  done
  if [ -n "${CMD[analyze]:-}" ]; then
    row "netlab analyze mix-1M.pcap" analyze tcpdump_copy
    [ -n "${CMD[analyze_before]:-}" ] && row "netlab analyze mix-1M.pcap (before)" analyze_before tcpdump_copy
    row "tcpdump -r mix-1M.pcap -w /dev/null" tcpdump_copy
    [ -n "${CMD[tshark_phs]:-}" ] && row "tshark -q -z io,phs mix-1M.pcap" tshark_phs
  fi
  echo
  echo "| goal (issue 16) | measured | met |"
  echo "|---|---|---|"
  goal() { echo "| $1 | $2 | $(awk "BEGIN { print ($3) ? \"yes\" : \"no\" }") |"; }
  w=$(median resolve 1); c=$(median resolve 5)
  goal "arp-resolve ≤ 0.15 s wall, ≤ 0.2 s CPU" "$w s wall, $c s CPU" "$w <= 0.15 && $c <= 0.2"
  r=$(awk -v a="$(median scan 1)" -v b="$(median arpscan 1)" 'BEGIN { printf "%.2f", a / b }')
  goal "arp-scan /24 ≤ 0.9× arp-scan's wall" "${r}×" "$r <= 0.9"
  worst=0; worst_id=""
  for id in interfaces subnet version "${helps[@]}"; do
    case "$id" in *_before) continue ;; esac
    w=$(median "$id" 1)
    if awk -v a="$w" -v b="$worst" 'BEGIN { exit !(a > b) }'; then worst="$w"; worst_id="$id"; fi
  done
  goal "interfaces, subnet, --version, every --help ≤ 0.12 s" "slowest: $worst_id $worst s" "$worst <= 0.12"
  if [ -n "${CMD[analyze]:-}" ]; then
    a=$(median analyze 1)
    r=$(awk -v a="$a" -v b="$(median tcpdump_copy 1)" 'BEGIN { printf "%.2f", a / b }')
    goal "analyze 1M ≤ 1.1× \`tcpdump -r f -w /dev/null\`" "${r}×" "$r <= 1.1"
    if [ -n "${CMD[tshark_phs]:-}" ]; then
      r=$(awk -v a="$(median tshark_phs 1)" -v b="$a" 'BEGIN { printf "%.1f", a / b }')
      goal "analyze 1M ≥ 30× \`tshark -q -z io,phs\`" "${r}×" "$r >= 30"
    fi
  fi
  echo
  echo "Start-up breakdown (-Dnetlab.trace.startup=true, medians of $runs runs; phases on the main thread" \
       "unless marked; the background thread's phases overlap the main thread's):"
  echo
  echo "| command | phase | wall ms | CPU ms |"
  echo "|---|---|---:|---:|"
  for p in "${PHASES[@]}"; do
    echo "| ${p%%|*} | ${p#*|} | ${PHASE_WALL[$p]} | ${PHASE_CPU[$p]} |"
  done
} | tee ${out:+"$out"}
