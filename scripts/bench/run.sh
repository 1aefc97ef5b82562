#!/usr/bin/env bash
# Whole-process benchmark: netlab against tcpdump and tshark on the same generated captures.
#
#   scripts/bench/run.sh [--runs N] [--dir DIR] [--no-scaling] [--no-tshark] [--out FILE]
#
# Builds netlab (through ./netlab, which also makes its AppCDS archive), generates the captures in DIR
# (default /tmp/netlab-bench) when missing, then runs the commands of each comparison group in turn,
# ALTERNATELY (run 1 of every command, then run 2 of every command, ...), so that load from other
# processes hits all of them alike. Reports medians of wall time (with its min–max), CPU time (user+sys)
# and peak RSS (/usr/bin/time), frames/s, and the ratios issue 5 asks for, as Markdown (stdout and --out FILE).
# netlab is run as `java <flags> -jar cli/target/netlab.jar`, with the flags ./netlab uses for that command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=5
dir=/tmp/netlab-bench
scaling=1
tshark_on=1
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-scaling) scaling=0; shift ;;
    --no-tshark) tshark_on=0; shift ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--dir DIR] [--no-scaling] [--no-tshark] [--out FILE]" >&2; exit 64 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 69; }
for tool in tcpdump java mvn; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 69; }
done
if [ "$tshark_on" = 1 ] && ! command -v tshark >/dev/null; then
  echo "run.sh: tshark not found; continuing without it" >&2; tshark_on=0
fi

log() { echo "run.sh: $*" >&2; }

# ---- build -------------------------------------------------------------------------------------------
log "building netlab and the benchmark jar"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
# After the package step, which may rewrite netlab.jar: ./netlab remakes its AppCDS archive for the jar.
"$root/netlab" --version >/dev/null
jar="$root/cli/target/netlab.jar"
jsa="$root/cli/target/netlab.jsa"
# The flags ./netlab passes, from the one place that sets them: C2 for long-running commands, C1 only for
# short ones.
# shellcheck source=dist/src/main/sh/netlab-jvm.sh
. "$root/dist/src/main/sh/netlab-jvm.sh"
netlab_jvm_opts analyze
netlab_archive_opts "$jsa"
long_opts=("${netlab_opts[@]}")
netlab_jvm_opts subnet
netlab_archive_opts "$jsa"
short_opts=("${netlab_opts[@]}")
# shellcheck disable=SC2206
extra=(${NETLAB_JAVA_OPTS:-})
nl_long="java ${long_opts[*]} ${extra[*]:-} -jar $jar"
nl_short="java ${short_opts[*]} ${extra[*]:-} -jar $jar"

# ---- captures ----------------------------------------------------------------------------------------
gen() { "$root/scripts/bench/generate.sh" --out "$dir" --frames "$1" "${@:2}" >&2; }
gen 1000000 mix mac-flood arp-flood
# Smaller files where a peer is too slow for the full one (tshark -T json; tcpdump on floods goes
# super-linear: its output cost grows with the number of distinct addresses).
gen 100000 mix mac-flood arp-flood
mix="$dir/mix-1M.pcap"
if [ "$scaling" = 1 ]; then
  avail_kb=$(df -Pk "$dir" | awk 'NR==2 {print $4}')
  if [ "$avail_kb" -gt $((16 * 1024 * 1024)) ]; then
    gen 4000000 mix
    gen 16000000 mix
  else
    log "less than 16 GiB free in $dir: scaling stops at 4M"; scaling=4
    gen 4000000 mix
  fi
fi

frames_of() { # frames in a generated file, from its name (mix-1M.pcap, arp-flood-100k.pcap)
  local n="${1##*-}"; n="${n%.pcap}"
  case "$n" in *M) echo $(( ${n%M} * 1000000 )) ;; *k) echo $(( ${n%k} * 1000 )) ;; *) echo "$n" ;; esac
}

# ---- measuring -------------------------------------------------------------------------------------
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
declare -A CMD FILE SAMPLES
ORDER=()

# add ID FILE SHELL-COMMAND (stdout goes where the command says; FILE is for frames/s)
add() { CMD[$1]="$3"; FILE[$1]="$2"; SAMPLES[$1]=""; ORDER+=("$1"); }

