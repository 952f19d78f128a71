#!/usr/bin/env bash
# Installs what the tests need on Debian (as root): PostgreSQL server, Chromium, wrk, an SMTP sink, and axe-core
# (from npm, into the git-ignored .test-tools/ of the repository) for the accessibility checks of the browser tests.
# Does nothing for what is already there, so it is cheap to run every time.
set -euo pipefail

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/wrk ] || [ "${PLATFORM_SKIP_WRK:-}" = 1 ] || need+=(wrk)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
command -v npm >/dev/null 2>&1 || need+=(npm)

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

# axe-core, pinned; the browser tests inject .test-tools/node_modules/axe-core/axe.min.js into each page.
AXE_VERSION=4.14.1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.test-tools"
if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$tools/node_modules/axe-core/package.json"; then
  echo "Installing axe-core $AXE_VERSION into .test-tools/"
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund --no-package-lock --silent "axe-core@$AXE_VERSION"
fi
