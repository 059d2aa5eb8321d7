#!/usr/bin/env bash
# The full crash-consistency run (issue 12): the CLI killed with SIGKILL at random moments during test-log imports,
# vault uploads and BOM imports, ITERATIONS times each (default 50; CI runs 3), the installation verified after every
# kill. Prints the test's outcome and the wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ITERATIONS="${ITERATIONS:-50}"
start=$(date +%s)
status=0
SECONDSOURCE_CRASH_ITERATIONS="$ITERATIONS" dotnet test tests/SecondSource.Cli.Tests --filter "FullyQualifiedName~CrashConsistency" \
  >"${TMPDIR:-/tmp}/secondsource-crash.log" 2>&1 || status=$?
grep -E "Passed!|Failed!|\[FAIL\]|Error Message|should" "${TMPDIR:-/tmp}/secondsource-crash.log" || true
echo "$ITERATIONS iterations × 3 kinds of work in $(( $(date +%s) - start )) s"
exit $status
