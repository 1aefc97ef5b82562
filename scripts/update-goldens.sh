#!/usr/bin/env bash
# Regenerates cli/src/test/resources/golden (GoldenOutputTest) from the current code: read, read -v,
# read --json, analyze and analyze --json on every bundled capture. Review the diff before committing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -pl cli -am test -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false -Dnetlab.golden.update=true
git status --short cli/src/test/resources/golden | head -20
