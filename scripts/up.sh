#!/usr/bin/env bash
# `npm run up`: install what is missing, build, and run the whole stack in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
npm run --silent build
exec node --enable-source-maps dist/deploy/local/stack.js
