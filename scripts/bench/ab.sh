#!/usr/bin/env bash
# A/B wall time of `analyze` (or another command) between two netlab jars, run ALTERNATELY so load from other
# processes on a shared machine hits both alike; prints min and median seconds per jar and capture.
#   scripts/bench/ab.sh [--runs N] [--cmd "analyze --json"] OLD.jar NEW.jar CAPTURE...
# Captures come from scripts/bench/generate.sh. JVM flags are those ./netlab uses for analyze (no AppCDS).
set -euo pipefail
runs=7
cmd=analyze
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --cmd) cmd="$2"; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 3 ] || { echo "usage: $0 [--runs N] [--cmd CMD] OLD.jar NEW.jar CAPTURE..." >&2; exit 64; }
old="$1"; new="$2"; shift 2
opts=(-XX:+UseSerialGC -Xmn16m -XX:Tier4InvocationThreshold=100000 -XX:Tier4CompileThreshold=120000
      -XX:Tier4BackEdgeThreshold=1000000)
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %.3f  median %.3f", a[1], (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for f in "$@"; do
  : >/tmp/ab.$$.old; : >/tmp/ab.$$.new
  for ((i = 0; i < runs; i++)); do
    for side in old new; do
      jar=$old; [ "$side" = new ] && jar=$new
      # shellcheck disable=SC2086
      /usr/bin/time -f %e -o /tmp/ab.$$.t java "${opts[@]}" -jar "$jar" $cmd "$f" >/dev/null || true
      cat /tmp/ab.$$.t >>/tmp/ab.$$.$side
    done
  done
  printf '%-28s old: %s   new: %s\n' "$(basename "$f")" "$(stats </tmp/ab.$$.old)" "$(stats </tmp/ab.$$.new)"
done
rm -f /tmp/ab.$$.*
