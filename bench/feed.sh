#!/usr/bin/env bash
# Feed benchmark: requests per second and p50/p99 latency of the feed, measured in one run on PostgreSQL, and the
# ratios between them. Writes its section of docs/benchmarks.md (between the feed-bench markers) and nothing else.
#
#   bench/feed.sh                      build the working tree's src/ (a copy of it) and measure
#   BENCH_REF=HEAD bench/feed.sh       build a committed version instead (a `git archive` of it)
#   BENCH_SRC=/path/to/tree BENCH_DOC=/tmp/x.md bench/feed.sh
#                                      build another tree's src/ (e.g. a scratch copy with a change to try) and write
#                                      the result elsewhere, so docs/benchmarks.md keeps describing this checkout
#
# What runs (all on 127.0.0.1, all against one throw-away PostgreSQL):
#   host "cached"    Platform.Api published in Release, Production, all roles, output caching on (the default)
#   host "uncached"  the same build with Platform__OutputCache__Enabled=false and roles Web,Api (no second job server)
#   baseline         bench/FeedBaseline: the feed's statements (tenant set_config, topics, count kept a minute as the product's, page, covers) on raw
#                    Npgsql behind a minimal API, same JSON
# All connect as the login feed_app, a member of platform_app (row-level security holds, as in production); only the
# migrations run as the owner.
# Targets, each loaded by wrk with the tenant's Host header:
#   API uncached / API cached   GET /api/v1/posts
#   feed page                   GET /                (HTML of the tenant's feed)
#   link page, Atom, RSS        GET /links, /feed.atom, /feed.rss (issue 11: what Instagram's bio link and the
#                               jobcenter's homepage fetch), on the cached host
#   bare endpoint               GET /api/v1/ping if the host has it, else GET /health/live (small JSON, no database)
#   baseline API / baseline bare  GET /api/v1/posts and GET /bare on bench/FeedBaseline
# Every target is warmed up first (BENCH_WARMUP s each: the tiered JIT needs >10 s under load on 2 cores to settle),
# then measured for BENCH_DURATION s, split into BENCH_ROUNDS rounds whose order alternates (forward, backward, ...)
# so that a machine getting busier or quieter during the run biases no ratio.
#
# Settings (environment): BENCH_DURATION=10 BENCH_ROUNDS=2 BENCH_WARMUP=15 BENCH_CONNECTIONS=16 BENCH_THREADS=1
#   BENCH_TENANT=gross-gerau BENCH_PORT_BASE=5901 BENCH_PG_PORT=55901 BENCH_REF= BENCH_SRC= BENCH_KEEP=0 (1 keeps
#   the temp folder with logs and raw wrk output) BENCH_DOC=docs/benchmarks.md
# Takes about 3.5 minutes with the defaults (of which ~1 minute is building).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${BENCH_DURATION:-10}
ROUNDS=${BENCH_ROUNDS:-2}
WARMUP=${BENCH_WARMUP:-15}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-1}
TENANT=${BENCH_TENANT:-gross-gerau}
PORT_BASE=${BENCH_PORT_BASE:-5901}
PG_PORT_BASE=${BENCH_PG_PORT:-55901}
REF=${BENCH_REF:-}
FROM=${BENCH_SRC:-}
HOST_HEADER="Host: $TENANT.localhost"
START_MARK='<!-- feed-bench:start -->'
END_MARK='<!-- feed-bench:end -->'

. "$ROOT/bench/lib.sh"

[ "$ROUNDS" -ge 1 ] || die "BENCH_ROUNDS must be at least 1"
SLICE=$(( DURATION / ROUNDS ))
[ "$SLICE" -ge 1 ] || die "BENCH_DURATION / BENCH_ROUNDS must be at least 1 s"

bench_init feed-bench
command -v wrk >/dev/null || die "wrk is missing"

# ---------------------------------------------------------------------------------------------------------------
# 1. Sources and build. A copy keeps the build away from the shared tree's obj/ folders and from edits made while
#    it runs; the baseline project always comes from this checkout's bench/.
# ---------------------------------------------------------------------------------------------------------------
bench_sources FeedBaseline

log "publishing Platform.Api and bench/FeedBaseline (Release) from $source_desc"
bench_publish "$SRC/src/Platform.Api" "$WORK/app"
bench_publish "$SRC/bench/FeedBaseline" "$WORK/baseline"

