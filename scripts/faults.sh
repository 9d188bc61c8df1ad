#!/usr/bin/env bash
# `npm run faults`: installs what is missing, builds, starts a fresh production-shaped cluster in
# .data/faults/cluster and runs the fault campaign against it (about ten minutes of load, every fault
# in turn), prints the table and writes .data/faults/results.json. `npm run faults -- --short` runs the
# short form. FAULTS_BASE_PORT (default 7500) moves the cluster's ports. See docs/fault-campaign.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
npm run --silent build
exec node --enable-source-maps dist/apps/faults/src/main.js "$@"
