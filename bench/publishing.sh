#!/usr/bin/env bash
# Publication lateness benchmark: BENCH_POSTS (default 1,000) posts across BENCH_TENANTS (default 10) tenants, all due
# within the same minute, scheduled through the editorial API (each with its own Hangfire delayed job) on the published
# host and a throw-away PostgreSQL. Measures, per post, the time from PublishAt until the post is visible in its
# tenant's public feed, and checks the database for posts published early, missed or published twice. Writes its
# section of docs/benchmarks.md (between the publishing-bench markers).
#
#   bench/publishing.sh
#   BENCH_POSTS=100 BENCH_LEAD_SECONDS=30 BENCH_WINDOW_SECONDS=10 BENCH_DOC=/tmp/x.md bench/publishing.sh   a quick check
#
# What runs (all on 127.0.0.1):
#   PostgreSQL   infra/postgres.sh into a temp folder, first free port from BENCH_PG_PORT (default 55961)
#   host         src/Platform.Api published in Release (a copy of the working tree's src/), roles Api,Jobs: it migrates,
#                seeds the demo tenants and runs Hangfire (schedule polling BENCH_SCHEDULE_POLL, default 250 ms; queue
#                polling BENCH_QUEUE_POLL, default 250 ms; BENCH_WORKERS workers, default 8)
#   driver       bench/PublishingBench: clones the demo tenant up to BENCH_TENANTS, turns the four-eyes rule off, gives
#                each tenant an editor with an authenticator app (TOTP key in the database, codes by Otp.NET), signs
#                in with password + code, creates the drafts and schedules them via POST .../schedule, all due within
#                BENCH_WINDOW_SECONDS (60) starting BENCH_LEAD_SECONDS (75) after scheduling began; polls each
#                tenant's feed every BENCH_FEED_POLL_MS (150) anonymously; then reads the posts and their transitions.
# Takes about 4-5 minutes (1-2 of them building). Settings also: BENCH_PG_PORT BENCH_HOST_PORT (default 5961)
# BENCH_KEEP=0 (1 keeps the temp folder with logs) BENCH_DOC=docs/benchmarks.md
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
POSTS=${BENCH_POSTS:-1000}
TENANTS=${BENCH_TENANTS:-10}
PG_PORT_BASE=${BENCH_PG_PORT:-55961}
HOST_PORT_BASE=${BENCH_HOST_PORT:-5961}
START_MARK='<!-- publishing-bench:start -->'
END_MARK='<!-- publishing-bench:end -->'

. "$ROOT/bench/lib.sh"
bench_init publishing-bench

bench_copy_working_tree bench/PublishingBench bench/Shared
log "publishing Platform.Api and bench/PublishingBench (Release) from $source_desc"
bench_publish "$SRC/src/Platform.Api" "$WORK/app"
bench_publish "$SRC/bench/PublishingBench" "$WORK/driver"

PG_PORT=$("$ROOT/infra/postgres.sh" start "$WORK/pg" "$PG_PORT_BASE")
HOST_PORT=$(next_port "$HOST_PORT_BASE")
log "PostgreSQL on $PG_PORT, host on $HOST_PORT; $POSTS posts across $TENANTS tenants"

section=$WORK/section.md
result=$WORK/result.md
BENCH_APP_DIR=$WORK/app BENCH_WORK=$WORK BENCH_POSTS=$POSTS BENCH_TENANTS=$TENANTS BENCH_HOST_PORT=$HOST_PORT \
  BENCH_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=bench;Maximum Pool Size=20" \
  dotnet "$WORK/driver/PublishingBench.dll" >"$result"
elapsed=$(( $(date +%s) - started ))

{
  echo "$START_MARK"
  echo "## Publication lateness: $POSTS posts due in the same minute across $TENANTS tenants (bench/publishing.sh)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $source_desc, PostgreSQL (fsync off) and the host on one machine"
  echo "with $(nproc) cores shared with other agents' builds and tests (read the numbers as an order of magnitude)."
  echo "Every post is created and scheduled through the editorial API by a signed-in editor (password + TOTP code), so"
  echo "each gets its own Hangfire delayed job (\`PublishPostJob\`), exactly as in production. Lateness is the moment the"
  echo "post first appears in its tenant's public feed (\`GET /api/v1/posts\`, polled anonymously, so the feed's 1 s output"
  echo "cache is included) minus its \`PublishAt\`; the second row is the database's moment (the transition to Published)."
  echo "Early: a Published transition (or a feed listing) before \`PublishAt\`; missed: no Published transition; doubled:"
  echo "more than one. Goal: p99 under 2 s, none early, none missed or doubled."
  echo
  cat "$result"
  echo
  echo "How it works: Hangfire's delayed jobs carry whole-second due times and its scheduler may move a job to the queue"
  echo "up to a second early, so \`PostPublisher\` waits until the post's own \`PublishAt\` before publishing, and"
  echo "\`Post.Publish\` refuses a scheduled post whose time has not come; \`PublishedAt\` is set to \`PublishAt\`. A job"
  echo "that runs twice finds the post published and changes nothing; the catch-up job publishes what a lost job left."
  echo "Lateness = schedule polling + queue polling + the publication + up to 1 s of output cache + the feed poll."
  echo "Whole script: ${elapsed} s."
  echo "$END_MARK"
} >"$section"

bench_write_section "$section"

log "done in ${elapsed} s; wrote $DOC"
cat "$result" >&2
