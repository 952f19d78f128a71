#!/usr/bin/env bash
# Page weight of a first visit (issue 5: "the feed page's first load at most 100 KB transferred, images excluded").
# Publishes the host in Release, starts it on SQLite in a temporary folder, and fetches the public pages the way a
# phone's browser does on its first visit: the HTML with Accept-Encoding: br, gzip, then every stylesheet and script
# the page links (images are left out, as the budget says). Counts the bytes on the wire (headers excluded) and writes
# a table to docs/benchmarks.md. Usage: bench/page-weight.sh [--keep]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEEP=0; [ "${1:-}" = "--keep" ] && KEEP=1
BUDGET=$((100 * 1024))
log() { echo "[page-weight] $*" >&2; }
die() { log "$*"; exit 1; }
. "$ROOT/bench/single-host.sh"
single_host_start page-weight 5391
# bytes url -> prints "downloaded-bytes content-encoding"
fetch() {
  curl -sS -o "$WORK/body" -D "$WORK/headers" -H 'Accept-Encoding: br, gzip' \
    -H 'User-Agent: Mozilla/5.0 (Linux; Android 14) page-weight' -w '%{size_download}' "$1"
}

ROWS=()
measure() { # name path
  local name=$1 url="$BASE$2" html_bytes total assets=0 count=0 list=""
  html_bytes=$(fetch "$url")
  local html
  html=$(curl -sS --compressed "$url")
  total=$html_bytes
  # Stylesheets, scripts and fonts the page links; images are excluded by the budget.
  while read -r ref; do
    [ -z "$ref" ] && continue
    local abs
    case "$ref" in
      http*://*) abs=$ref ;;
      /*) abs="http://127.0.0.1:$PORT$ref" ;;
      *) abs="$BASE$ref" ;;
    esac
    local bytes
    bytes=$(fetch "$abs")
    assets=$((assets + bytes)); count=$((count + 1)); list="$list $(basename "${ref%%\?*}")"
  done < <(printf '%s' "$html" | grep -oE '<(link[^>]+rel="(stylesheet|preload)"[^>]*|script[^>]+src="[^"]+"[^>]*)>' \
            | grep -oE '(href|src)="[^"]+"' | sed -E 's/^(href|src)="//; s/"$//' | grep -vE '\.(png|jpe?g|webp|gif|svg|ico)(\?|$)' | sort -u)
  total=$((total + assets))
  local verdict="✅"; [ "$total" -gt "$BUDGET" ] && verdict="❌"
  log "$name: HTML $html_bytes B + $count assets ($list) $assets B = $total B"
  ROWS+=("| $name | $html_bytes | $count ($(echo $list | sed 's/ /, /g')) | $assets | $(awk -v b="$total" 'BEGIN { printf "%.1f", b / 1024 }') | $verdict |")
}

measure "feed (first page)" ""
measure "feed, topic Wohnen" "?topic=Wohnen"
first_post=$(curl -sS --compressed "$BASE" | grep -oE 'href="posts/[0-9a-f-]{36}"' | head -n 1 | sed -E 's/^href="//; s/"$//')
[ -n "$first_post" ] && measure "a post" "$first_post"
measure "search" "suche?q=Wohnung"
measure "contact" "kontakt"

# The feed on a phone with its images (issue 11): a real Chromium at 390 × 844, DPR 3, through the Node driver of
# Playwright that the browser tests' build ships (built here if it is missing).
PLAYWRIGHT_DIR=$(ls -d "$ROOT"/tests/Platform.Web.Tests/bin/*/net10.0/.playwright 2>/dev/null | head -n 1 || true)
if [ -z "$PLAYWRIGHT_DIR" ]; then
  log "building the browser tests for Playwright's driver"
  dotnet build "$ROOT/tests/Platform.Web.Tests" -c Release -nologo -v q >"$WORK/build-web-tests.log" 2>&1 || die "build failed (log: $WORK/build-web-tests.log)"
  PLAYWRIGHT_DIR=$(ls -d "$ROOT"/tests/Platform.Web.Tests/bin/Release/net10.0/.playwright)
fi
PHONE=$("$PLAYWRIGHT_DIR/node/linux-x64/node" "$ROOT/bench/phone-first-visit.js" "$PLAYWRIGHT_DIR/package" "$BASE") || die "the phone visit failed"
log "feed on a phone: $PHONE"
PHONE_ROW=$(python3 - "$PHONE" <<'PY'
import json, sys
t = json.loads(sys.argv[1])
without = t["document"] + t["stylesheet"] + t["script"] + t["other"]
total = without + t["image"]
print(f"| feed (first page), 390 × 844 at DPR 3 | {t['requests']} | {t['thirdParty']} | {without / 1024:.1f} | {t['image'] / 1024:.1f} | {total / 1024:.1f} | {'✅' if without <= 100 * 1024 else '❌'} |")
PY
)

RESULT="$WORK/result.md"
{
  echo "## Page weight of a first visit (bench/page-weight.sh)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'): Release build, SQLite,"
  echo "Groß-Gerau by path; bytes on the wire with \`Accept-Encoding: br, gzip\` (response headers excluded), the"
  echo "HTML plus every stylesheet and script it links; images excluded as the budget says. Budget: 100 KB (issue 5)."
  echo
  echo "| page | HTML (B) | stylesheets and scripts | their bytes | total (KB) | ≤ 100 KB |"
  echo "|---|---:|---|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "The feed as a phone loads it on a first visit, images included (issue 11): headless Chromium at 390 × 844 CSS px,"
  echo "device pixel ratio 3, empty cache, not scrolled (lazy images below the first screen are not fetched); bodies as"
  echo "transferred, headers excluded. The budget of 100 KB applies to everything but the images."
  echo
  echo "| page | requests | to other sites | without images (KB) | images (KB) | total (KB) | ≤ 100 KB without images |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  echo "$PHONE_ROW"
} >"$RESULT"
cat "$RESULT"

DOC="$ROOT/docs/benchmarks.md"
python3 - "$DOC" "$RESULT" <<'PY'
import re, sys
doc, result = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip() + "\n"
text = open(doc, encoding="utf-8").read()
pattern = re.compile(r"## Page weight of a first visit \(bench/page-weight\.sh\)\n.*?(?=\n## |\Z)", re.S)
text = pattern.sub(lambda m: result.rstrip("\n") + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + result
open(doc, "w", encoding="utf-8").write(text)
PY
log "written to docs/benchmarks.md"
