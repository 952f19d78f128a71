#!/usr/bin/env bash
# The platform as a container image (ADR-028, docs/operations.md "Container image"), built where no container registry
# is reachable: the base is a minimal Debian bookworm from debootstrap with this machine's ASP.NET Core shared runtime,
# and the .NET SDK (`dotnet publish /t:PublishContainer`) puts the published platform on top of it.
#   infra/container.sh base    the base image jobcenter-plattform-base:<runtime version> (debootstrap once, cached as a
#                              tarball), pushed into a loopback registry (Debian's docker-registry) for the SDK
#   infra/container.sh build   jobcenter-plattform:<version> and :latest in the local podman, built by the SDK
#   infra/container.sh smoke   runs the image read-only as uid 1654 against a throw-away PostgreSQL: --migrate-only as
#                              the owner, then the server as the app role until /health/ready; prints the sizes
# Environment: PLATFORM_CONTAINER_DIR (work folder, default artifacts/container; the base tarball and the registry's
# storage stay there), PLATFORM_CONTAINER_PORT (first port to try for the registry, PostgreSQL and the smoke run's
# ports, default 57100), PLATFORM_CONTAINER_MIRROR (Debian mirror, default deb.debian.org).
# Needs root on Debian; installs podman, runc, debootstrap and docker-registry when they are missing.
set -euo pipefail

