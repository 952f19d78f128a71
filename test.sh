#!/usr/bin/env bash
# Runs every test of the platform on this machine: installs what is missing (PostgreSQL, Chromium, ...), starts a
# throw-away PostgreSQL on loopback, checks that the migrations of all three providers match the model, builds the
# idempotent SQL Server script, and runs `dotnet test Platform.sln`. Ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

infra/install-test-deps.sh

work=$(mktemp -d /tmp/platform-test.XXXXXX)
chmod 755 "$work"
cleanup() { infra/postgres.sh stop "$work/pg" || true; infra/redis.sh stop "$work/redis" || true; rm -rf "$work"; }
trap cleanup EXIT

port=$(infra/postgres.sh start "$work/pg" 55432)
export PLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres;Maximum Pool Size=50"
redis_port=$(infra/redis.sh start "$work/redis" 56379)
export PLATFORM_TEST_REDIS="127.0.0.1:$redis_port"
echo "Redis on 127.0.0.1:$redis_port"
echo "PostgreSQL on 127.0.0.1:$port"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Every test host appends its log (production's levels, the platform's own debug lines) here; scanned at the end.
export PLATFORM_TEST_LOG_DIR="$work/logs"
dotnet tool restore >/dev/null
dotnet build Platform.sln -nologo -v q -clp:ErrorsOnly

echo "Checking code style (dotnet format)"
dotnet format Platform.sln --verify-no-changes --no-restore \
  || { echo "Code style differs: run 'dotnet format Platform.sln'" >&2; exit 1; }

echo "Checking that the migrations of every provider match the model"
for context in SqliteDbContext PostgreSqlDbContext SqlServerDbContext; do
  dotnet ef migrations has-pending-model-changes --no-build --context "$context" \
    --project src/Platform.Infrastructure --startup-project src/Platform.Api >/dev/null \
    || { echo "Migrations of $context are out of date: run dotnet ef migrations add" >&2; exit 1; }
done
mkdir -p artifacts
dotnet ef migrations script --idempotent --no-build --context SqlServerDbContext \
  --project src/Platform.Infrastructure --startup-project src/Platform.Api -o artifacts/sqlserver-idempotent.sql >/dev/null
echo "SQL Server idempotent script: artifacts/sqlserver-idempotent.sql"

status=0
# The cluster suite runs alone, after the others: its three nodes, PostgreSQL, Redis and HAProxy need the two cores,
# and its bounds (a thousand posts published within three minutes, a dead node's claims taken over) say nothing about
# the platform while the browser and API suites run beside it. The rest run as `dotnet test` schedules them.
dotnet sln Platform.sln list | grep -E '\.csproj$' | grep -v 'Platform.Cluster.Tests' \
  | python3 -c 'import json, sys; print(json.dumps({"solution": {"path": sys.argv[1], "projects": [l.strip() for l in sys.stdin]}}))' \
    "$root/Platform.sln" >"$work/without-cluster.slnf"
dotnet test "$work/without-cluster.slnf" --no-build --logger "trx" --results-directory "$work/results" -- RunConfiguration.TreatNoTestsAsError=false \
  || status=$?
dotnet test tests/Platform.Cluster.Tests --no-build --logger "trx" --results-directory "$work/results" || status=$?

read -r passed failed skipped < <(python3 - "$work/results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(passed, failed, skipped)
PY
)

# No personal data in logs (ADR-030): the demo people's addresses must not appear anywhere in the run's log.
leaks=0
if [ -d "$PLATFORM_TEST_LOG_DIR" ]; then
  # Not `tee /dev/stderr`: when stderr is a file (a CI log), tee would reopen and truncate it.
  found=$(cat "$PLATFORM_TEST_LOG_DIR"/*.log 2>/dev/null \
    | grep -Eoi '(admin|redaktion|pruefung|jana|netzwerk)@[a-z0-9.-]+\.example' | sort | uniq -c || true)
  [ -z "$found" ] || echo "$found" >&2
  leaks=$(printf '%s' "$found" | grep -c . || true)
  echo "Log scan: $(cat "$PLATFORM_TEST_LOG_DIR"/*.log 2>/dev/null | wc -l) lines, ${leaks} demo addresses found"
fi
if [ "$leaks" -ne 0 ]; then
  echo "The test run's log contains demo people's e-mail addresses (listed above)" >&2
  failed=$((failed + 1))
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
