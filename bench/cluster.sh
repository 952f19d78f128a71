#!/usr/bin/env bash
# The cluster through HAProxy (infra/cluster.sh) with 1, 2 and 3 nodes on this machine: feed API (cached and uncached)
# and feed page requests/s as ratios to one node in the same run; the failures while HAProxy takes out a node killed
# with kill -9 under load; the time until every node is ready again after a 20 s PostgreSQL outage; a node's RSS.
# Writes its section of docs/benchmarks.md (between the cluster-bench markers) and nothing else.
#   bench/cluster.sh                       # all of it, about 8 minutes
#   BENCH_SECONDS=5 BENCH_DOC=/tmp/x.md bench/cluster.sh   # a quick check that everything works
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/bench/lib.sh"
bench_init cluster-bench
START_MARK='<!-- cluster-bench:start -->'
END_MARK='<!-- cluster-bench:end -->'
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
WARMUP=${BENCH_WARMUP:-10}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
HOST_HEADER="Host: gross-gerau.localhost"
command -v wrk >/dev/null || die "wrk is missing"

log "publishing the platform once"
bench_copy_working_tree
bench_publish "$SRC/src/Platform.Api" "$WORK/app"
export PLATFORM_CLUSTER_APP="$WORK/app" PLATFORM_CLUSTER_PORT=58280

run_wrk() { # seconds url path -> RESULT line
  wrk -t1 -c"$CONNECTIONS" -d"${1}s" --timeout 5s -s "$ROOT/bench/wrk-report.lua" -H "$HOST_HEADER" "$2$3" | grep '^RESULT '
}
rps() { awk '{ printf "%.0f", $2 / ($3 / 1000000) }' <<<"$1"; }
errors() { awk '{ print $6 + $7 }' <<<"$1"; }

cluster_up() { # n dir [env...] -> balancer url
  local n=$1 dir=$2; shift 2
  env "$@" "$ROOT/infra/cluster.sh" start "$dir" "$n" 2>"$dir.log" | tail -n 1
}

: >"$WORK/results.txt"
for n in 1 2 3; do
  for mode in cached uncached; do
    dir="$WORK/cluster-$n-$mode"
    if [ "$mode" = cached ]; then url=$(cluster_up "$n" "$dir"); else url=$(cluster_up "$n" "$dir" Platform__OutputCache__Enabled=false); fi
    log "$n node(s), output cache $mode: $url"
    # Every node warms up (tiered JIT) on its share of the requests: more nodes, more warm-up.
    run_wrk $((WARMUP * n)) "$url" /api/v1/posts >/dev/null
    api=$(run_wrk "$SECONDS_PER_RUN" "$url" /api/v1/posts)
    echo "$n $mode api $(rps "$api") $(errors "$api")" >>"$WORK/results.txt"
    if [ "$mode" = cached ]; then
      run_wrk $((WARMUP * n)) "$url" / >/dev/null
      page=$(run_wrk "$SECONDS_PER_RUN" "$url" /)
      echo "$n $mode page $(rps "$page") $(errors "$page")" >>"$WORK/results.txt"
      rss=$(ps -o rss= -p "$(cat "$dir/node1/pid")" | awk '{ printf "%.0f", $1 / 1024 }')
      echo "$n rss $rss" >>"$WORK/rss.txt"
    fi
    "$ROOT/infra/cluster.sh" stop "$dir"
  done
done

# kill -9 under load: three nodes, 30 s of wrk on the feed page (uncached by Accept: every request renders), node 2
# killed after 10 s. wrk's errors are the failed requests of the whole window; HAProxy's detection time is measured.
dir="$WORK/cluster-kill"
url=$(cluster_up 3 "$dir")
log "kill -9 under load: $url"
wrk -t1 -c"$CONNECTIONS" -d30s --timeout 5s -s "$ROOT/bench/wrk-report.lua" -H "$HOST_HEADER" "$url/api/v1/posts?page=2" \
  | grep '^RESULT ' >"$WORK/kill.txt" &