cmd=${1:?base|build|smoke}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work=${PLATFORM_CONTAINER_DIR:-$root/artifacts/container}
first_port=${PLATFORM_CONTAINER_PORT:-57100}
mirror=${PLATFORM_CONTAINER_MIRROR:-http://deb.debian.org/debian}
base_name=jobcenter-plattform-base
image_name=jobcenter-plattform
app_uid=1654
# What the ASP.NET Core runtime needs beyond minbase: certificates (TLS to SMTP, OTLP, push services), ICU
# (globalisation is on: German and Arabic UI), OpenSSL, time zones (publication times are the jobcenters' local times),
# GSSAPI (Npgsql asks PostgreSQL for GSS encryption first and logs an error on every connection without it). The fonts
# cards and icons are drawn with ship in the app (Images/Fonts): no font package.
base_packages=ca-certificates,libicu72,libssl3,tzdata,libgssapi-krb5-2
# crun 1.8 (bookworm) refuses hosts with cgroups in hybrid mode; runc works. Podman's default limits (a million files,
# the host's processes) may be above what a sandboxed host lets a container set: ask for less than the hard limits.
limit() { local hard; hard=$(ulimit -H "$1"); if [ "$hard" = unlimited ] || [ "$hard" -gt "$2" ]; then echo "$2"; else echo $((hard / 2)); fi; }
nofile=$(limit -n 16384); nproc=$(limit -u 8192)
podman_run=(podman run --runtime runc --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")

log() { echo "container.sh: $*" >&2; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
next_free() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

install_missing() {
  local need=()
  command -v podman >/dev/null 2>&1 || need+=(podman)
  command -v runc >/dev/null 2>&1 || need+=(runc)
  command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  [ ${#need[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    log "missing packages: ${need[*]}. Run as root, or install them: apt-get install ${need[*]}"
    exit 1
  fi
  log "installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
}

# The runtime the app targets (net10.0): the newest 10.x ASP.NET Core shared framework of this machine's dotnet, with
# the Microsoft.NETCore.App of the same version beside it.
dotnet_dir() { dirname "$(readlink -f "$(command -v dotnet)")"; }
runtime_version() {
  local v
  v=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" && $2 ~ /^10\./ { print $2 }' | sort -V | tail -n 1)
  [ -n "$v" ] || { log "no ASP.NET Core 10 runtime in 'dotnet --list-runtimes'"; exit 1; }
  [ -d "$(dotnet_dir)/shared/Microsoft.NETCore.App/$v" ] || { log "no Microsoft.NETCore.App $v beside ASP.NET Core $v"; exit 1; }
  echo "$v"
}

# --- the loopback registry: the SDK pulls its base image from a registry only --------------------------------------
registry_start() {
  mkdir -p "$work/registry/data"
  if [ -f "$work/registry/pid" ] && kill -0 "$(cat "$work/registry/pid")" 2>/dev/null; then return 0; fi
  local port; port=$(next_free "$first_port")
  cat >"$work/registry/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/registry/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  setsid docker-registry serve "$work/registry/config.yml" >"$work/registry/log" 2>&1 &
  echo $! >"$work/registry/pid"
  echo "$port" >"$work/registry/port"
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/v2/" && return 0
    sleep 0.1
  done
  log "the registry did not start on 127.0.0.1:$port:"; cat "$work/registry/log" >&2
  exit 1
}

registry_stop() {
  [ -f "$work/registry/pid" ] || return 0
  local pid; pid=$(cat "$work/registry/pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  rm -f "$work/registry/pid"
}

# An image this script replaced, unless something else still names or uses it.
drop_if_untagged() {
  [ -n "$1" ] || return 0
  [ "$(podman image inspect --format '{{len .RepoTags}}' "$1" 2>/dev/null || echo 1)" = 0 ] || return 0
  podman rmi "$1" >/dev/null 2>&1 || true
}

# The base in podman (imported from the tarball, again when the tarball changed) and in the registry (pushed after an
# import, or when the registry does not have it).
base_publish() {
  local version=$1 tarball=$2 port imported=0 ref="localhost/$base_name:$1" previous
  if [ "$(podman image inspect --format '{{index .Labels "net.jobcenter-plattform.base"}}' "$ref" 2>/dev/null)" \
    != "$(basename "$tarball")" ]; then
    log "importing $tarball as $ref"
    previous=$(podman image inspect --format '{{.Id}}' "$ref" 2>/dev/null || true)
    podman import -q \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "ENV DOTNET_ROOT=/usr/share/dotnet" \
      --change "ENV DOTNET_RUNNING_IN_CONTAINER=true" \
      --change "ENV DOTNET_VERSION=$version" \
      --change "ENV ASPNET_VERSION=$version" \
      --change "ENV APP_UID=$app_uid" \
      --change "ENV ASPNETCORE_HTTP_PORTS=8080" \
      --change "LABEL net.jobcenter-plattform.base=$(basename "$tarball")" \
      --change "USER $app_uid" \
      --change "WORKDIR /app" \
      --message "Debian bookworm (debootstrap minbase) with ASP.NET Core $version" \
      "$tarball" "$ref" >/dev/null
    imported=1
    drop_if_untagged "$previous"
  fi
  registry_start
  port=$(cat "$work/registry/port")
  if [ "$imported" = 1 ] || ! curl -fs "http://127.0.0.1:$port/v2/$base_name/tags/list" | grep -q "\"$version\""; then
    log "pushing the base into the loopback registry 127.0.0.1:$port"
    podman push -q --tls-verify=false "$ref" "127.0.0.1:$port/$base_name:$version"
  fi
}

# The tarball's name carries the runtime version and a digest of the package list and of how the root file system is
# made: a change to either builds anew.
base_tarball() { echo "$work/$base_name-bookworm-$1-$({ echo "$base_packages"; declare -f base; } | sha256sum | cut -c 1-8).tar"; }

base() {
  local version tarball rootfs dn
  version=$(runtime_version)
  dn=$(dotnet_dir)
  mkdir -p "$work"
  tarball=$(base_tarball "$version")
  if [ -f "$tarball" ]; then
    log "base tarball exists: $tarball (delete it to debootstrap again)"
  else
    rootfs="$work/rootfs"
    rm -rf "$rootfs"
    log "debootstrap bookworm (minbase) into $rootfs"
    debootstrap --variant=minbase --include="$base_packages" \
      bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
      || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }

    log "copying the .NET host and the shared runtime $version from $dn"
    mkdir -p "$rootfs/usr/share/dotnet/shared" "$rootfs/usr/share/dotnet/host" "$rootfs/etc/dotnet"
    cp -a "$dn/dotnet" "$rootfs/usr/share/dotnet/"
    cp -a "$dn/host/fxr" "$rootfs/usr/share/dotnet/host/"
    for f in LICENSE.txt ThirdPartyNotices.txt; do [ -f "$dn/$f" ] && cp -a "$dn/$f" "$rootfs/usr/share/dotnet/"; done
    for fw in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
      mkdir -p "$rootfs/usr/share/dotnet/shared/$fw"
      cp -a "$dn/shared/$fw/$version" "$rootfs/usr/share/dotnet/shared/$fw/"
    done
    # Only the host of the runtime's own version (the SDK's machine may have several).
    find "$rootfs/usr/share/dotnet/host/fxr" -mindepth 1 -maxdepth 1 ! -name "$version" -exec rm -rf {} +
    # libvips' fontconfig reads /etc/fonts/fonts.conf and says on stderr when there is none. The platform names its
    # own font files; no system fonts, and no cache on the read-only root.
    mkdir -p "$rootfs/etc/fonts"
    printf '%s\n' '<?xml version="1.0"?>' '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">' \
      '<fontconfig><cachedir>/tmp/fontconfig</cachedir></fontconfig>' >"$rootfs/etc/fonts/fonts.conf"
    ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
    echo /usr/share/dotnet >"$rootfs/etc/dotnet/install_location"

    # The non-root user of Microsoft's images: uid and gid 1654, "app".
    chroot "$rootfs" groupadd --gid "$app_uid" app
    chroot "$rootfs" useradd --uid "$app_uid" --gid "$app_uid" --shell /usr/sbin/nologin --create-home app

    # Nothing the image needs at run time: package caches and lists, documentation, man pages, message catalogues.
    rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* "$rootfs"/tmp/* \
      "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
    tar -C "$rootfs" --numeric-owner -cf "$tarball.part" .
    mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
  fi
  base_publish "$version" "$tarball"
  registry_stop
  log "base: localhost/$base_name:$version ($(podman image inspect --format '{{.Size}}' "localhost/$base_name:$version") bytes)"
}

build() {
  local version tarball port previous
  version=$(runtime_version)
  tarball=$(base_tarball "$version")
  [ -f "$tarball" ] || { log "no base tarball: run infra/container.sh base first"; exit 1; }
  base_publish "$version" "$tarball"
  port=$(cat "$work/registry/port")
  trap registry_stop EXIT
  previous=$(podman image inspect --format '{{.Id}}' "localhost/$image_name:latest" 2>/dev/null || true)
  log "dotnet publish /t:PublishContainer onto 127.0.0.1:$port/$base_name:$version"
  # No ContainerRegistry: the SDK hands the image to the local podman (LocalRegistry). The loopback registry speaks
  # plain HTTP, which the SDK accepts only for the registries DOTNET_CONTAINER_INSECURE_REGISTRIES names.
  DOTNET_CONTAINER_INSECURE_REGISTRIES="127.0.0.1:$port" \
    dotnet publish "$root/src/Platform.Api" -c Release -nologo -v q -clp:ErrorsOnly /t:PublishContainer \
    -p:ContainerBaseImage="127.0.0.1:$port/$base_name:$version" -p:LocalRegistry=Podman
  # An image name without a registry may also reach podman as docker.io/localhost/…: keep localhost/ only.
  local ref
  for ref in $(podman images --format '{{.Repository}}:{{.Tag}}' | grep "^docker.io/localhost/$image_name:" || true); do
    podman untag "$ref" "$ref" >/dev/null
  done
  drop_if_untagged "$previous"
  podman images --filter "reference=localhost/$image_name" >&2
}

smoke() {
  local image=localhost/$image_name:latest pg_port http_port mgmt_port ready_ms restart_ms
  # Globals: the clean-up on exit runs after this function has returned.
  s="$work/smoke"; name="$image_name-smoke-$$"
  podman image exists "$image" || { log "no image $image: run infra/container.sh build first"; exit 1; }
  rm -rf "$s"; mkdir -p "$s"
  smoke_cleanup() {
    podman rm -f -t 5 "$name" >/dev/null 2>&1 || true
    "$root/infra/postgres.sh" stop "$s/pg" || true
  }
  trap smoke_cleanup EXIT

  pg_port=$("$root/infra/postgres.sh" start "$s/pg" "$(next_free $((first_port + 10)))")
  # The roles of infra/cluster.sh and ADR-006: the owner migrates, the node connects as a member of platform_app.
  PGPASSWORD=postgres psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
CREATE ROLE platform_app NOLOGIN;
CREATE ROLE platform_owner LOGIN PASSWORD 'platform';
CREATE ROLE platform_node LOGIN PASSWORD 'platform' IN ROLE platform_app;
CREATE DATABASE platform OWNER platform_owner;
SQL
  local owner="Host=127.0.0.1;Port=$pg_port;Username=platform_owner;Password=platform;Database=platform"
  local node="Host=127.0.0.1;Port=$pg_port;Username=platform_node;Password=platform;Database=platform;Timeout=3;Command Timeout=10"
  local common=(--rm --read-only --tmpfs "/tmp:rw,size=64m,mode=1777" --user "$app_uid:$app_uid" --network host
    --cap-drop ALL --security-opt no-new-privileges
    -e ASPNETCORE_ENVIRONMENT=Production -e Platform__Database__Provider=PostgreSql)

  log "--migrate-only as platform_owner (PostgreSQL on 127.0.0.1:$pg_port)"
  "${podman_run[@]}" "${common[@]}" -e "ConnectionStrings__PlatformMigrations=$owner" -e "ConnectionStrings__Platform=$node" \
    "$image" --migrate-only >"$s/migrate.log" 2>&1 || { log "--migrate-only failed:"; cat "$s/migrate.log" >&2; exit 1; }

  # The certificate as a deployment's secret: a read-only file the app's uid can read, nothing else in the image.
  "$root/infra/dataprotection-cert.sh" "$s/dataprotection.pfx" smoke
  chown "$app_uid:$app_uid" "$s/dataprotection.pfx"; chmod 0400 "$s/dataprotection.pfx"
  http_port=$(next_free $((pg_port + 1)))
  mgmt_port=$(next_free $((http_port + 1)))
  # Starts the server as platform_node; prints the milliseconds from `podman run` to the first 200 of /health/ready.
  serve() {
    local started code deadline=$((SECONDS + 120))
    started=$(date +%s%N)
    "${podman_run[@]}" -d --name "$name" "${common[@]}" \
      -v "$s/dataprotection.pfx:/run/secrets/dataprotection.pfx:ro" \
      -e "ASPNETCORE_HTTP_PORTS=$http_port" -e "Platform__Management__Port=$mgmt_port" \
      -e "ConnectionStrings__Platform=$node" \
      -e Platform__Database__MigrateOnStartup=false -e Platform__Database__SeedDemoData=true \
      -e Platform__DataProtection__CertificatePath=/run/secrets/dataprotection.pfx \
      -e Platform__DataProtection__CertificatePassword=smoke \
      -e Platform__PublicUrl__Scheme=http -e "Platform__PublicUrl__Port=$http_port" \
      "$image" >/dev/null
    while [ "$SECONDS" -lt "$deadline" ]; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http_port/health/ready" 2>/dev/null || true)
      if [ "$code" = 200 ]; then echo $((($(date +%s%N) - started) / 1000000)); return 0; fi
      [ "$(podman inspect --format '{{.State.Running}}' "$name" 2>/dev/null)" = true ] || break
      sleep 0.1
    done
    log "/health/ready did not answer 200 within 120 s:"; podman logs "$name" >&2 2>&1 || true
    return 1
  }
  log "the server as platform_node on 127.0.0.1:$http_port (metrics on $mgmt_port), demo data seeded at its start"
  ready_ms=$(serve)
  log "/health/ready 200 after $ready_ms ms"

  check() { # url, expected status, what, [content type prefix]
    local out status type
    out=$(curl -s -o "$s/body" -w '%{http_code} %{content_type}' "$1") || true
    status=${out%% *}; type=${out#* }
    if [ "$status" != "$2" ] || { [ -n "${4:-}" ] && [[ $type != "$4"* ]]; }; then
      log "$3: $1 answered $status ($type), expected $2 ${4:-}"; podman logs "$name" 2>&1 | tail -n 40 >&2
      exit 1
    fi
    log "$3: $status $type ($(wc -c <"$s/body") bytes)"
  }
  local tenant="http://gross-gerau.localhost:$http_port"
  check "http://127.0.0.1:$http_port/health/live" 200 "liveness"
  check "$tenant/" 200 "landing page" text/html
  check "$tenant/app-icon-192.png" 200 "app icon (libvips, shipped fonts)" image/png
  check "http://127.0.0.1:$mgmt_port/metrics" 200 "metrics on the management port" text/plain
  if podman exec "$name" bash -c 'touch /app/x' 2>/dev/null; then log "the root file system is writable"; exit 1; fi
  log "the root file system is read-only"
  [ "$(podman exec "$name" id -u)" = "$app_uid" ] || { log "the process does not run as uid $app_uid"; exit 1; }
  podman logs "$name" >"$s/server.log" 2>&1
  # Every line the platform writes is a JSON log entry, apart from its start banner: a native library that cannot
  # find what it needs in the base says so on stderr.
  if grep -E 'Fontconfig|Cannot load library|cannot open shared object' "$s/server.log" "$s/migrate.log" >&2; then
    log "the base lacks something a native library looks for (above)"; exit 1
  fi
  podman stop -t 30 "$name" >/dev/null
  podman rm -f "$name" >/dev/null 2>&1 || true

  # A restart, as in a rolling upgrade: schema, key ring and demo data are there already.
  log "the server again (a restart)"
  restart_ms=$(serve)
  log "/health/ready 200 after $restart_ms ms"
  podman stop -t 30 "$name" >/dev/null
  local size base_size version
  version=$(runtime_version)
  size=$(podman image inspect --format '{{.Size}}' "$image")
  base_size=$(podman image inspect --format '{{.Size}}' "localhost/$base_name:$version")
  echo "image $image: $size bytes ($((size / 1000000)) MB)"
  echo "base localhost/$base_name:$version: $base_size bytes ($((base_size / 1000000)) MB)"
  echo "first /health/ready 200 after: $ready_ms ms (empty database, demo data seeded), $restart_ms ms (restart)"
  echo "smoke: passed"
}

install_missing
case "$cmd" in
  base) base ;;
  build) build ;;
  smoke) smoke ;;
  *) echo "usage: $0 base|build|smoke" >&2; exit 2 ;;
esac
