#!/usr/bin/env bash
# Post-card rendering: ms per card drawn cold (a new cache key each time) and from the renderer's cache, against a
# NetVips thumbnail of the same size (a 2400 × 1600 JPEG shrunk, cropped and encoded as PNG like the card), all three
# measured in one process and one run, alternating in every round. Writes its section of docs/benchmarks.md.
#
#   bench/cards.sh                     BENCH_ROUNDS=40 (default) rounds per size
#   BENCH_DOC=/tmp/x.md bench/cards.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${BENCH_ROUNDS:-40}
START_MARK='<!-- cards-bench:start -->'
END_MARK='<!-- cards-bench:end -->'

. "$ROOT/bench/lib.sh"
bench_init cards-bench

bench_copy_working_tree bench/CardsBench
log "publishing bench/CardsBench (Release, with Platform.Infrastructure's renderer and fonts) from $source_desc"
bench_publish "$SRC/bench/CardsBench" "$WORK/driver"

log "drawing cards: $ROUNDS rounds per size"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet "$WORK/driver/CardsBench.dll" "$ROUNDS" >"$WORK/result.md"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section=$WORK/section.md
{
  echo "$START_MARK"
  echo "## Post cards: drawn cold, from cache, against a NetVips thumbnail (\`bench/cards.sh\`)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $source_desc, $(nproc) cores shared with other work (load averages"
  echo "$load_before at the start, $load_after at the end). One process: \`VipsPostCardRenderer\` (the shipped DejaVu fonts,"
  echo "a 79-character German title, initials, two topics) drawn with a new cache key (cold) and with the same key (from"
  echo "cache), and a NetVips thumbnail of the same size (a 2400 × 1600 JPEG shrunk and centre-cropped, encoded as PNG like"
  echo "the card); medians of $ROUNDS rounds that alternate the three. Read the ratios, not the milliseconds."
  echo
  cat "$WORK/result.md"
  echo
  echo "A cold card costs less than shrinking a photo to the same size; from the cache it is a dictionary look-up. Cards"
  echo "are cached per node in memory (64 MB) by tenant, post version, branding version and size, and served with"
  echo "\`immutable\` caching at their versioned address, so a card is drawn about once per node and change."
  echo "$END_MARK"
} >"$section"
bench_write_section "$section"
cat "$section"
log "written to $DOC ($(( $(date +%s) - started )) s)"
