#!/usr/bin/env bash
# Reminder delivery benchmark: BENCH_DELIVERIES (default 100,000) deliveries falling due at the same moment across
# BENCH_TENANTS (default 10) tenants, half in-app and half by e-mail to a real SMTP server on loopback, delivered by the
# published host on a throw-away PostgreSQL. Two runs: steady, and one where the host is killed with SIGKILL once 40 %
# are delivered and started again. Writes its section of docs/benchmarks.md (between the reminders-bench markers).
#
#   bench/reminders.sh
#   BENCH_DELIVERIES=2000 BENCH_DOC=/tmp/x.md bench/reminders.sh      a quick check that everything works
#
# What runs (all on 127.0.0.1):
#   PostgreSQL   infra/postgres.sh into a temp folder, first free port from BENCH_PG_PORT (default 55951)
#   host         src/Platform.Api published in Release (a copy of the working tree's src/), roles Api,Jobs: it migrates,
#                seeds the demo tenants and runs the delivery engine (one recurring Hangfire job, batches of 500,
#                4 tenants at once, polling every 200 ms, claim lease 15 s)
#   driver       bench/RemindersBench: clones the demo tenant up to BENCH_TENANTS, inserts 500 young people per tenant
#                (e-mail on, 16+), COPYs the reminders and deliveries in (all due 15 s later), runs the SMTP sink, watches
#                the delivery table, kills and restarts the host in the second run, and counts duplicates and misses
#                (e-mails by Message-ID at the sink, in-app notifications by delivery id).
# Takes about 3-4 minutes (about 1 minute of it building). Settings: BENCH_DELIVERIES BENCH_TENANTS BENCH_PG_PORT
# BENCH_HOST_PORT (default 5951) BENCH_KEEP=0 (1 keeps the temp folder with logs) BENCH_DOC=docs/benchmarks.md
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DELIVERIES=${BENCH_DELIVERIES:-100000}
TENANTS=${BENCH_TENANTS:-10}
PG_PORT_BASE=${BENCH_PG_PORT:-55951}
HOST_PORT_BASE=${BENCH_HOST_PORT:-5951}
START_MARK='<!-- reminders-bench:start -->'
END_MARK='<!-- reminders-bench:end -->'

. "$ROOT/bench/lib.sh"
bench_init reminders-bench

bench_copy_working_tree bench/RemindersBench bench/Shared
log "publishing Platform.Api and bench/RemindersBench (Release) from $source_desc"
bench_publish "$SRC/src/Platform.Api" "$WORK/app"
bench_publish "$SRC/bench/RemindersBench" "$WORK/driver"

PG_PORT=$("$ROOT/infra/postgres.sh" start "$WORK/pg" "$PG_PORT_BASE")
HOST_PORT=$(next_port "$HOST_PORT_BASE")
log "PostgreSQL on $PG_PORT, host on $HOST_PORT; $DELIVERIES deliveries across $TENANTS tenants"

section=$WORK/section.md
result=$WORK/result.md
BENCH_APP_DIR=$WORK/app BENCH_WORK=$WORK BENCH_DELIVERIES=$DELIVERIES BENCH_TENANTS=$TENANTS BENCH_HOST_PORT=$HOST_PORT \
  BENCH_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=bench;Maximum Pool Size=20" \
  dotnet "$WORK/driver/RemindersBench.dll" >"$result"
elapsed=$(( $(date +%s) - started ))

{
  echo "$START_MARK"
  echo "## Reminders: $DELIVERIES deliveries due at once across $TENANTS tenants (bench/reminders.sh)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $source_desc, PostgreSQL (fsync off) and the host on one machine"
  echo "with $(nproc) cores shared with other agents' builds and tests (read the numbers as an order of magnitude)."
  echo "Half of the deliveries are in-app, half e-mails to an SMTP sink on loopback (one message each, 500 young people"
  echo "per tenant). All fall due at the same second, 15 s after they were written. \"Due → delivered\" is the delivery's"
  echo "\`SentAt - DueAt\` (for e-mail: after the SMTP server accepted it); deliveries/s is the count over the time from"
  echo "the due moment to the last delivery. Duplicates: e-mails received twice (by Message-ID, which is the delivery id)"
  echo "plus in-app notifications written twice; misses: deliveries not sent, in-app deliveries without a notification,"
  echo "e-mails the sink never received. Goal: at least 1,000 deliveries/s, 0 duplicates, 0 misses."
  echo
  cat "$result"
  echo
  echo "How it works: one recurring Hangfire job (not one job per reminder) claims up to 500 due deliveries of a tenant"
  echo "with a conditional update (claim token and a lease), writes the in-app notifications of the batch in one"
  echo "transaction, sends the batch's e-mails over one SMTP connection and marks each e-mail sent as soon as the server"
  echo "accepted it (the claim token is the concurrency token of that mark). After the SIGKILL the rows the dead host had"
  echo "claimed wait for their lease (15 s here, 2 min by default) and are then taken over; the one e-mail that may have"
  echo "been accepted but not yet marked is the only possible duplicate (at-least-once, as SMTP itself), recognisable by"
  echo "its stable Message-ID. The crash run's p99 includes the restart and the lease. Whole script: ${elapsed} s."
  echo "$END_MARK"
} >"$section"

bench_write_section "$section"

log "done in ${elapsed} s; wrote $DOC"
cat "$result" >&2
