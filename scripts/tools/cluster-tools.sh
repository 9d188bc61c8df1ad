#!/usr/bin/env bash
# What `npm run up:cluster` and its test need beyond `npm run up`, installed once into .tools:
#  - Temporal's server (run as four services) and its schema tool, built pinned from the Go module proxy,
#    with the PostgreSQL schema folders of the same module version;
#  - Temporal's Web UI server, built pinned from the Go module proxy;
#  - supervisord, from PyPI into its own venv, pinned;
#  - HAProxy, from the system's packages (apt-get, when run as root; otherwise it says what to install).
# A second run finds them in place and does nothing. Called by scripts/bootstrap.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

TEMPORAL_SERVER_VERSION=v1.29.1   # newest whose go.mod has no replace and that this Go builds
TEMPORAL_UI_SERVER_VERSION=v2.42.1
SUPERVISOR_VERSION=4.3.0

bin=.tools/bin
stamp=.tools/cluster-tools.version
wanted="server $TEMPORAL_SERVER_VERSION ui $TEMPORAL_UI_SERVER_VERSION"
mkdir -p "$bin"

if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ] || [ ! -x "$bin/temporal-server" ] || [ ! -x "$bin/temporal-sql-tool" ] \
  || [ ! -x "$bin/temporal-ui-server" ] || [ ! -d .tools/temporal-schema/postgresql/v12 ]; then
  command -v go >/dev/null 2>&1 || { echo "bootstrap: need Go to build Temporal's server and Web UI for the cluster" >&2; exit 1; }
  echo "bootstrap: building Temporal server $TEMPORAL_SERVER_VERSION (server, schema tool) and Web UI $TEMPORAL_UI_SERVER_VERSION into $bin (several minutes, once)"
  staging="$(mktemp -d)"
  trap 'rm -rf "$staging"' EXIT
  # Each into a folder of its own: all three commands are called `server` or `sql`.
  GOBIN="$staging/server" GOFLAGS=-buildvcs=false go install "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION"
  GOBIN="$staging/ui" GOFLAGS=-buildvcs=false go install "github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_SERVER_VERSION"
  mv -f "$staging/server/server" "$bin/temporal-server"
  mv -f "$staging/server/sql" "$bin/temporal-sql-tool"
  mv -f "$staging/ui/server" "$bin/temporal-ui-server"
  # The schema the server expects, from the module the binaries were built from (read by temporal-sql-tool).
  module="$(go env GOMODCACHE)/go.temporal.io/server@$TEMPORAL_SERVER_VERSION"
  rm -rf .tools/temporal-schema && mkdir -p .tools/temporal-schema/postgresql
  cp -r "$module/schema/postgresql/v12" .tools/temporal-schema/postgresql/v12
  chmod -R u+w .tools/temporal-schema
  echo "$wanted" > "$stamp"
fi

supervisor=.tools/supervisor
if [ "$("$supervisor/bin/supervisord" --version 2>/dev/null)" != "$SUPERVISOR_VERSION" ]; then
  command -v python3 >/dev/null 2>&1 || { echo "bootstrap: need Python 3 (with venv) for supervisord, the cluster's process manager" >&2; exit 1; }
  echo "bootstrap: installing supervisor $SUPERVISOR_VERSION from PyPI into $supervisor"
  rm -rf "$supervisor"
  python3 -m venv "$supervisor"
  "$supervisor/bin/pip" install --quiet --disable-pip-version-check "supervisor==$SUPERVISOR_VERSION"
fi

if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "bootstrap: installing HAProxy (the cluster's load balancer) with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy >/dev/null; }
  else
    echo "bootstrap: HAProxy is missing: install it (sudo apt-get install haproxy, or your system's package) for \`npm run up:cluster\` and its test" >&2
  fi
fi
