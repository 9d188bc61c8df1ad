#!/bin/sh
# The image's entry point: `api`, `worker`, `console` or `migrate` picks the process; exec hands PID 1 to
# Node, so that SIGTERM reaches the process that drains.
set -eu
case "${1:-api}" in
  api) script=dist/apps/api/src/main.js ;;
  worker) script=dist/apps/worker/src/main.js ;;
  console) script=dist/apps/web/src/main.js ;;
  migrate) script=dist/libs/persistence/src/migrate.cli.js ;;
  *) echo "usage: api | worker | console | migrate (got: $1)" >&2; exit 64 ;;
esac
exec node --enable-source-maps "/app/$script"
