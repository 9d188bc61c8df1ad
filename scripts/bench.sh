#!/usr/bin/env bash
# `npm run bench`: installs what is missing, builds, then measures the service beside raw Temporal on
# this machine (see the README's Benchmark section). Its own stack in .data/bench, wiped at each run;
# TEMPORAL_ADDRESS, DATABASE_URL and SMTP_URL point it at running ones instead. Extra arguments go to
# the benchmark: `npm run bench -- --cases 500 --read-model-cases 10000` for a quick run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
npm run --silent build
exec node --enable-source-maps dist/apps/bench/src/main.js "$@"
