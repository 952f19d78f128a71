#!/usr/bin/env bash
# Starts or stops a throw-away Redis (Debian's redis-server) on 127.0.0.1 for tests, benchmarks and infra/cluster.sh.
#   infra/redis.sh start DIR [PORT]   prints the port it listens on (first free one from PORT, default 56379)
#   infra/redis.sh stop DIR
# No persistence (the platform keeps nothing in Redis that the database does not also have, ADR-029), no password,
# loopback only.
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?data directory}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

case "$cmd" in
  start)
    port=${3:-56379}
    while ! port_free "$port"; do port=$((port + 1)); done
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" >/dev/null
    for _ in $(seq 1 100); do
      redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && { echo "$port"; exit 0; }
      sleep 0.1
    done
    echo "Redis did not start on port $port; see $dir/redis.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/redis.pid" ]; then
      pid=$(cat "$dir/redis.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/redis.pid"
    fi
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
