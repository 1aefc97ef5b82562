#!/usr/bin/env bash
# Spark local mode against netlab analyze, on one machine:
#
#   scripts/bench/spark.sh [--runs N] [--dir DIR] [--segments N] [--frames N] [--out FILE]
#
# Generates SEGMENTS (default 8) segments of FRAMES (default 1M) frames each, one mix capture per segment
# with its own seed, under DIR/archive/segK/ (default /tmp/netlab-bench-spark), then times, alternately run by
# run so that load from other processes hits all of them alike:
#   - netlab analyze --json on each segment, one after another (one JVM per segment, ./netlab's flags);
#   - ./netlab-spark analyze DIR/archive with Spark's local[1] and local[2] (one JVM, one task per segment).
# Reports the median wall time (min-max), CPU time (user+sys) and peak RSS (/usr/bin/time) as Markdown, and
# checks that each segment's document is the same both ways (paths aside).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=3
dir=/tmp/netlab-bench-spark
segments=8
frames=1000000
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --segments) segments="$2"; shift 2 ;;
    --frames) frames="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--dir DIR] [--segments N] [--frames N] [--out FILE]" >&2; exit 64 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "spark.sh: needs /usr/bin/time (apt-get install -y time)" >&2; exit 69; }
log() { echo "spark.sh: $*" >&2; }

log "building netlab, netlab-spark and the capture generator"
(cd "$root" && mvn -q -B -Pspark -DskipTests -pl bench,spark -am package) >&2
"$root/netlab" --version >/dev/null
"$root/netlab-spark" --version >/dev/null
. "$root/dist/src/main/sh/netlab-jvm.sh"
netlab_jvm_opts analyze
opts=("${netlab_opts[@]}")
[ -f "$root/cli/target/netlab.jsa" ] && opts+=(-XX:SharedArchiveFile="$root/cli/target/netlab.jsa")

archive="$dir/archive"
for k in $(seq 1 "$segments"); do
  mkdir -p "$archive/seg$k"
  if [ -z "$(ls "$archive/seg$k"/*.pcap 2>/dev/null)" ]; then
    log "generating segment $k ($frames frames)"
    "$root/scripts/bench/generate.sh" --out "$archive/seg$k" --seed "$((1000 + k))" --frames "$frames" mix >&2
  fi
done

sequential() {
  local k
  for k in $(seq 1 "$segments"); do
    java "${opts[@]}" -jar "$root/cli/target/netlab.jar" analyze --json "$archive/seg$k"/*.pcap >"$dir/seq-seg$k.json"
  done
}
spark_run() {
  NETLAB_SPARK_MASTER="$1" "$root/netlab-spark" analyze "$archive" --out "$dir/out-$1" >/dev/null
}

declare -A wall cpu rss
names=("netlab analyze, segments one after another" "netlab-spark analyze, local[1]" "netlab-spark analyze, local[2]")
for r in $(seq 1 "$runs"); do
  for i in 0 1 2; do
    log "run $r/$runs: ${names[$i]}"
    case $i in
      0) /usr/bin/time -f "%e %U %S %M" -o "$dir/time" bash -c "$(declare -f sequential); root='$root' archive='$archive' dir='$dir' segments=$segments; opts=(${opts[*]}); sequential" ;;
      1) /usr/bin/time -f "%e %U %S %M" -o "$dir/time" bash -c "$(declare -f spark_run); root='$root' archive='$archive' dir='$dir'; spark_run 'local[1]'" ;;
      2) /usr/bin/time -f "%e %U %S %M" -o "$dir/time" bash -c "$(declare -f spark_run); root='$root' archive='$archive' dir='$dir'; spark_run 'local[2]'" ;;
    esac
    read -r e u s m <"$(echo "$dir/time")"
    wall[$i]+="$e "; cpu[$i]+="$(echo "$u + $s" | bc) "; rss[$i]+="$m "
  done
done

# Same documents both ways: the Spark job's segment JSON equals analyze --json's, with the paths made equal.
for k in $(seq 1 "$segments"); do
  f="$(ls "$archive/seg$k"/*.pcap)"
  sed "s#\"file:$f\"#\"$f\"#" "$dir/out-local[2]/segments/seg$k.json" | cmp -s - "$dir/seq-seg$k.json" \
    || { echo "spark.sh: segment seg$k: the Spark document differs from analyze --json" >&2; exit 1; }
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
range() { tr ' ' '\n' | grep -v '^$' | sort -g | awk 'NR==1{lo=$1} {hi=$1} END {print lo "–" hi}'; }
total=$((segments * frames))
{
  echo "| run ($segments segments × $frames frames, $runs runs) | wall s, median (min–max) | CPU s | peak RSS MiB | frames/s |"
  echo "|---|---|---|---|---|"
  for i in 0 1 2; do
    w="$(echo "${wall[$i]}" | median)"
    echo "| ${names[$i]} | $w (${wall[$i]:+$(echo "${wall[$i]}" | range)}) | $(echo "${cpu[$i]}" | median) | $(( $(echo "${rss[$i]}" | median) / 1024 )) | $(echo "$total / $w" | bc) |"
  done
} | tee ${out:+"$out"}