# group ID... : runs every listed command once per round, $runs rounds, warming the page cache first.
group() {
  local ids=("$@") r id
  for id in "${ids[@]}"; do cat "${FILE[$id]}" >/dev/null 2>&1 || true; done
  for ((r = 1; r <= runs; r++)); do
    for id in "${ids[@]}"; do
      log "round $r/$runs: $id"
      if ! /usr/bin/time -o "$tmp/t" -f '%e %U %S %M' bash -c "${CMD[$id]}" 2>"$tmp/err"; then
        log "$id failed: $(tail -3 "$tmp/err")"
      fi
      SAMPLES[$id]+="$(tail -1 "$tmp/t");"
    done
  done
}

# median of column $2 (1 wall, 2 user, 3 sys, 4 rss KB, 5 user+sys) over the samples of $1
median() {
  echo "${SAMPLES[$1]}" | tr ';' '\n' | awk -v c="$2" 'NF { v = (c == 5) ? $2 + $3 : $c; print v }' \
    | sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# "min–max" of the wall times of $1: how much one run can differ from the median on this machine
spread() {
  echo "${SAMPLES[$1]}" | tr ';' '\n' | awk 'NF { print $1 }' | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else printf "%s–%s", a[1], a[NR] }'
}

rate() { awk -v f="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.0f", f / s; else print "-" }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1f", a / b; else print "-" }'; }

# ---- the comparisons -----------------------------------------------------------------------------
m100k="$dir/mix-100k.pcap"
add nl_analyze "$mix" "$nl_long analyze $mix >/dev/null"
add nl_analyze_json "$mix" "$nl_long analyze --json $mix >/dev/null"
add tcpdump_r "$mix" "tcpdump -n -r $mix >/dev/null 2>&1"
[ "$tshark_on" = 1 ] && add tshark_phs "$mix" "tshark -n -r $mix -q -z io,phs >/dev/null 2>&1"
add nl_read "$mix" "$nl_long read $mix >/dev/null"
add tcpdump_re "$mix" "tcpdump -n -e -r $mix >/dev/null 2>&1"
add nl_read_json "$m100k" "$nl_long read --json $m100k >/dev/null"
[ "$tshark_on" = 1 ] && add tshark_json "$m100k" "tshark -n -r $m100k -T json >/dev/null 2>&1"
add nl_version "$mix" "$nl_short --version >/dev/null"
add nl_subnet "$mix" "$nl_short subnet 10.0.0.1/8 >/dev/null"
for kind in mac-flood arp-flood; do
  f1="$dir/$kind-1M.pcap"; f100="$dir/$kind-100k.pcap"
  add "nl_analyze_$kind" "$f1" "$nl_long analyze $f1 >/dev/null"
  add "nl_analyze_${kind}_100k" "$f100" "$nl_long analyze $f100 >/dev/null"
  add "tcpdump_r_${kind}_100k" "$f100" "tcpdump -n -r $f100 >/dev/null 2>&1"
done
if [ "$scaling" != 0 ]; then
  add nl_analyze_4M "$dir/mix-4M.pcap" "$nl_long analyze $dir/mix-4M.pcap >/dev/null"
  [ "$scaling" = 1 ] && add nl_analyze_16M "$dir/mix-16M.pcap" "$nl_long analyze $dir/mix-16M.pcap >/dev/null"
fi
add cat_mix "$mix" "cat $mix >/dev/null"

have() { [ -n "${CMD[$1]:-}" ]; }
sel() { local id; for id in "$@"; do have "$id" && echo "$id"; done; }
# shellcheck disable=SC2046
group $(sel cat_mix nl_analyze nl_analyze_json tcpdump_r tshark_phs)
group nl_read tcpdump_re
group $(sel nl_read_json tshark_json)
group nl_version nl_subnet
group nl_analyze_mac-flood nl_analyze_arp-flood nl_analyze_mac-flood_100k nl_analyze_arp-flood_100k \
      tcpdump_r_mac-flood_100k tcpdump_r_arp-flood_100k
# shellcheck disable=SC2046
[ "$scaling" != 0 ] && group $(sel nl_analyze_4M nl_analyze_16M)