# ---------------------------------------------------------------------------------------------------------------
# 2. PostgreSQL and the three processes.
# ---------------------------------------------------------------------------------------------------------------
PG_PORT=$("$ROOT/infra/postgres.sh" start "$WORK/pg" "$PG_PORT_BASE")
# As in production (ADR-006): the hosts and the baseline connect as a login of platform_app, which owns nothing and is
# held by row-level security; only the migrations run as the owner.
OWNER_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=bench"
CONN="Host=127.0.0.1;Port=$PG_PORT;Username=feed_app;Password=feed;Database=bench"
PGPASSWORD=postgres psql -qX -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_app') THEN CREATE ROLE platform_app NOLOGIN; END IF; END \$\$" \
  -c "CREATE ROLE feed_app LOGIN PASSWORD 'feed' IN ROLE platform_app" >/dev/null
PORT_CACHED=$(next_port "$PORT_BASE")
PORT_UNCACHED=$(next_port $((PORT_CACHED + 1)))
PORT_BASELINE=$(next_port $((PORT_UNCACHED + 1)))
log "PostgreSQL on $PG_PORT; hosts on $PORT_CACHED (cached), $PORT_UNCACHED (uncached), $PORT_BASELINE (baseline)"

start_process() { # name dir dll port [VAR=value...]; the subshell execs dotnet, so $! is its pid
  local name=$1 dir=$2 dll=$3 port=$4
  shift 4
  (cd "$dir" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning "ConnectionStrings__Platform=$CONN" "$@" dotnet "$dll") \
    >"$WORK/$name.log" 2>&1 </dev/null &
  PIDS+=($!)
  eval "PID_$name=$!"
}

wait_ready() { # name port path
  local name=$1 port=$2 path=$3 pid_var="PID_$1"
  for _ in $(seq 240); do
    if ! kill -0 "${!pid_var}" 2>/dev/null; then
      tail -n 30 "$WORK/$name.log" >&2
      die "$name exited during start-up"
    fi
    curl -sf -o /dev/null -m 2 "http://127.0.0.1:$port$path" && return 0
    sleep 0.5
  done
  tail -n 30 "$WORK/$name.log" >&2
  die "$name did not answer $path within 120 s"
}

# Production encrypts the Data Protection key ring with a certificate and refuses to start without one.
"$ROOT/infra/dataprotection-cert.sh" "$WORK/dataprotection.pfx" bench
product_env=(Platform__Database__Provider=PostgreSql "ConnectionStrings__PlatformMigrations=$OWNER_CONN"
  "Platform__DataProtection__CertificatePath=$WORK/dataprotection.pfx"
  Platform__DataProtection__CertificatePassword=bench)
# The cached host starts first and alone: it migrates the database and seeds the demo tenants.
start_process cached "$WORK/app" Platform.Api.dll "$PORT_CACHED" "${product_env[@]}" Platform__OutputCache__Enabled=true
wait_ready cached "$PORT_CACHED" /health/live
start_process uncached "$WORK/app" Platform.Api.dll "$PORT_UNCACHED" "${product_env[@]}" \
  Platform__OutputCache__Enabled=false Platform__Roles=Web,Api
start_process baseline "$WORK/baseline" FeedBaseline.dll "$PORT_BASELINE"
wait_ready uncached "$PORT_UNCACHED" /health/live
wait_ready baseline "$PORT_BASELINE" /bare

# ---------------------------------------------------------------------------------------------------------------
# 3. Checks: each target answers as expected, caching is on where it should be and off where it should not.
# ---------------------------------------------------------------------------------------------------------------
get() { # port path -> writes headers to $WORK/h and body to $WORK/b, prints the status
  curl -s -m 10 -H "$HOST_HEADER" -D "$WORK/h" -o "$WORK/b" -w '%{http_code}' "http://127.0.0.1:$1$2"
}
served_from_cache() { # port path: a second request within the 1 s expiry carries an Age header if it was cached
  local _
  # Up to 5 tries: on a busy machine the second request may come after the entry expired.
  for _ in 1 2 3 4 5; do
    get "$1" "$2" >/dev/null
    get "$1" "$2" >/dev/null
    grep -qi '^age:' "$WORK/h" && return 0
  done
  return 1
}

