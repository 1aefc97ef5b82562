#!/usr/bin/env bash
# Runs every live (namespace) test class N times in a row (default 20) and stops at the first failure, to
# catch races: a flaky test is a bug. Run as root from anywhere in the repository.
#   scripts/repeat-live-tests.sh [N] [TestClass ...]     e.g. scripts/repeat-live-tests.sh 5 WatchLiveTest
# Each run is a separate JVM fork; the classes' own namespaces (nlt-<pid>-*) are removed by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-20}
shift || true
classes=("$@")
if [ ${#classes[@]} -eq 0 ]; then
  mapfile -t classes < <(grep -l 'NamespaceLab\.\(create\|bridged\|assumeLive\)' cli/src/test/java/netlab/cli/*.java \
      | xargs -n1 basename | sed 's/\.java$//' | grep -v '^NamespaceLab$' | sort)
fi
[ "$(id -u)" = 0 ] || { echo "repeat-live-tests: needs root (network namespaces)" >&2; exit 2; }
export NETLAB_REQUIRE_LIVE=1
list=$(IFS=,; echo "${classes[*]}")
for i in $(seq 1 "$n"); do
  log=$(mktemp)
  if mvn -B -q test -pl cli -am -Dtest="$list" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "round $i/$n: ${#classes[@]} classes passed"
    rm -f "$log"
  else
    echo "round $i/$n: FAILED (log: $log)" >&2
    grep -E 'Tests run:|FAIL|expected' "$log" | head -20 >&2
    exit 1
  fi
done
echo "all $n rounds passed: $list"
