#!/usr/bin/env bash
# Installs what the project needs, once, from the package registries only:
#  - npm packages from the lockfile, Node 24 among them (the system Node may be older);
#  - the Temporal CLI (dev server + Web UI), built pinned from the Go module proxy, unless `temporal` is on PATH;
#  - the classpath of Temporal's Java time-skipping test server, from Maven Central;
#  - schemathesis, the OpenAPI fuzzer the suite runs, from PyPI into its own venv, pinned with all it
#    pulls in (deploy/schemathesis/requirements.txt);
#  - for `npm run up:cluster`: Temporal's server, schema tool and Web UI, supervisord and HAProxy
#    (scripts/tools/cluster-tools.sh).
# A second run finds all of them in place and does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_CLI_VERSION=v1.5.1   # newest tag `go install` accepts (later ones carry a replace directive)

lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat node_modules/.asb-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  echo "bootstrap: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.asb-lock-hash
fi

mkdir -p .tools/bin
if ! command -v temporal >/dev/null 2>&1 && [ ! -x .tools/bin/temporal ]; then
  command -v go >/dev/null 2>&1 || { echo "bootstrap: need Go (to build the Temporal CLI) or a 'temporal' binary on PATH" >&2; exit 1; }
  echo "bootstrap: building the Temporal CLI $TEMPORAL_CLI_VERSION into .tools/bin (a few minutes, once)"
  GOBIN="$PWD/.tools/bin" GOFLAGS=-buildvcs=false go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
fi

if [ ! -s .tools/temporal-test-server.classpath ] || [ deploy/temporal-test-server/pom.xml -nt .tools/temporal-test-server.classpath ]; then
  command -v mvn >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { echo "bootstrap: need Java and Maven for Temporal's time-skipping test server" >&2; exit 1; }
  echo "bootstrap: resolving Temporal's time-skipping test server from Maven Central"
  mvn -q -B -Dstyle.color=never -f deploy/temporal-test-server/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/.tools/temporal-test-server.classpath"
fi

fuzzer=.tools/schemathesis
requirements_hash="$(sha256sum deploy/schemathesis/requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$fuzzer/.requirements-hash" 2>/dev/null)" != "$requirements_hash" ] || ! "$fuzzer/bin/schemathesis" --version >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || { echo "bootstrap: need Python 3.10+ (with venv) for schemathesis, the OpenAPI fuzzer" >&2; exit 1; }
  echo "bootstrap: installing schemathesis from PyPI into $fuzzer"
  rm -rf "$fuzzer"
  python3 -m venv "$fuzzer"
  "$fuzzer/bin/pip" install --quiet --disable-pip-version-check -r deploy/schemathesis/requirements.txt
  echo "$requirements_hash" > "$fuzzer/.requirements-hash"
fi

bash scripts/tools/cluster-tools.sh
