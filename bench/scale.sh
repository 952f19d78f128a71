#!/usr/bin/env bash
# Scale benchmark (issue 13): the public read paths at growing data sizes, on PostgreSQL (as the row-level-security app
# role) and on the default SQLite file. Writes its section of docs/benchmarks.md (between the scale-bench markers) and
# the query plans to docs/benchmarks-scale-plans.md, nothing else.
#
#   bench/scale.sh                                   build a copy of the working tree's src/, generate or reuse the
#                                                    data, measure, write the doc
#   BENCH_SIZES="10x1000 10x10000" bench/scale.sh    only these sizes (TENANTSxPOSTS_PER_TENANT)
#   BENCH_DBS=sqlite bench/scale.sh                  only one database (postgresql, sqlite)
#   BENCH_REF=HEAD / BENCH_SRC=/tree BENCH_DOC=/tmp/x.md   as in bench/feed.sh
#
# Data: bench/ScaleData (a console program) copies the demo tenant gross-gerau to scale-000 … with its topics and
# writes TENANTS × POSTS published posts, interleaved by tenant in insertion order, German texts from a word list with
# "Bewerbung" in ~35 % of the posts and "Zweiradmechatroniker" in one per 10,000 per tenant, one post in ten an event.
# PostgreSQL: binary COPY; SQLite: one transaction of prepared inserts; the Posts table's secondary indexes are dropped
# before and recreated after; the search index is filled by the product's own generated column / FTS triggers. The
# migrated and filled databases are kept in bench/.scale-cache/ (git-ignored), keyed by size and by a hash of the
# schema sources (migrations, search, seeding) and of the generator, so a re-run with the same schema only measures.
#
# Per size and database: the Release build in Production, output cache off, roles Web,Api; on PostgreSQL as the login
# scale_app (member of platform_app, so row-level security holds; the owner only migrates). Targets (tenant scale-000):
#   feed        GET /api/v1/posts                     topic       GET /api/v1/posts?topic=Ausbildung
#   deep        GET /api/v1/posts?after=…  (the cursor 50 pages down, followed from page 1)
#   common      GET /api/v1/posts/search?q=Bewerbung  rare        GET /api/v1/posts/search?q=Zweiradmechatroniker
#   events      GET /api/v1/events/calendar?month=…   (the current month)
#   post        GET /posts/{id}                       (HTML page of the newest post)
# Each target: wrk -t2 -cBENCH_CONNECTIONS, BENCH_WARMUP s warm-up, then BENCH_DURATION s measured.
# Plans: PostgreSQL through auto_explain (ANALYZE, BUFFERS) of the statements the product itself sends for one request
# per target, as the app role with its tenant set; SQLite: EXPLAIN QUERY PLAN of the statements from EF Core's command
# log of one request per target (a separate short start of the host with that log on).
#
# Settings: BENCH_SIZES="10x1000 10x10000 100x10000" BENCH_DBS="postgresql sqlite" BENCH_DURATION=8 BENCH_WARMUP=4
#   BENCH_CONNECTIONS=8 BENCH_PORT_BASE=5941 BENCH_PG_PORT=55541 BENCH_CACHE=bench/.scale-cache BENCH_KEEP=0
#   BENCH_BEFORE=bench/.scale-cache/results-….txt (an earlier run's raw results, which every run leaves in the cache:
#   adds a before/after table to the section) BENCH_REPORT_FROM=DIR (no build, no measuring: writes the section from
#   the raw files of a run kept with BENCH_KEEP=1, i.e. its results.txt, facts.txt, plans.md, source, load)
set -euo pipefail
{ # The whole script is read before it runs: editing it during a (long) run cannot change that run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SIZES=${BENCH_SIZES:-10x1000 10x10000 100x10000}
DBS=${BENCH_DBS:-postgresql sqlite}
DURATION=${BENCH_DURATION:-8}
WARMUP=${BENCH_WARMUP:-4}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
PORT_BASE=${BENCH_PORT_BASE:-5941}
PG_PORT_BASE=${BENCH_PG_PORT:-55541}
CACHE=${BENCH_CACHE:-$ROOT/bench/.scale-cache}
REF=${BENCH_REF:-}
FROM=${BENCH_SRC:-}
BEFORE=${BENCH_BEFORE:-}
REPORT_FROM=${BENCH_REPORT_FROM:-}
TENANT=scale-000
HOST_HEADER="Host: $TENANT.localhost"
START_MARK='<!-- scale-bench:start -->'
END_MARK='<!-- scale-bench:end -->'

. "$ROOT/bench/lib.sh"
bench_init scale-bench
command -v wrk >/dev/null || die "wrk is missing"
command -v sqlite3 >/dev/null || die "sqlite3 is missing"
command -v jq >/dev/null || die "jq is missing"
PLANS_DOC=$(dirname "$DOC")/benchmarks-scale-plans.md

if [ -n "$REPORT_FROM" ]; then
  # Only the report, from the raw files of an earlier run (results.txt, facts.txt, plans.md; source and load optional).
  for f in results.txt facts.txt plans.md; do cp "$REPORT_FROM/$f" "$WORK/$f"; done
  source_desc=$(cat "$REPORT_FROM/source" 2>/dev/null || echo "see $REPORT_FROM")
  read -r load_start load_end <<<"$(cat "$REPORT_FROM/load" 2>/dev/null || echo "? ?")"
  month=$(date -u +%Y-%m)
else
# ---------------------------------------------------------------------------------------------------------------
# 1. Sources and build (as bench/feed.sh); the generator always comes from this checkout's bench/.
# ---------------------------------------------------------------------------------------------------------------
bench_sources ScaleData

log "publishing Platform.Api and bench/ScaleData (Release) from $source_desc"
bench_publish "$SRC/src/Platform.Api" "$WORK/app"
bench_publish "$SRC/bench/ScaleData" "$WORK/gen"

# The cache key: what decides the content of a generated database (the schema: migrations and the SQL they call,
# entity configurations; the demo seeding the tenants are copied from; the generator), not the queries.
schema_key=$(cd "$SRC" && find src/Platform.Infrastructure/Persistence/Migrations src/Platform.Infrastructure/Persistence/Configurations \
  src/Platform.Infrastructure/Persistence/*Migrations.cs src/Platform.Infrastructure/Persistence/*RowLevelSecurity.cs \
  src/Platform.Infrastructure/Persistence/DemoContent.cs src/Platform.Infrastructure/Persistence/DatabaseInitializer.cs \
  src/Platform.Infrastructure/Persistence/Search \
  bench/ScaleData -type f \( -name '*.cs' -o -name '*.csproj' \) -not -path '*/obj/*' -not -path '*/bin/*' |
  sort | xargs sha1sum | sha1sum | cut -c1-12)
mkdir -p "$CACHE"
log "schema key $schema_key; cache $CACHE"

"$ROOT/infra/dataprotection-cert.sh" "$WORK/dataprotection.pfx" bench
PG_OWNER="Username=postgres;Password=postgres;Database=bench"
PG_APP="Username=scale_app;Password=scale;Database=bench"

start_host() { # name port [VAR=value...]: starts the published host and waits for /health/ready; sets PID_name
  local name=$1 port=$2
  shift 2
  (cd "$WORK/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning "Platform__DataProtection__CertificatePath=$WORK/dataprotection.pfx" \
    Platform__DataProtection__CertificatePassword=bench "$@" dotnet Platform.Api.dll) \
    >"$WORK/$name.log" 2>&1 </dev/null &
  PIDS+=($!)
  eval "PID_$name=$!"
  local pid=$!
  for _ in $(seq 600); do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
    curl -sf -o /dev/null -m 2 "http://127.0.0.1:$port/health/ready" && return 0
    sleep 0.5
  done
  tail -n 30 "$WORK/$name.log" >&2
  die "$name did not become ready within 300 s"
}

stop_host() { # name
  local pid_var="PID_$1" pid
  pid=${!pid_var}
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

db_env() { # db dir port -> prints the host's database settings, one per line
  case $1 in
    postgresql) printf '%s\n' Platform__Database__Provider=PostgreSql \
      "ConnectionStrings__Platform=Host=127.0.0.1;Port=$3;$PG_APP" "ConnectionStrings__PlatformMigrations=Host=127.0.0.1;Port=$3;$PG_OWNER" ;;
    sqlite) printf '%s\n' Platform__Database__Provider=Sqlite "ConnectionStrings__Platform=Data Source=$2/platform.db" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------------
# 2. Generating a size (or taking it from the cache).
# ---------------------------------------------------------------------------------------------------------------
generate() { # db size dir
  local db=$1 size=$2 dir=$3 tenants=${2%x*} posts=${2#*x} port=""
  local -a env
  mkdir -p "$dir"
  if [ "$db" = postgresql ]; then
    port=$("$ROOT/infra/postgres.sh" start "$dir" "$PG_PORT_BASE")
    PGPASSWORD=postgres psql -qX -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE bench" \
      -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_app') THEN CREATE ROLE platform_app NOLOGIN; END IF; END \$\$" \
      -c "CREATE ROLE scale_app LOGIN PASSWORD 'scale' IN ROLE platform_app" >/dev/null
  fi
  mapfile -t env < <(db_env "$db" "$dir" "$port")
  # All roles, migrating and seeding the demo tenants, then stopped: the generator copies the demo tenant.
  start_host migrate "$(next_port "$PORT_BASE")" "${env[@]}"
  stop_host migrate
  local conn
  if [ "$db" = postgresql ]; then conn="Host=127.0.0.1;Port=$port;$PG_OWNER;Command Timeout=0"; else conn="Data Source=$dir/platform.db"; fi
  log "generating $db $size"
  (cd "$WORK/gen" && dotnet ScaleData.dll "$db" "$conn" "$tenants" "$posts") 2>&1 | while read -r line; do log "$line"; done
  [ "${PIPESTATUS[0]}" = 0 ] || die "ScaleData failed for $db $size"
  if [ "$db" = postgresql ]; then
    "$ROOT/infra/postgres.sh" stop "$dir"
    rm -f "$dir/server.log"
  else
    # What the product builds at start for tenants it has not seen (since issue 13 SQLite's per-tenant search tables,
    # filled from Posts) belongs to the data, not to the measured start.
    log "sqlite $size: one more start of the host (search tables of the new tenants)"
    start_host migrate "$(next_port "$PORT_BASE")" "${env[@]}"
    stop_host migrate
  fi
}

# ---------------------------------------------------------------------------------------------------------------
# 3. Measuring one size on one database.
# ---------------------------------------------------------------------------------------------------------------
: >"$WORK/results.txt"
: >"$WORK/plans.md"
month=$(date -u +%Y-%m)

run_wrk() { # seconds url -> RESULT line
  wrk -t2 -c"$CONNECTIONS" -d"${1}s" --timeout 10s -s "$ROOT/bench/wrk-report.lua" -H "$HOST_HEADER" "$2" | grep '^RESULT '
}

targets_for() { # port -> writes $WORK/targets (key|path)
  local base="http://127.0.0.1:$1" cursor="" i body
  body=$(curl -sf -m 30 -H "$HOST_HEADER" "$base/api/v1/posts") || die "GET /api/v1/posts failed"
  post_id=$(jq -r '.items[0].id' <<<"$body")
  total=$(jq -r '.totalCount' <<<"$body")
  cursor=$(jq -r '.nextCursor // empty' <<<"$body")
  for i in $(seq 2 50); do
    [ -n "$cursor" ] || break
    body=$(curl -sf -m 30 -H "$HOST_HEADER" "$base/api/v1/posts?after=$cursor") || die "GET /api/v1/posts?after= failed"
    local next
    next=$(jq -r '.nextCursor // empty' <<<"$body")
    [ -n "$next" ] || break
    cursor=$next
  done
  deep_page=$i
  cat >"$WORK/targets" <<EOF
feed|/api/v1/posts
deep|/api/v1/posts?after=$cursor
topic|/api/v1/posts?topic=Ausbildung
common|/api/v1/posts/search?q=Bewerbung
rare|/api/v1/posts/search?q=Zweiradmechatroniker
events|/api/v1/events/calendar?month=$month
post|/posts/$post_id
EOF
}

check_targets() { # port db size: every target answers 200; records the result sizes
  local key path code
  while IFS='|' read -r key path; do
    code=$(curl -s -m 60 -o "$WORK/b" -w '%{http_code}' -H "$HOST_HEADER" "http://127.0.0.1:$1$path")
    [ "$code" = 200 ] || die "$2 $3: GET $path answered $code"
    case $key in
      common | rare) echo "$2 $3 hits_$key $(jq -r '.totalCount // .total // empty' "$WORK/b")" >>"$WORK/facts.txt" ;;
      events) echo "$2 $3 events $(jq '[.. | objects | select(has("startsAt"))] | length' "$WORK/b")" >>"$WORK/facts.txt" ;;
    esac
  done <"$WORK/targets"
}

pg_plans() { # dir port db size: auto_explain of one request per target
  local dir=$1 port=$2 key path offset
  local psql_owner=(psql -qX -h 127.0.0.1 -p "$port" -U postgres -d bench -v ON_ERROR_STOP=1)
  PGPASSWORD=postgres "${psql_owner[@]}" -c "ALTER SYSTEM SET auto_explain.log_min_duration = 0" \
    -c "ALTER SYSTEM SET auto_explain.log_analyze = on" -c "ALTER SYSTEM SET auto_explain.log_buffers = on" \
    -c "ALTER SYSTEM SET auto_explain.log_nested_statements = on" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  {
    echo "## PostgreSQL, $4 ($(size_label "$4"))"
    echo
    while IFS='|' read -r key path; do
      offset=$(stat -c %s "$dir/server.log")
      curl -s -m 60 -o /dev/null -H "$HOST_HEADER" "http://127.0.0.1:$PORT_HOST$path"
      sleep 0.5
      echo "### $key: \`GET $path\`"
      echo
      echo '```'
      tail -c +"$((offset + 1))" "$dir/server.log" | sed -n '/LOG:  duration: .* plan:/,$p' | sed 's/^[0-9-]* [0-9:.]* UTC \[[0-9]*\] //'
      echo '```'
      echo
    done <"$WORK/targets"
  } >>"$WORK/plans.md"
  PGPASSWORD=postgres "${psql_owner[@]}" -c "ALTER SYSTEM RESET auto_explain.log_min_duration" \
    -c "ALTER SYSTEM RESET auto_explain.log_analyze" -c "ALTER SYSTEM RESET auto_explain.log_buffers" \
    -c "ALTER SYSTEM RESET auto_explain.log_nested_statements" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
}

sqlite_plans() { # dir size: EF Core's command log of one request per target, then EXPLAIN QUERY PLAN of each statement
  local dir=$1 key path from
  local -a env
  mapfile -t env < <(db_env sqlite "$dir" "")
  start_host explain "$PORT_HOST" "${env[@]}" Platform__OutputCache__Enabled=false Platform__Roles=Web,Api \
    Platform__Database__MigrateOnStartup=false Platform__Database__SeedDemoData=false \
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
  {
    echo "## SQLite, $2 ($(size_label "$2"))"
    echo
    while IFS='|' read -r key path; do
      from=$(($(wc -l <"$WORK/explain.log") + 1))
      curl -s -m 60 -o /dev/null -H "$HOST_HEADER" "http://127.0.0.1:$PORT_HOST$path"
      sleep 0.5
      echo "### $key: \`GET $path\`"
      echo
      # Production logs JSON, one entry per line; "Executed DbCommand" (20101) carries the SQL in its state.
      tail -n +"$from" "$WORK/explain.log" |
        jq -Rj 'fromjson? // empty | select(.EventId == 20101) | (.State.commandText // .Message) + "\u001e"' >"$WORK/statements"
      while IFS= read -r -d $'\x1e' statement; do
        statement=$(sed '/^$/d' <<<"$statement")
        [ -n "$statement" ] || continue
        case $statement in PRAGMA* | pragma*) continue ;; esac
        echo '```sql'
        echo "$statement"
        echo '```'
        echo '```'
        sqlite3 -readonly "$dir/platform.db" "EXPLAIN QUERY PLAN $statement" 2>&1 || true
        echo '```'
        echo
      done <"$WORK/statements"
    done <"$WORK/targets"
  } >>"$WORK/plans.md"
  stop_host explain
}

size_label() { awk -v s="$1" 'BEGIN { split(s, a, "x"); printf "%d tenants × %d posts = %d posts", a[1], a[2], a[1] * a[2] }'; }

measure() { # db size
  local db=$1 size=$2 cached="$CACHE/$1-$2-$schema_key" run="$WORK/run-$1-$2" port="" key path
  local -a env
  if [ ! -d "$cached" ]; then
    rm -rf "$CACHE/$db-$size-"*
    local t0=$SECONDS
    generate "$db" "$size" "$WORK/gen-$db-$size"
    mv "$WORK/gen-$db-$size" "$cached"
    echo "$db $size generated $((SECONDS - t0))" >>"$WORK/facts.txt"
  else
    log "$db $size: from the cache ($cached)"
  fi
  log "$db $size: copying the database"
  cp -a "$cached" "$run"
  if [ "$db" = postgresql ]; then
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$run"
    echo "shared_preload_libraries = 'auto_explain'" >>"$run/postgresql.conf"
    port=$("$ROOT/infra/postgres.sh" start "$run" "$PG_PORT_BASE")
    echo "$db $size bytes $(PGPASSWORD=postgres psql -qAtX -h 127.0.0.1 -p "$port" -U postgres -d bench -c "SELECT pg_database_size('bench')")" >>"$WORK/facts.txt"
  else
    echo "$db $size bytes $(stat -c %s "$run/platform.db")" >>"$WORK/facts.txt"
  fi
  PORT_HOST=$(next_port "$PORT_BASE")
  mapfile -t env < <(db_env "$db" "$run" "$port")
  start_host measure "$PORT_HOST" "${env[@]}" Platform__OutputCache__Enabled=false Platform__Roles=Web,Api \
    Platform__Database__MigrateOnStartup=false Platform__Database__SeedDemoData=false
  targets_for "$PORT_HOST"
  check_targets "$PORT_HOST" "$db" "$size"
  echo "$db $size total $total" >>"$WORK/facts.txt"
  echo "$db $size deep_page $deep_page" >>"$WORK/facts.txt"
  [ "$db" = postgresql ] && pg_plans "$run" "$port" "$db" "$size"
  log "$db $size: measuring ($WARMUP s warm-up + $DURATION s per target)"
  while IFS='|' read -r key path; do
    run_wrk "$WARMUP" "http://127.0.0.1:$PORT_HOST$path" >/dev/null
    echo "$db $size $key $(run_wrk "$DURATION" "http://127.0.0.1:$PORT_HOST$path")" >>"$WORK/results.txt"
  done <"$WORK/targets"
  stop_host measure
  [ "$db" = sqlite ] && sqlite_plans "$run" "$size"
  [ "$db" = postgresql ] && "$ROOT/infra/postgres.sh" stop "$run"
  rm -rf "$run"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for size in $SIZES; do
  for db in $DBS; do
    measure "$db" "$size"
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
printf '%s\n' "$source_desc" >"$WORK/source"
printf '%s %s\n' "${load_start// /,}" "${load_end// /,}" >"$WORK/load"
fi

# ---------------------------------------------------------------------------------------------------------------
# 4. docs/benchmarks.md (the section between the markers) and docs/benchmarks-scale-plans.md.
# ---------------------------------------------------------------------------------------------------------------
# results.txt: db size key RESULT requests duration_us p50_us p99_us socket_errors status_errors bytes
val() { # db size key field(rps|p50|p99|err); reads $RESULTS (this run's results by default)
  awk -v d="$1" -v s="$2" -v k="$3" -v f="$4" '$1 == d && $2 == s && $3 == k {
      found = 1
      if (f == "rps") printf "%.0f", $5 / ($6 / 1e6); else if (f == "err") printf "%d", $9 + $10;
      else if ($5 == 0) printf "> %d s", $6 / 1e6;  # no request finished within the run: no latency to show
      else if (f == "p50") printf "%.1f ms", $7 / 1000; else printf "%.1f ms", $8 / 1000 }
    END { if (!found) printf "–" }' "${RESULTS:-$WORK/results.txt}"
}
fact() { awk -v d="$1" -v s="$2" -v k="$3" '$1 == d && $2 == s && $3 == k { v = $4 } END { printf "%s", (v == "" ? "–" : v) }' "$WORK/facts.txt"; }
label() {
  case $1 in
    feed) echo "Feed page 1" ;; deep) echo "Feed by cursor, deep" ;; topic) echo "Feed, topic filter" ;;
    common) echo "Search, common word" ;; rare) echo "Search, rare word" ;; events) echo "Events, month" ;;
    post) echo "Post page (HTML)" ;;
  esac
}
KEYS=(feed deep topic common rare events post)
read -r -a SIZE_LIST <<<"$SIZES"
small=""; big=""
for s in "${SIZE_LIST[@]}"; do [ "$s" = 10x10000 ] && small=$s; [ "$s" = 100x10000 ] && big=$s; done

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
dotnet_rt=$(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }')
pg_version=$("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/postgres" --version | awk '{ print $3 }')
sqlite_version=$(sqlite3 --version | awk '{ print $1 }')
elapsed=$(( $(date +%s) - started ))

section=$WORK/section.md
{
  echo "$START_MARK"
  echo "## Scale: feed, search, events and post page at growing data (\`bench/scale.sh\`, issue 13)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($cpu_model); ASP.NET Core $dotnet_rt, PostgreSQL"
  echo "$pg_version, SQLite CLI $sqlite_version. Source: $source_desc. Release build, Production, output cache off, roles"
  echo "\`Web,Api\`; PostgreSQL as the login \`scale_app\` (member of \`platform_app\`: row-level security holds, the"
  echo "tenant is set by the product's \`set_config\`); SQLite: the default provider on a file. Data by \`bench/ScaleData\`"
  echo "(tenants copied from the demo tenant, all posts published, interleaved by tenant on disk, ~35 % contain"
  echo "\"Bewerbung\", one per 10,000 per tenant \"Zweiradmechatroniker\", one in ten an event). Load: \`wrk -t2 -c$CONNECTIONS\`"
  echo "per target, ${WARMUP} s warm-up then ${DURATION} s, tenant \`$TENANT\`. Load averages $load_start at the start, $load_end"
  echo "at the end. $([ -n "$REPORT_FROM" ] && echo "Written from the raw files of that run." || echo "Whole script: ${elapsed} s.") Query plans: [benchmarks-scale-plans.md](benchmarks-scale-plans.md)."
  for db in $DBS; do
    echo
    echo "### $( [ "$db" = postgresql ] && echo PostgreSQL || echo SQLite )"
    echo
    header="| Request |"; rule="|---|"
    for s in "${SIZE_LIST[@]}"; do header="$header $s req/s | p50 | p99 |"; rule="$rule---:|---:|---:|"; done
    [ -n "$small" ] && [ -n "$big" ] && { header="$header $big vs $small |"; rule="$rule---:|"; }
    echo "$header"
    echo "$rule"
    for k in "${KEYS[@]}"; do
      row="| $(label "$k") |"
      for s in "${SIZE_LIST[@]}"; do
        e=$(val "$db" "$s" "$k" err)
        row="$row $(val "$db" "$s" "$k" rps)$([ "$e" != 0 ] && [ "$e" != – ] && echo " ($e errors)") | $(val "$db" "$s" "$k" p50) | $(val "$db" "$s" "$k" p99) |"
      done
      if [ -n "$small" ] && [ -n "$big" ]; then
        r=$(awk -v a="$(val "$db" "$big" "$k" rps)" -v b="$(val "$db" "$small" "$k" rps)" 'BEGIN { if (b + 0 == 0) print "–"; else printf "%.0f %% %s", 100 * a / b, (a / b >= 0.5 ? "✅" : "❌") }')
        row="$row $r |"
      fi
      echo "$row"
    done
    echo
    facts="Per size:"
    for s in "${SIZE_LIST[@]}"; do
      facts="$facts $s: $(fact "$db" "$s" total) published posts of the tenant, search hits $(fact "$db" "$s" hits_common) (common) / $(fact "$db" "$s" hits_rare) (rare), $(fact "$db" "$s" events) events in $month, cursor of page $(fact "$db" "$s" deep_page), database $(awk -v b="$(fact "$db" "$s" bytes)" 'BEGIN { printf "%.0f MB", b / 1048576 }')$(g=$(fact "$db" "$s" generated); [ "$g" = – ] || echo ", generated in $g s");"
    done
    echo "$facts"
  done
  echo
  echo "| Goal (issue 13) | PostgreSQL | SQLite | Target |"
  echo "|---|---:|---:|---:|"
  if [ -n "$small" ] && [ -n "$big" ]; then
    worst() { # db -> lowest ratio big/small over all requests
      local db=$1 k m="" r
      for k in "${KEYS[@]}"; do
        r=$(awk -v a="$(val "$db" "$big" "$k" rps)" -v b="$(val "$db" "$small" "$k" rps)" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b }')
        [ -n "$r" ] && { [ -z "$m" ] || awk -v r="$r" -v m="$m" 'BEGIN { exit !(r < m) }'; } && m=$r && wk=$k
      done
      [ -n "$m" ] && awk -v m="$m" -v k="$(label "$wk")" 'BEGIN { printf "%.0f %% (%s) %s", m * 100, k, (m >= 0.5 ? "✅" : "❌") }' || echo "–"
    }
    echo "| Every request at $big vs its own throughput at $small, lowest | $(worst postgresql) | $(worst sqlite) | ≥ 50 % |"
  fi
  largest=${SIZE_LIST[${#SIZE_LIST[@]}-1]}
  p50goal() {
    local v
    v=$(val "$1" "$largest" common p50)
    case $v in –) echo "–" ;; ">"*) echo "$v ❌" ;; *) awk -v v="$v" 'BEGIN { printf "%s %s", v, (v + 0 <= 20 ? "✅" : "❌") }' ;; esac
  }
  echo "| Search, common word at $largest: p50 at $CONNECTIONS connections | $(p50goal postgresql) | $(p50goal sqlite) | ≤ 20 ms |"
  echo "| Uncached feed API vs raw-Npgsql baseline | see the feed section (\`bench/feed.sh\`) | – | ≥ 80 % |"
  if [ -n "$BEFORE" ]; then
    echo
    echo "### Before and after: $(head -n 1 "$BEFORE" | cut -d' ' -f2-) → $source_desc"
    echo
    echo "Requests/s and p50 of the run recorded in \`$(basename "$BEFORE")\` (an earlier run of this script, other load on"
    echo "the machine: compare the ratios between requests rather than absolute numbers) and of this run."
    echo
    echo "The last column divides each request's after/before factor by that of feed page 1 in the same runs (a"
    echo "request whose code did not change stays near 1.00×, whatever the machine's load did between the runs)."
    echo
    echo "| Database | Size | Request | Before req/s | p50 | After req/s | p50 | After / before | Relative to feed page 1 |"
    echo "|---|---|---|---:|---:|---:|---:|---:|---:|"
    read -r -a before_sizes <<<"$(awk '!/^#/ { print $2 }' "$BEFORE" | sort -t x -k1,1n -k2,2n -u | tr '\n' ' ')"
    for db in $DBS; do
      for s in "${before_sizes[@]}"; do
        for k in "${KEYS[@]}"; do
          b=$(RESULTS=$BEFORE val "$db" "$s" "$k" rps); a=$(val "$db" "$s" "$k" rps)
          [ "$b" = – ] && continue
          echo "| $db | $s | $(label "$k") | $b | $(RESULTS=$BEFORE val "$db" "$s" "$k" p50) | $a | $(val "$db" "$s" "$k" p50) | $(awk -v a="$a" -v b="$b" 'BEGIN { if (a == "–") print "–"; else if (b + 0 == 0) print (a + 0 > 0 ? "from 0" : "–"); else printf "%.2f×", a / b }') | $(awk -v a="$a" -v b="$b" -v fa="$(val "$db" "$s" feed rps)" -v fb="$(RESULTS=$BEFORE val "$db" "$s" feed rps)" 'BEGIN { if (a == "–" || fa == "–" || b + 0 == 0 || fa + 0 == 0 || fb + 0 == 0) print "–"; else printf "%.2f×", (a / b) / (fa / fb) }') |"
        done
      done
    done
  fi
  echo "$END_MARK"
} >"$section"
bench_write_section "$section"
# This run's raw results, for a later run's BENCH_BEFORE (first line: what was measured).
results_copy="$CACHE/results-$(date -u +%Y%m%dT%H%M).txt"
{ echo "# $source_desc"; cat "$WORK/results.txt"; } >"$results_copy"
{
  echo "# Query plans of \`bench/scale.sh\`"
  echo
  echo "Written by \`bench/scale.sh\` ($(date -u '+%Y-%m-%d %H:%M UTC'), $source_desc): PostgreSQL through auto_explain"
  echo "(ANALYZE, BUFFERS, nested statements) of every statement the product sends for one request of each target, as"
  echo "the app role \`scale_app\` with the tenant the product sets; SQLite: EXPLAIN QUERY PLAN of the statements in EF"
  echo "Core's command log for one request of each target (unbound parameters: the plan, not the values)."
  echo
  cat "$WORK/plans.md"
} >"$PLANS_DOC"
log "done in ${elapsed} s; wrote $(realpath --relative-to="$ROOT" "$DOC") and $(realpath --relative-to="$ROOT" "$PLANS_DOC")"
sed -n "/$START_MARK/,/$END_MARK/p" "$section" >&2
exit 0
}
