#!/usr/bin/env bash
# A cluster on loopback, as in production but on one machine (ADR-029, docs/operations.md "Cluster on loopback"):
# PostgreSQL, Redis, N platform nodes (each with a home folder and key folder of its own, as on N machines, all in
# Production mode) and HAProxy in front of them, round-robin without sticky sessions, health-checking /health/ready.
#   infra/cluster.sh start DIR [N]   N nodes (default 3); the balancer's address http://127.0.0.1:PORT is the last line
#   infra/cluster.sh stop DIR
#   infra/cluster.sh kill DIR I      kill -9 node I (1..N), as a machine that dies; node-start DIR I starts it again
#   infra/cluster.sh pg-stop DIR     stop PostgreSQL (an outage); pg-start DIR brings it back on the same port
# The tenants answer on the balancer's port under their host names: http://gross-gerau.localhost:PORT/.
# Environment: PLATFORM_CLUSTER_PORT (first port to try, default 58080); PLATFORM_CLUSTER_APP, a published platform to
# run instead of publishing one into DIR/app; every other variable (for example Platform__Email__Port) reaches the
# nodes, as in any container environment.
set -euo pipefail

cmd=${1:?start|stop|kill|pg-stop|pg-start}
dir=${2:?cluster directory}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

wait_ready() { # url, seconds, what
  for _ in $(seq 1 $(($2 * 10))); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null)" = 200 ] && return 0
    sleep 0.1
  done
  echo "$3 did not become ready at $1" >&2
  return 1
}

start_node() { # index
  local i=$1 node="$dir/node$1"
  mkdir -p "$node/home" "$node/keys"
  local port; port=$(cat "$node/port")
  (
    cd "$app"
    export HOME="$node/home"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export Platform__Database__Provider=PostgreSql
    export ConnectionStrings__Platform="Host=127.0.0.1;Port=$pg_port;Username=platform_node;Password=platform;Database=platform;Maximum Pool Size=40;Timeout=3;Command Timeout=10"
    export ConnectionStrings__PlatformMigrations="Host=127.0.0.1;Port=$pg_port;Username=platform_owner;Password=platform;Database=platform"
    export ConnectionStrings__Redis="127.0.0.1:$redis_port"
    export Platform__DataProtection__CertificatePath="$dir/dataprotection.pfx"
    export Platform__DataProtection__CertificatePassword=cluster
    export Platform__Notifications__KeyFolder="$node/keys"
    export Platform__Tenancy__TrustedProxies__0=127.0.0.1
    export Platform__PublicUrl__Scheme=http
    export Platform__PublicUrl__Port="$lb_port"
    exec setsid dotnet Platform.Api.dll >"$node/log" 2>&1
  ) &
  echo $! >"$node/pid"
}

case "$cmd" in
  start)
    n=${3:-3}
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    echo "$n" >"$dir/nodes"

    app=${PLATFORM_CLUSTER_APP:-$dir/app}
    if [ ! -f "$app/Platform.Api.dll" ]; then
      echo "Publishing the platform into $app" >&2
      dotnet publish "$root/src/Platform.Api" -c Release -o "$app" -nologo -v q >&2
    fi
    echo "$app" >"$dir/app.path"

    pg_port=$("$root/infra/postgres.sh" start "$dir/pg" "$(next_free "${PLATFORM_CLUSTER_PORT:-58080}")")
    echo "$pg_port" >"$dir/pg.port"
    # The owner migrates (once, node 1); the nodes connect as a member of the row-level-security role (ADR-006).
    PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SELECT 'CREATE ROLE platform_app NOLOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_app') \gexec
SELECT 'CREATE ROLE platform_owner LOGIN PASSWORD ''platform''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_owner') \gexec
SELECT 'CREATE ROLE platform_node LOGIN PASSWORD ''platform'' IN ROLE platform_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'platform_node') \gexec
SELECT 'CREATE DATABASE platform OWNER platform_owner' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'platform') \gexec
SQL
    redis_port=$("$root/infra/redis.sh" start "$dir/redis" "$(next_free $((pg_port + 1)))")
    echo "$redis_port" >"$dir/redis.port"

    # One Data Protection certificate for the key ring of every node (in production: a secret of the deployment).
    "$root/infra/dataprotection-cert.sh" "$dir/dataprotection.pfx" cluster

    lb_port=$(next_free $((redis_port + 1)))
    echo "$lb_port" >"$dir/lb.port"
    next=$((lb_port + 1))
    for i in $(seq 1 "$n"); do
      mkdir -p "$dir/node$i"
      next=$(next_free "$next"); echo "$next" >"$dir/node$i/port"; next=$((next + 1))
    done

    # Node 1 first: it migrates, makes the key ring and seeds the demo data once; the others find all three.
    start_node 1
    wait_ready "http://127.0.0.1:$(cat "$dir/node1/port")/health/ready" 120 "node 1"
    for i in $(seq 2 "$n"); do start_node "$i"; done
    for i in $(seq 2 "$n"); do wait_ready "http://127.0.0.1:$(cat "$dir/node$i/port")/health/ready" 120 "node $i"; done

    servers=""
    for i in $(seq 1 "$n"); do servers+="    server node$i 127.0.0.1:$(cat "$dir/node$i/port") check"$'\n'; done
    sed -e "s/@PORT@/$lb_port/" -e "s|@SOCKET@|$dir/haproxy.sock|" -e "/@SERVERS@/{
r /dev/stdin
d
}" "$root/infra/haproxy/cluster.cfg.template" <<<"$servers" >"$dir/haproxy.cfg"
    haproxy -f "$dir/haproxy.cfg" -D -p "$dir/haproxy.pid"
    wait_ready "http://127.0.0.1:$lb_port/health/ready" 30 "the balancer"
    echo "http://127.0.0.1:$lb_port"
    ;;
  node-start)
    i=${3:?node index}
    app=$(cat "$dir/app.path"); pg_port=$(cat "$dir/pg.port"); redis_port=$(cat "$dir/redis.port"); lb_port=$(cat "$dir/lb.port")
    start_node "$i"
    wait_ready "http://127.0.0.1:$(cat "$dir/node$i/port")/health/ready" 120 "node $i"
    ;;
  kill)
    i=${3:?node index}
    kill -9 "$(cat "$dir/node$i/pid")" 2>/dev/null || true
    ;;
  pg-stop)
    "$root/infra/postgres.sh" stop "$dir/pg"
    ;;
  pg-start)
    "$root/infra/postgres.sh" start "$dir/pg" "$(cat "$dir/pg.port")" >/dev/null
    ;;
  stop)
    [ -f "$dir/haproxy.pid" ] && kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true
    for pidfile in "$dir"/node*/pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    done
    "$root/infra/redis.sh" stop "$dir/redis" || true
    "$root/infra/postgres.sh" stop "$dir/pg" || true
    # Under ./test.sh the nodes' logs join the run's log, which is scanned for personal data (ADR-030).
    if [ -n "${PLATFORM_TEST_LOG_DIR:-}" ]; then
      mkdir -p "$PLATFORM_TEST_LOG_DIR"
      for log in "$dir"/node*/log; do
        [ -f "$log" ] || continue
        cp "$log" "$PLATFORM_TEST_LOG_DIR/cluster-$(basename "$dir")-$(basename "$(dirname "$log")").log"
      done
    fi
    ;;
  *) echo "usage: $0 start|stop|kill|node-start|pg-stop|pg-start DIR [N|I]" >&2; exit 2 ;;
esac
