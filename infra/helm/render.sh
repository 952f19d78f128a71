#!/usr/bin/env bash
# Renders the Helm chart the way `helm template` does, without Helm (none is installable here): a small Go program,
# infra/helm/render/main.go, runs Go's text/template with Sprig and Helm's own functions (infra/helm/platform/README.md,
# "How it is rendered without Helm"). Built offline from Debian's packaged Go sources (golang-go,
# golang-github-masterminds-sprig-dev, golang-gopkg-yaml.v3-dev; infra/install-test-deps.sh installs them) and cached
# by the hash of its source.
#
#   infra/helm/render.sh [NAME] [CHART] [-f values.yaml]... [--set a.b=c]... [--set-string a.b=c]... [-n NAMESPACE]
#
# NAME defaults to platform, CHART to infra/helm/platform. The manifests go to stdout; a missing required value or
# any template error exits 1 with Helm's wording on stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gopath=/usr/share/gocode

command -v go >/dev/null 2>&1 || { echo "render.sh: go not found (apt-get install golang-go, or run infra/install-test-deps.sh)" >&2; exit 2; }
for package in github.com/Masterminds/sprig gopkg.in/yaml.v3; do
  [ -d "$gopath/src/$package" ] || { echo "render.sh: $gopath/src/$package not found (run infra/install-test-deps.sh)" >&2; exit 2; }
done

cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/platform-helm-render"
hash="$(cat "$here/render/main.go" | sha256sum | cut -c1-16)"
binary="$cache/render-$hash"
if [ ! -x "$binary" ]; then
  mkdir -p "$cache"
  # Built to a file of its own, then renamed: concurrent runs never execute a half-written binary.
  tmp="$(mktemp "$cache/build.XXXXXX")"
  (cd "$here/render" && GO111MODULE=off GOPATH="$gopath" GOFLAGS= GOCACHE="${GOCACHE:-$cache/go-build}" \
    go build -o "$tmp" .) || { rm -f "$tmp"; exit 2; }
  mv -f "$tmp" "$binary"
fi

# NAME and CHART are optional and positional, as for `helm template`; without CHART, the platform's chart.
exec "$binary" --default-chart "$here/platform" "$@"
