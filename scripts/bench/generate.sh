#!/usr/bin/env bash
# Writes the benchmark captures (deterministic from a seed) outside the repository:
#   scripts/bench/generate.sh [--out DIR] [--seed N] [--frames N] [--force] [mix|mac-flood|arp-flood ...]
# Default: /tmp/netlab-bench/{mix,mac-flood,arp-flood}-1M.pcap. Builds bench/target/benchmarks.jar if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
fi
exec java -XX:+UseSerialGC -cp "$jar" netlab.bench.GenerateCaptures "$@"
