#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs the JMH micro-benchmarks (scores are frames/s):
#   scripts/bench/jmh.sh                       # all: ReaderBench, DecoderBench, AnalyzerBench
#   scripts/bench/jmh.sh DecoderBench -p capture=mix
#   scripts/bench/jmh.sh AnalyzerBench -p analyzer=none,all -p capture=mix
# Any argument is passed to JMH (java -jar benchmarks.jar -h lists them). Never part of mvn test/verify.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -q -B -DskipTests -pl bench -am package) >&2
exec java -jar "$root/bench/target/benchmarks.jar" "$@"
