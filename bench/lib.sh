# Shared by the scripts in bench/: logging, the throw-away work folder and its clean-up, free loopback ports, a Release
# build from a copy of the sources, and writing a script's own section of docs/benchmarks.md between its markers.
# Source it from a script that has set ROOT, then call bench_init once:
#
#   . "$ROOT/bench/lib.sh"
#   bench_init feed-bench          # log prefix and temp folder /tmp/feed-bench.XXXXXX in $WORK
#
# Settings every script shares: BENCH_KEEP=0 (1 keeps $WORK with its logs), BENCH_DOC=docs/benchmarks.md.

KEEP=${BENCH_KEEP:-0}
DOC=${BENCH_DOC:-$ROOT/docs/benchmarks.md}
PIDS=()

log() { printf '[%s %s] %s\n' "${BENCH_NAME:-bench}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

# Installs what the benchmarks need (as the tests do), makes $WORK and stops everything started in it on exit: the
# processes in PIDS (politely first) and the PostgreSQL in $WORK/pg. A failed run keeps $WORK for its logs.
bench_init() {
  BENCH_NAME=$1
  bash "$ROOT/infra/install-test-deps.sh"
  command -v dotnet >/dev/null || die "dotnet is missing"
  started=$(date +%s)
  WORK=$(mktemp -d "/tmp/$BENCH_NAME.XXXXXX")
  chmod a+rx "$WORK"
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local status=$? pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  "$ROOT/infra/postgres.sh" stop "$WORK/pg" >/dev/null 2>&1 || true
  if [ "$KEEP" = 1 ] || [ "$status" != 0 ]; then
    log "kept $WORK (logs)"
  else
    rm -rf "$WORK"
  fi
}

# The files next to src/ that a build needs.
bench_top_files() {
  top_files=(Directory.Build.props Directory.Packages.props global.json .editorconfig)
  local f
  for f in NuGet.config nuget.config; do [ -f "$ROOT/$f" ] && top_files+=("$f"); done
  return 0
}

# Copies src/ and the given folders of this working tree (without bin/ and obj/) to $WORK/src, so that the build stays
# away from the shared tree's obj/ folders and from edits made while it runs; sets source_desc for the report.
bench_copy_working_tree() {
  SRC=$WORK/src
  mkdir -p "$SRC"
  bench_top_files
  source_desc="working tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [ -n "$(git -C "$ROOT" status --porcelain -- src "$@" 2>/dev/null)" ]; then
    source_desc="$source_desc with uncommitted changes"
  fi
  tar -C "$ROOT" --exclude=bin --exclude=obj -cf - src "$@" "${top_files[@]}" | tar -C "$SRC" -xf -
}

# The sources a bench measures, in $WORK/src: the tree in FROM (BENCH_SRC), the commit REF (BENCH_REF), or this working
# tree; plus the bench's own project bench/$1, always from this checkout. Sets SRC and source_desc.
bench_sources() {
  SRC=$WORK/src
  mkdir -p "$SRC/bench"
  bench_top_files
  if [ -n "${FROM:-}" ]; then
    [ -d "$FROM/src" ] || die "BENCH_SRC=$FROM has no src/ folder"
    source_desc="the tree in $FROM (not this checkout)"
    tar -C "$FROM" --exclude=bin --exclude=obj -cf - src "${top_files[@]}" | tar -C "$SRC" -xf -
  elif [ -n "${REF:-}" ]; then
    source_desc="commit $(git -C "$ROOT" rev-parse --short "$REF")"
    git -C "$ROOT" archive "$REF" src "${top_files[@]}" | tar -C "$SRC" -xf -
  else
    bench_copy_working_tree
  fi
  tar -C "$ROOT" --exclude=bin --exclude=obj -cf - "bench/$1" | tar -C "$SRC" -xf -
}

# dotnet publish PROJECT in Release to OUT; on failure shows the errors and stops.
bench_publish() {
  local build_log
  build_log="$WORK/build-$(basename "$2").log"
  if ! dotnet publish "$1" -c Release -o "$2" -nologo >"$build_log" 2>&1; then
    grep -E 'error|Error' "$build_log" | sort -u | head -20 >&2 || true
    die "dotnet publish $1 failed (log: $build_log)"
  fi
}

# Replaces the part of $DOC between START_MARK and END_MARK (both lines included in SECTION) with SECTION, or appends
# it when the markers are not there yet; creates $DOC with its heading when it does not exist.
bench_write_section() {
  local section=$1
  if [ -f "$DOC" ] && grep -qF "$START_MARK" "$DOC" && grep -qF "$END_MARK" "$DOC"; then
    awk -v start="$START_MARK" -v end="$END_MARK" -v file="$section" '
      $0 == start { while ((getline line < file) > 0) print line; skip = 1; next }
      $0 == end { skip = 0; next }
      !skip { print }' "$DOC" >"$WORK/doc.md"
    cat "$WORK/doc.md" >"$DOC"
  else
    if [ ! -f "$DOC" ]; then
      printf '# Benchmarks\n\nEach section is written by its script under `bench/`; run the script again to refresh it.\n' >"$DOC"
    fi
    { echo; cat "$section"; } >>"$DOC"
  fi
}
