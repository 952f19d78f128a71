#!/usr/bin/env bash
# The tools (issue 15): publishes the host in Release, starts it on SQLite in a temporary folder and drives the
# Bewerbungsmappe in headless Chromium (bench/tools-pdf.js): the time to build a 12-page PDF from a 2-page PDF and 10
# photos of 12 MP at the default 5 MB target, the resulting size, and the bytes the tool pages load beyond the feed.
# Writes a section of docs/benchmarks.md. Usage: bench/tools.sh [--keep]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_NAME=tools
. "$ROOT/bench/lib.sh"
[ "${1:-}" = "--keep" ] && KEEP=1
START_MARK='<!-- tools-bench:start -->'
END_MARK='<!-- tools-bench:end -->'
. "$ROOT/bench/single-host.sh"
single_host_start tools-bench 57390
PLAYWRIGHT_DIR=$(ls -d "$ROOT"/tests/Platform.Web.Tests/bin/*/net10.0/.playwright 2>/dev/null | head -n 1 || true)
if [ -z "$PLAYWRIGHT_DIR" ]; then
  log "building the browser tests for Playwright's driver"
  dotnet build "$ROOT/tests/Platform.Web.Tests" -c Release -nologo -v q >"$WORK/build-web-tests.log" 2>&1 || die "build failed (log: $WORK/build-web-tests.log)"
  PLAYWRIGHT_DIR=$(ls -d "$ROOT"/tests/Platform.Web.Tests/bin/Release/net10.0/.playwright)
fi
log "driving the Bewerbungsmappe in Chromium"
JSON=$("$PLAYWRIGHT_DIR/node/linux-x64/node" "$ROOT/bench/tools-pdf.js" "$PLAYWRIGHT_DIR/package" "$BASE") || die "the browser run failed"
log "$JSON"
RESULT="$WORK/result.md"
python3 - "$JSON" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" "$(nproc)" >"$RESULT" <<'PY'
import json, sys
r, when, commit, cores = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
kb = lambda b: f"{b / 1024:.1f}"
feed = r["feed"]
print("<!-- tools-bench:start -->")
print("## Bewerbungsmappe and Video-Check (`bench/tools.sh`)")
print()
print(f"Measured {when} on {commit}, {cores} cores: Release build, SQLite, Groß-Gerau by path, headless Debian Chromium")
print("through Playwright's Node driver (`bench/tools-pdf.js`); bytes as transferred (compressed), headers and images excluded.")
print()
b = r["build"]
print(f"- Build: a 2-page PDF and 10 photos of 4000 × 3000 px (12 MP, {b['photoBytes'] / 1048576:.1f} MB of JPEG) become a")
print(f"  12-page PDF in **{b['seconds']:.1f} s**, from choosing the files to the download being ready; the file is")
print(f"  **{b['bytes'] / 1048576:.2f} MB** (target 5 MB: {'met' if b['state'] == 'fits' else 'NOT met'}).")
print()
print("| page | HTML (KB) | stylesheets (KB) | scripts (KB) | total (KB) | beyond the feed (KB) |")
print("|---|---:|---:|---:|---:|---:|")
tot = lambda t: t["document"] + t["stylesheet"] + t["script"] + t["other"]
for name, key in [("feed (first page)", "feed"), ("bewerbungsmappe", "mappe"), ("video-check", "video")]:
    t = r[key]
    print(f"| {name} | {kb(t['document'])} | {kb(t['stylesheet'])} | {kb(t['script'])} | {kb(tot(t))} | {kb(tot(t) - tot(feed)) if key != 'feed' else '–'} |")
print()
print("pdf-lib (about 513 KB minified, served compressed) is linked only from the Bewerbungsmappe; the feed loads none of it.")
print("<!-- tools-bench:end -->")
PY
cat "$RESULT"
bench_write_section "$RESULT"
log "written to docs/benchmarks.md"
