# shellcheck shell=bash
# Sourced by the benches that measure one Release host on SQLite (page-weight.sh, tools.sh). single_host_start NAME
# FIRST_PORT publishes src/Platform.Api, starts it in Production on the first free port from FIRST_PORT with a fresh
# SQLite file and its own Data Protection certificate, and waits until it is ready. It sets WORK (a temp folder),
# PID, PORT and BASE (Groß-Gerau by path); on exit the host is stopped and WORK removed, unless KEEP=1 or the script
# failed. The caller defines log and die.

single_host_cleanup() {
  local status=$?
  [ -n "${PID:-}" ] && { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
  if [ "${KEEP:-0}" = 1 ] || [ "$status" != 0 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}

single_host_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

single_host_start() {
  local name=$1
  command -v dotnet >/dev/null || die "dotnet is missing"
  command -v curl >/dev/null || die "curl is missing"
  WORK=$(mktemp -d "/tmp/$name.XXXXXX")
  PID=""
  trap single_host_cleanup EXIT
  PORT=$2; while ! single_host_port_free "$PORT"; do PORT=$((PORT + 1)); done

  log "publishing the host (Release)"
  dotnet publish "$ROOT/src/Platform.Api" -c Release -o "$WORK/app" -nologo >"$WORK/publish.log" 2>&1 \
    || die "dotnet publish failed (log: $WORK/publish.log)"

  log "starting it on 127.0.0.1:$PORT (SQLite in $WORK)"
  "$ROOT/infra/dataprotection-cert.sh" "$WORK/dataprotection.pfx" bench
  (cd "$WORK/app" && exec env ASPNETCORE_URLS="http://127.0.0.1:$PORT" ASPNETCORE_ENVIRONMENT=Production \
    Logging__LogLevel__Default=Warning "ConnectionStrings__Platform=Data Source=$WORK/platform.db" \
    "Platform__DataProtection__CertificatePath=$WORK/dataprotection.pfx" Platform__DataProtection__CertificatePassword=bench \
    dotnet Platform.Api.dll) >"$WORK/host.log" 2>&1 &
  PID=$!
  for _ in $(seq 120); do
    curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    kill -0 "$PID" 2>/dev/null || die "the host stopped (log: $WORK/host.log)"
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$PORT/health/live" >/dev/null || die "the host did not come up (log: $WORK/host.log)"
  # shellcheck disable=SC2034 # read by the caller
  BASE="http://127.0.0.1:$PORT/t/gross-gerau/"
}
