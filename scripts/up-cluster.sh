#!/usr/bin/env bash
# `npm run up:cluster`: install what is missing, build, and run the production-shaped stack (Temporal's
# server as four services on PostgreSQL, two workers, two APIs behind HAProxy, all under supervisord)
# in the foreground. See docs/cluster.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
npm run --silent build
exec node --enable-source-maps dist/deploy/cluster/up-cluster.js
