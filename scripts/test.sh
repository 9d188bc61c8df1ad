#!/usr/bin/env bash
# `npm test`: the whole suite, as CI runs it. Installs what is missing, type-checks, lints (including
# the rule that keeps workflow code deterministic), builds, then runs every jest suite against real
# servers it starts itself: PostgreSQL (embedded), Temporal (time-skipping test server and the CLI dev
# server), SMTP (a capture server). Ends with one line: "N passed, N failed". Extra arguments go to jest.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .data
totals=.data/test-totals.txt
results=.data/test-results.json
rm -f "$totals" "$results"

fail_before_tests() {
  echo "$1 failed: no test ran" >&2
  echo "0 passed, 1 failed" | tee "$totals"
  exit 1
}

bash scripts/bootstrap.sh || fail_before_tests "bootstrap"
export PATH="$PWD/node_modules/.bin:$PATH"
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 24 ? 0 : 1)' || fail_before_tests "Node 24 (from node_modules/.bin)"

echo "== type-check" && tsc -p tsconfig.json --noEmit || fail_before_tests "type-check"
echo "== lint" && npm run --silent lint || fail_before_tests "lint"
echo "== build" && npm run --silent build || fail_before_tests "build"

echo "== tests"
NODE_OPTIONS=--experimental-vm-modules jest --json --outputFile="$results" "$@"
status=$?
if [ -s "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const skipped = r.numPendingTests + r.numTodoTests;
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$PWD/$results" | tee "$totals"
else
  echo "0 passed, 1 failed" | tee "$totals"
  status=1
fi
exit $status
