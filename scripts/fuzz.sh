#!/usr/bin/env bash
# `npm run fuzz`: schemathesis against the API for every role, as the suite runs it, but longer and with
# a random seed. It starts its own stack with the suite's harness (embedded PostgreSQL, the time-skipping
# Temporal server, a capture SMTP server, the API and the worker) and prints the seed first and last:
# ASB_FUZZ_SEED=<seed> npm run fuzz repeats a run. ASB_FUZZ_MAX_EXAMPLES (default 25) is the number of
# test cases per operation and phase; ASB_FUZZ_ROLES=caseworker,admin fuzzes as those roles only.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
export PATH="$PWD/node_modules/.bin:$PATH"
seed="${ASB_FUZZ_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
examples="${ASB_FUZZ_MAX_EXAMPLES:-25}"
echo "fuzz: seed $seed, $examples examples per operation"
ASB_FUZZ_SEED="$seed" ASB_FUZZ_MAX_EXAMPLES="$examples" NODE_OPTIONS=--experimental-vm-modules \
  jest --runTestsByPath test/e2e/contract/openapi-fuzz.test.ts
status=$?
echo "fuzz: seed $seed ($([ $status -eq 0 ] && echo 'no failure' || echo "failed; repeat with ASB_FUZZ_SEED=$seed npm run fuzz"))"
exit $status