# ---- report --------------------------------------------------------------------------------------
{
  echo "### Benchmark $(date -u +%Y-%m-%d) — $runs runs each, alternated, medians"
  echo
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
       "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; load average at the end:"\
       "$(cut -d' ' -f1-3 /proc/loadavg);"\
       "$(java -version 2>&1 | head -1 | tr -d '"'); $(tcpdump --version 2>&1 | head -1);"\
       "$(tcpdump --version 2>&1 | sed -n 2p)$( [ "$tshark_on" = 1 ] && echo "; $(tshark --version 2>/dev/null | head -1)")."
  echo "Files: generated by scripts/bench/generate.sh (seed default), page cache warm."
  echo "netlab: \`java ${long_opts[*]/$jsa/netlab.jsa} -jar netlab.jar\` (read/analyze), \`-XX:TieredStopAtLevel=1\` added for --version/subnet, as ./netlab does."
  echo
  echo "| command | file | wall s | wall min–max | CPU s | frames/s | peak RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for id in "${ORDER[@]}"; do
    [ -n "${SAMPLES[$id]}" ] || continue
    w=$(median "$id" 1); c=$(median "$id" 5); m=$(median "$id" 4)
    f="${FILE[$id]}"; n=$(frames_of "$f")
    case "$id" in nl_version|nl_subnet|cat_mix) fr="-" ;; *) fr=$(rate "$n" "$w") ;; esac
    shown="${CMD[$id]//$jar/netlab.jar}"; shown="${shown//$dir\//}"
    shown="${shown//${long_opts[*]}/…}"; shown="${shown//${short_opts[*]}/… C1}"
    shown="${shown//-XX:SharedArchiveFile=$jsa /}"
    echo "| \`${shown}\` | $(basename "$f") | $w | $(spread "$id") | $c | $fr | $(awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }') |"
  done
  echo
  echo "| goal (issue 5) | measured | met |"
  echo "|---|---|---|"
  goal() { # name measured-ratio target
    local ok; ok=$(awk -v r="$2" -v t="$3" 'BEGIN { print (r != "-" && r + 0 >= t) ? "yes" : "no" }')
    echo "| $1 | ${2}× | $ok |"
  }
  w_an=$(median nl_analyze 1)
  goal "analyze ≥ 4× \`tcpdump -n -r\` frame rate" "$(ratio "$(median tcpdump_r 1)" "$w_an")" 4
  have tshark_phs && goal "analyze ≥ 20× \`tshark -q -z io,phs\`" "$(ratio "$(median tshark_phs 1)" "$w_an")" 20
  goal "read ≥ 1× \`tcpdump -n -e -r\`" "$(ratio "$(median tcpdump_re 1)" "$(median nl_read 1)")" 1
  have tshark_json && goal "read --json ≥ 5× \`tshark -T json\` (100k mix)" \
    "$(ratio "$(median tshark_json 1)" "$(median nl_read_json 1)")" 5
  for kind in mac-flood arp-flood; do
    # Rate ratio: mix frames/s over flood frames/s (1M each); the goal is at most 2.
    r=$(awk -v a="$(median "nl_analyze_$kind" 1)" -v b="$w_an" 'BEGIN { printf "%.2f", a / b }')
    ok=$(awk -v r="$r" 'BEGIN { print (r <= 2) ? "yes" : "no" }')
    echo "| $kind analyze rate within 2× of the mix's | mix rate / flood rate = ${r} | $ok |"
  done
  for id in nl_version nl_subnet; do
    w=$(median "$id" 1); ok=$(awk -v w="$w" 'BEGIN { print (w < 0.3) ? "yes" : "no" }')
    echo "| \`netlab ${id#nl_}\` start-up < 0.3 s | ${w} s | $ok |"
  done
  maxrss=0
  for id in "${ORDER[@]}"; do
    case "$id" in nl_*) m=$(median "$id" 4); maxrss=$(awk -v a="$maxrss" -v b="$m" 'BEGIN { print (b > a) ? b : a }') ;; esac
  done
  ok=$(awk -v m="$maxrss" 'BEGIN { print (m < 300 * 1024) ? "yes" : "no" }')
  echo "| netlab peak RSS < 300 MB, any file | $(awk -v k="$maxrss" 'BEGIN { printf "%.0f", k / 1024 }') MiB | $ok |"
} | tee ${out:+"$out"}