[ "$(get "$PORT_CACHED" /api/v1/posts)" = 200 ] || die "GET /api/v1/posts on the cached host: not 200"
grep -q '"items"' "$WORK/b" || die "GET /api/v1/posts did not return a feed page"
served_from_cache "$PORT_CACHED" /api/v1/posts || die "the cached host did not serve /api/v1/posts from its output cache"
if served_from_cache "$PORT_UNCACHED" /api/v1/posts; then
  die "Platform__OutputCache__Enabled=false is not honoured by this build: the uncached host serves from its cache"
fi

# The baseline must produce the very same bytes; a scheduled demo post may be published between the two reads.
same_json=no
for _ in 1 2 3; do
  get "$PORT_UNCACHED" /api/v1/posts >/dev/null && cp "$WORK/b" "$WORK/product.json"
  [ "$(get "$PORT_BASELINE" /api/v1/posts)" = 200 ] || die "the baseline's /api/v1/posts is not 200"
  if cmp -s "$WORK/b" "$WORK/product.json"; then same_json=yes; break; fi
  sleep 1
done
[ "$same_json" = yes ] || log "WARNING: the baseline's JSON differs from the product's (see $WORK/product.json, $WORK/b)"
feed_bytes=$(wc -c <"$WORK/product.json")

[ "$(get "$PORT_CACHED" /)" = 200 ] || die "GET / (feed page) on the cached host: not 200"
grep -qi '^content-type: text/html' "$WORK/h" || die "GET / did not return HTML"
page_bytes=$(wc -c <"$WORK/b")
page_cached=no
served_from_cache "$PORT_CACHED" / && page_cached=yes

for path in /links /feed.atom /feed.rss; do
  [ "$(get "$PORT_CACHED" "$path")" = 200 ] || die "GET $path on the cached host: not 200"
done
grep -qi '^content-type: application/rss+xml' "$WORK/h" || die "GET /feed.rss did not return RSS"

if [ "$(get "$PORT_CACHED" /api/v1/ping)" = 200 ] && grep -qi '^content-type: application/json' "$WORK/h"; then
  BARE_PATH=/api/v1/ping
else
  BARE_PATH=/health/live
  [ "$(get "$PORT_CACHED" "$BARE_PATH")" = 200 ] || die "GET $BARE_PATH: not 200"
fi
get "$PORT_CACHED" "$BARE_PATH" >/dev/null
bare_body=$(head -c 120 "$WORK/b")
bare_type=$(grep -i '^content-type:' "$WORK/h" | cut -d' ' -f2- | tr -d '\r' | cut -d';' -f1)

# ---------------------------------------------------------------------------------------------------------------
# 4. Load. Targets: key|label|port|path
# ---------------------------------------------------------------------------------------------------------------
TARGETS=(
  "baseline|Baseline: raw Npgsql feed API (bench/FeedBaseline)|$PORT_BASELINE|/api/v1/posts"
  "uncached|(a) Feed API, uncached|$PORT_UNCACHED|/api/v1/posts"
  "cached|(a) Feed API, cached (output cache, 1 s)|$PORT_CACHED|/api/v1/posts"
  "bare|(c) Bare endpoint of the host|$PORT_CACHED|$BARE_PATH"
  "page|(b) Feed page (HTML)|$PORT_CACHED|/"
  "links|Link page for an Instagram bio (HTML)|$PORT_CACHED|/links"
  "atom|Atom feed for homepages and feed readers|$PORT_CACHED|/feed.atom"
  "rss|RSS feed|$PORT_CACHED|/feed.rss"
  "rawbare|Reference: constant JSON on a bare minimal API (bench/FeedBaseline)|$PORT_BASELINE|/bare"
)