wrk_pid=$!
sleep 10
killed=$(date +%s%N)
"$ROOT/infra/cluster.sh" kill "$dir" 2
until ! echo "show stat" | python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n")
data = b"".join(iter(lambda: s.recv(65536), b"")).decode()
sys.exit(0 if any(l.startswith("nodes,node2,") and l.split(",")[17] == "UP" for l in data.splitlines()) else 1)' "$dir/haproxy.sock"; do sleep 0.05; done
detected_ms=$(( ($(date +%s%N) - killed) / 1000000 ))
wait "$wrk_pid"
kill_result=$(cat "$WORK/kill.txt")

# PostgreSQL away for 20 s, then back: how long until every node's /health/ready is 200 again.
"$ROOT/infra/cluster.sh" node-start "$dir" 2
"$ROOT/infra/cluster.sh" pg-stop "$dir"
sleep 20
back=$(date +%s%N)
"$ROOT/infra/cluster.sh" pg-start "$dir"
for i in 1 2 3; do
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(cat "$dir/node$i/port")/health/ready")" = 200 ]; do sleep 0.05; done
done
recovery_ms=$(( ($(date +%s%N) - back) / 1000000 ))
"$ROOT/infra/cluster.sh" stop "$dir"

value() { awk -v n="$1" -v m="$2" -v k="$3" '$1 == n && $2 == m && $3 == k { print $4 }' "$WORK/results.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f×", a / b }'; }
section="$WORK/section.md"
{
  echo "$START_MARK"
  echo "## Cluster: 1, 2 and 3 nodes behind HAProxy (\`bench/cluster.sh\`)"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M') UTC on $(nproc) cores, $(haproxy -v | head -n 1 | cut -d' ' -f1-3), Redis $(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/'). Source: $source_desc."
  echo "Each row is a fresh \`infra/cluster.sh\` (PostgreSQL, Redis, N nodes in Production mode, HAProxy round-robin);"
  echo "\`wrk -t1 -c$CONNECTIONS\` for ${SECONDS_PER_RUN} s through the balancer with \`$HOST_HEADER\`, after ${WARMUP} s of warm-up per node."
  echo "All nodes, PostgreSQL, Redis, HAProxy and wrk share the same $(nproc) cores: a ratio near 1× says that"
  echo "nothing serialises the nodes (more cores would show the gain), a ratio well below 1× would say something does."
  echo
  echo "| Target | 1 node | 2 nodes | 3 nodes | 2 : 1 | 3 : 1 |"
  echo "|---|---:|---:|---:|---:|---:|"
  for row in "cached api|Feed API, cached (Redis output cache)" "uncached api|Feed API, uncached" "cached page|Feed page (HTML)"; do
    IFS='|' read -r key label <<<"$row"
    read -r mode target <<<"$key"
    one=$(value 1 "$mode" "$target"); two=$(value 2 "$mode" "$target"); three=$(value 3 "$mode" "$target")
    echo "| $label | $one/s | $two/s | $three/s | $(ratio "$two" "$one") | $(ratio "$three" "$one") |"
  done
  echo
  echo "- Errors in these runs: $(awk '{ s += $5 } END { print s + 0 }' "$WORK/results.txt")."
  echo "- kill -9 of node 2 after 10 s of 30 s of load on the uncached feed page 2: $(awk '{ print $2 }' <<<"$kill_result") requests,"
  echo "  $(errors "$kill_result") failed; HAProxy had the node out of rotation $detected_ms ms after the kill (checks every 1 s, 2 failures)."
  echo "- PostgreSQL stopped for 20 s and started again: every node's \`/health/ready\` was 200 again after $recovery_ms ms, without a restart."
  echo "- Resident memory of node 1 after its load: $(awk '{ printf "%s%s MB (%s node%s)", sep, $3, $1, ($1 == 1 ? "" : "s"); sep = ", " }' "$WORK/rss.txt")."
  echo "$END_MARK"
} >"$section"
bench_write_section "$section"
log "done in $(( $(date +%s) - started )) s"
