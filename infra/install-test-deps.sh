#!/usr/bin/env bash
# Installs what the tests need on Debian (as root): PostgreSQL server, Chromium, wrk, an SMTP sink, Java (for the Nu
# Html Checker), a font (for the generated app icons), and from npm, into the git-ignored .test-tools/ of the
# repository, axe-core for the accessibility checks of the browser tests, vnu-jar for the HTML validity checks and
# Redocly's CLI for the OpenAPI lint. For the Helm chart's test: yamllint, and Go with Debian's packaged Sprig and YAML
# sources, from which infra/helm/render.sh builds its renderer offline.
# Does nothing for what is already there, so it is cheap to run every time.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/wrk ] || [ "${PLATFORM_SKIP_WRK:-}" = 1 ] || need+=(wrk)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v haproxy >/dev/null 2>&1 || need+=(haproxy)
command -v yamllint >/dev/null 2>&1 || need+=(yamllint)
command -v go >/dev/null 2>&1 || need+=(golang-go)
[ -d /usr/share/gocode/src/github.com/Masterminds/sprig ] || need+=(golang-github-masterminds-sprig-dev)
[ -d /usr/share/gocode/src/gopkg.in/yaml.v3 ] || need+=(golang-gopkg-yaml.v3-dev)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "Missing packages: ${need[*]}. Run as root, or install them: apt-get install ${need[*]}" >&2
    exit 1
  fi
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm tools, pinned; the browser tests inject .test-tools/node_modules/axe-core/axe.min.js into each page, the page
# validity tests run .test-tools/node_modules/vnu-jar/build/dist/vnu.jar. All are installed in one npm call, because
# npm removes from the folder what a call does not name. No install scripts: vnu-jar's would download a Java runtime
# when it finds none, and the jar itself is in the package.
AXE_VERSION=4.14.1
VNU_VERSION=26.9.27
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.test-tools"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$tools/node_modules/axe-core/package.json" \
  || ! grep -qs "\"version\": \"$VNU_VERSION\"" "$tools/node_modules/vnu-jar/package.json"; then
  echo "Installing axe-core $AXE_VERSION and vnu-jar $VNU_VERSION into .test-tools/"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --no-package-lock --ignore-scripts --silent \
    "axe-core@$AXE_VERSION" "vnu-jar@$VNU_VERSION"
fi

# Redocly CLI, pinned, in its own prefix so that installing it does not prune the other tools; the API tests run
# .test-tools/redocly/node_modules/.bin/redocly lint on the OpenAPI document (ADR-024).
REDOCLY_VERSION=2.77.0
if ! grep -qs "\"version\": \"$REDOCLY_VERSION\"" "$tools/redocly/node_modules/@redocly/cli/package.json"; then
  echo "Installing @redocly/cli $REDOCLY_VERSION into .test-tools/redocly/"
  mkdir -p "$tools/redocly"
  npm install --prefix "$tools/redocly" --no-save --no-audit --no-fund --no-package-lock --silent "@redocly/cli@$REDOCLY_VERSION"
fi