run_wrk() { # seconds port path -> prints the RESULT line
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${1}s" --timeout 5s -s "$ROOT/bench/wrk-report.lua" -H "$HOST_HEADER" \
    "http://127.0.0.1:$2$3" | grep '^RESULT '
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "warming up: ${WARMUP} s per target"
for t in "${TARGETS[@]}"; do
  IFS='|' read -r key _ port path <<<"$t"
  run_wrk "$WARMUP" "$port" "$path" >"$WORK/warmup-$key.txt"
done

log "measuring: ${ROUNDS} round(s) of ${SLICE} s per target"
: >"$WORK/results.txt"
for round in $(seq "$ROUNDS"); do
  order=("${TARGETS[@]}")
  if [ $((round % 2)) = 0 ]; then
    order=()
    for ((i = ${#TARGETS[@]} - 1; i >= 0; i--)); do order+=("${TARGETS[$i]}"); done
  fi
  for t in "${order[@]}"; do
    IFS='|' read -r key _ port path <<<"$t"
    echo "$key $(run_wrk "$SLICE" "$port" "$path")" >>"$WORK/results.txt"
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# Per target: requests/s over all rounds; p50 and p99 as the request-weighted mean of the rounds' values.
summarize() { # key -> "rps p50_ms p99_ms errors"
  awk -v k="$1" '$1 == k { n += $3; us += $4; p50 += $5 * $3; p99 += $6 * $3; err += $7 + $8 }
    END { if (us == 0 || n == 0) { print "0 0 0 0"; exit }
          printf "%.0f %.2f %.2f %d\n", n / (us / 1e6), p50 / n / 1000, p99 / n / 1000, err }' "$WORK/results.txt"
}
declare -A RPS P50 P99 ERR
for t in "${TARGETS[@]}"; do
  IFS='|' read -r key _ _ _ <<<"$t"
  read -r RPS[$key] P50[$key] P99[$key] ERR[$key] <<<"$(summarize "$key")"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "0"; else printf "%.2f", a / b }'; }
pct() { awk -v r="$1" 'BEGIN { printf "%.0f %%", r * 100 }'; }
met() { awk -v r="$1" -v g="$2" 'BEGIN { print (r >= g) ? "✅" : "❌" }'; }
group() { echo "$1"; }

r_uncached=$(ratio "${RPS[uncached]}" "${RPS[baseline]}")
r_cached=$(ratio "${RPS[cached]}" "${RPS[bare]}")
r_page=$(ratio "${RPS[page]}" "${RPS[bare]}")
r_bare=$(ratio "${RPS[bare]}" "${RPS[rawbare]}")
r_cache_gain=$(ratio "${RPS[cached]}" "${RPS[uncached]}")
r_page_api=$(ratio "${RPS[page]}" "${RPS[uncached]}")
r_links=$(ratio "${RPS[links]}" "${RPS[bare]}")
r_atom=$(ratio "${RPS[atom]}" "${RPS[bare]}")
r_rss=$(ratio "${RPS[rss]}" "${RPS[bare]}")

# ---------------------------------------------------------------------------------------------------------------
# 5. docs/benchmarks.md: only the section between the markers is rewritten.
# ---------------------------------------------------------------------------------------------------------------
errors_total=0
for t in "${TARGETS[@]}"; do IFS='|' read -r key _ _ _ <<<"$t"; errors_total=$((errors_total + ERR[$key])); done

error_note=""
if [ "$errors_total" -gt 0 ]; then
  error_note=" $errors_total requests failed or were not 2xx/3xx (see the table): those numbers are not trustworthy."
fi

verdict() { awk -v r="$1" -v g="$2" 'BEGIN { print (r >= g) ? "meets" : "misses" }'; }
reading="In this run the uncached feed API reached $(pct "$r_uncached") of the raw-Npgsql baseline and \
$(verdict "$r_uncached" 0.8) the 80 % goal; both connect as a login of the row-level-security role platform_app, \
set the tenant with set_config on one connection, read the tenant's topics, take the tenant's count from memory (a \
minute at most; counted when it is older), read a page of 12 (+1 for the next cursor) and return \
byte-identical JSON ($([ "$same_json" = yes ] && echo "checked before the load" || echo "NOT confirmed in this run")), \
so the gap is what EF Core, the mediator pipeline and the host's middleware cost per request. \
With output caching the feed API reached $(pct "$r_cached") of the host's bare endpoint ($(verdict "$r_cached" 0.7) \
the 70 % goal) and $(awk -v r="$r_cache_gain" 'BEGIN { printf "%.0f", r }')× its uncached rate. \
The feed page reached $(pct "$r_page") of the bare endpoint ($(verdict "$r_page" 0.5) the 50 % goal); \
$(if [ "$page_cached" = yes ]; then echo "it is served from the output cache, so it costs little more than the bare endpoint."; \
else echo "it is not output-cached: every request renders the page and queries the database (at $(pct "$r_page_api") of the uncached API's rate), which bounds it far below an endpoint that touches no database."; fi) \
The host's bare endpoint ran at $(pct "$r_bare") of a constant JSON on a bare minimal API (the difference is what \
the host's middleware costs on a request that does nothing). All targets share 2 cores with wrk and PostgreSQL on a machine others use too (load averages over 1, 5 and 15 minutes: \
$load_start at the start, $load_end at the end): treat differences of 10–15 % between runs as noise and compare \
ratios, not absolute numbers.$error_note"

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
mem_gb=$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
os_name=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)
dotnet_rt=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
pg_version=$("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version | awk '{ print $3 }')
wrk_version=$( (wrk -v 2>&1 || true) | awk 'NR == 1 { sub(/^debian\//, "", $2); print $2 }')
elapsed=$(( $(date +%s) - started ))

section=$WORK/section.md
{
  echo "$START_MARK"
  echo "## Feed: API, page and raw-Npgsql baseline (\`bench/feed.sh\`)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($cpu_model), ${mem_gb} GB RAM, $os_name;"
  echo "ASP.NET Core $dotnet_rt, PostgreSQL $pg_version, wrk $wrk_version. Source: $source_desc."
  echo "Load: \`wrk -t$THREADS -c$CONNECTIONS\` on loopback with \`$HOST_HEADER\`; every target warmed up for ${WARMUP} s,"
  echo "then measured ${DURATION} s in $ROUNDS round(s) of ${SLICE} s with alternating order (p50/p99: request-weighted mean"
  echo "of the rounds). Feed: tenant \`$TENANT\`, page 1 of 12, ${feed_bytes} bytes of JSON; page: ${page_bytes} bytes of HTML."
  echo "Bare endpoint: \`GET $BARE_PATH\` ($bare_type, \`$bare_body\`). Whole script: ${elapsed} s."
  echo
  echo "| Target | Request | Requests/s | p50 | p99 | Errors |"
  echo "|---|---|---:|---:|---:|---:|"
  for t in "${TARGETS[@]}"; do
    IFS='|' read -r key label port path <<<"$t"
    echo "| $label | \`GET $path\` | $(group "${RPS[$key]}") | ${P50[$key]} ms | ${P99[$key]} ms | ${ERR[$key]} |"
  done
  echo
  echo "| Goal | Ratio in this run | Target | Met |"
  echo "|---|---:|---:|:---:|"
  echo "| Uncached feed API vs raw-Npgsql baseline | $(pct "$r_uncached") | ≥ 80 % | $(met "$r_uncached" 0.8) |"
  echo "| Cached feed API vs bare endpoint | $(pct "$r_cached") | ≥ 70 % | $(met "$r_cached" 0.7) |"
  echo "| Feed page vs bare endpoint | $(pct "$r_page") | ≥ 50 % | $(met "$r_page" 0.5) |"
  echo "| Link page vs bare endpoint | $(pct "$r_links") | ≥ 70 % | $(met "$r_links" 0.7) |"
  echo "| Atom feed vs bare endpoint | $(pct "$r_atom") | ≥ 70 % | $(met "$r_atom" 0.7) |"
  echo "| RSS feed vs bare endpoint | $(pct "$r_rss") | ≥ 70 % | $(met "$r_rss" 0.7) |"
  echo
  echo "Other ratios: cached vs uncached feed API $(awk -v r="$r_cache_gain" 'BEGIN { printf "%.1f", r }')×;"
  echo "feed page vs uncached feed API $(pct "$r_page_api"); bare endpoint vs a constant JSON on a bare minimal API $(pct "$r_bare")."
  echo "Feed page output-cached: $page_cached. Baseline JSON byte-identical to the product's: $same_json."
  echo
  echo "$reading" | tr -s ' '
  echo "$END_MARK"
} >"$section"

bench_write_section "$section"

log "done in ${elapsed} s; wrote $(realpath --relative-to="$ROOT" "$DOC")"
sed -n '/^| Target/,/^$/p;/^| Goal/,/^$/p' "$section" >&2
