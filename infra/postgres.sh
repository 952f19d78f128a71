#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL on 127.0.0.1 for tests and benchmarks.
#   infra/postgres.sh start DIR [PORT]   prints the port it listens on (first free one from PORT, default 55432)
#   infra/postgres.sh stop DIR
# The cluster belongs to the 'postgres' OS user (initdb refuses root). It has a superuser 'postgres' with password
# 'postgres'; fsync is off because the data is thrown away.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?data directory}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$cmd" in
  start)
    port=${3:-55432}
    while ! port_free "$port"; do port=$((port + 1)); done
    mkdir -p "$dir"
    chmod a+rx "$(dirname "$dir")" 2>/dev/null || true
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      pwfile=$(mktemp); echo postgres > "$pwfile"; chmod 644 "$pwfile"
      as_postgres "$bin/initdb" -D "$dir" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
      rm -f "$pwfile"
    fi
    as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -o \
      "-c listen_addresses=127.0.0.1 -p $port -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null
    echo "$port"
    ;;
  stop)
    [ -f "$dir/postmaster.pid" ] && as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
