#!/usr/bin/env bash
# A PostgreSQL-backed shop cluster on this machine, loopback only: N Shop.Silo processes and M
# Shop.Api nodes joined as clients (SILO_MODE=external). For trying failover, restarts and load.
#
#   scripts/cluster.sh start [--silos N] [--apis M] [--local-postgres] [--no-build]
#   scripts/cluster.sh stop              stops every process (SIGTERM, then SIGKILL after 20 s) and the local PostgreSQL
#   scripts/cluster.sh kill-silo I       SIGKILL silo I (1-based), as a crash would
#   scripts/cluster.sh add-silo          starts one more silo and waits until it has joined
#   scripts/cluster.sh remove-silo I     stops silo I gracefully (SIGTERM: it hands its grains over and leaves)
#   scripts/cluster.sh rolling-restart   restarts every silo in turn, gracefully, each rejoined before the next
#   scripts/cluster.sh status            pids, ports and each API node's /api/health
#   scripts/cluster.sh clean             stop, then delete .cluster/ (the local database too)
#
# The database: POSTGRES_CONNECTION from the caller, or --local-postgres for a throwaway server kept
# in .cluster/pg (data survives stop/start until `clean`). `start` runs `Shop.Silo migrate` first.
#
# Ports (1-based numbering; silo i, API j):
#   SILO_PORT    = CLUSTER_FIRST_SILO_PORT    + i - 1   (default 11111, 11112, ...)
#   GATEWAY_PORT = CLUSTER_FIRST_GATEWAY_PORT + i - 1   (default 30000, 30001, ...)
#   METRICS_PORT = CLUSTER_FIRST_METRICS_PORT + i - 1   (default 19464, 19465, ...: each silo's /metrics)
#   PORT (HTTP)  = CLUSTER_FIRST_API_PORT     + j - 1   (default 5001, 5002, ...; run.sh keeps 5000)
#   local PostgreSQL on CLUSTER_PG_PORT (default 55433)
#
# Everything else the processes read is passed through from the environment (PAYMENT_TIMEOUT,
# BCRYPT_SALT_ROUNDS, LOG_LEVEL, ...). Defaults chosen here: ASPNETCORE_ENVIRONMENT=Development,
# LOG_LEVEL=warn, CLUSTER_ID/SERVICE_ID=shop-local, SEED_DEMO_DATA=true (first API node only, so two
# nodes never seed at once), and one JWT_SECRET / WEBHOOK_API_KEY / admin password shared by every
# node (generated once into .cluster/, so tokens work on every node and across restarts).
#
# The build: `dotnet build -c Release` of Shop.Api (which builds Shop.Silo), then the output is copied
# to .cluster/bin/, so a later rebuild in the source tree does not swap DLLs under running processes.
# CLUSTER_NO_BUILD=1 (or --no-build) reuses the existing build output.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATE="${CLUSTER_DIR:-$ROOT/.cluster}"
FIRST_SILO_PORT="${CLUSTER_FIRST_SILO_PORT:-11111}"
FIRST_GATEWAY_PORT="${CLUSTER_FIRST_GATEWAY_PORT:-30000}"
FIRST_API_PORT="${CLUSTER_FIRST_API_PORT:-5001}"
FIRST_METRICS_PORT="${CLUSTER_FIRST_METRICS_PORT:-19464}"
PG_PORT="${CLUSTER_PG_PORT:-55433}"
LOOPBACK=127.0.0.1

die() { echo "cluster: $*" >&2; exit 1; }
say() { echo "cluster: $*"; }

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

running_pidfiles() {
  local f
  for f in "$STATE"/silo-*.pid "$STATE"/api-*.pid; do
    [ -e "$f" ] && alive "$f" && echo "$f"
  done
  return 0
}

# ---------------------------------------------------------------- PostgreSQL (--local-postgres)

pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql)."
  echo "$d"
}

# The server refuses to run as root, so as root it runs as the postgres user (like the test helper).
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

local_pg_start() {
  local bin data="$STATE/pg/data"
  bin="$(pg_bin)"
  mkdir -p "$STATE/pg"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$STATE/pg"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a throwaway PostgreSQL in $STATE/pg"
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE/pg/initdb.log"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    # fsync off: this database is for trying things, and losing it on a power cut is fine.
    as_pg "$bin/pg_ctl" -D "$data" -l "$STATE/pg/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=$LOOPBACK -k $STATE/pg -c fsync=off -c max_connections=300" start >/dev/null \
      || die "PostgreSQL did not start; see $STATE/pg/server.log (port $PG_PORT taken? set CLUSTER_PG_PORT)."
  fi
  as_pg "$bin/psql" -h "$LOOPBACK" -p "$PG_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'shop'" | grep -q 1 \
    || as_pg "$bin/createdb" -h "$LOOPBACK" -p "$PG_PORT" -U postgres shop
  echo "Host=$LOOPBACK;Port=$PG_PORT;Username=postgres;Database=shop" >"$STATE/pg/connection"
  say "PostgreSQL on $LOOPBACK:$PG_PORT (database shop)"
}

local_pg_stop() {
  local data="$STATE/pg/data"
  [ -f "$data/PG_VERSION" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1 || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$data" -m fast -w stop >/dev/null && say "stopped PostgreSQL"
}

# ---------------------------------------------------------------- build and shared secrets

build() {
  if [ "${CLUSTER_NO_BUILD:-0}" != 1 ]; then
    say "building (Release)..."
    dotnet build "$ROOT/src/Shop.Api/Shop.Api.csproj" -c Release -v quiet -nologo >"$STATE/build.log" 2>&1 \
      || { tail -n 30 "$STATE/build.log" >&2; die "build failed; see $STATE/build.log"; }
  fi
  local silo="$ROOT/src/Shop.Silo/bin/Release/net10.0" api="$ROOT/src/Shop.Api/bin/Release/net10.0"
  [ -f "$silo/Shop.Silo.dll" ] && [ -f "$api/Shop.Api.dll" ] || die "no Release build output; run without --no-build."
  rm -rf "$STATE/bin"
  mkdir -p "$STATE/bin"
  cp -r "$silo" "$STATE/bin/silo"
  cp -r "$api" "$STATE/bin/api"
}

# A value generated once and kept in .cluster/, unless the environment gives one.
secret() {
  local name="$1" file="$STATE/$2"
  if [ -n "${!name:-}" ]; then echo "${!name}"; return; fi
  [ -s "$file" ] || (umask 077; head -c 48 /dev/urandom | base64 | tr -d '/+=\n' | head -c 48 >"$file")
  cat "$file"
}

# ---------------------------------------------------------------- processes

# Runs a DLL in the background with the cluster's environment plus the given VAR=value pairs;
# stdout and stderr go to .cluster/<name>.log, the pid to .cluster/<name>.pid.
launch() {
  local name="$1" dll="$2"; shift 2
  (
    cd "$STATE"
    for kv in "$@"; do export "${kv?}"; done
    exec nohup dotnet "$dll" >>"$STATE/$name.log" 2>&1 </dev/null
  ) &
  echo $! >"$STATE/$name.pid"
}

common_env() {
  COMMON=(
    "STORAGE_PROVIDER=postgres"
    "POSTGRES_CONNECTION=$CONNECTION"
    "CLUSTER_ID=${CLUSTER_ID:-shop-local}"
    "SERVICE_ID=${SERVICE_ID:-shop-local}"
    "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}"
    "DOTNET_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}"
    "LOG_LEVEL=${LOG_LEVEL:-warn}"
  )
}

# Waits until the TCP port accepts connections, the process dies or the time is up.
wait_port() {
  local port="$1" pidfile="$2" seconds="$3" i
  for ((i = 0; i < seconds * 4; i++)); do
    (exec 3<>"/dev/tcp/$LOOPBACK/$port") 2>/dev/null && return 0
    alive "$pidfile" || return 1
    sleep 0.25
  done
  return 1
}

wait_healthy() {
  local port="$1" pidfile="$2" seconds="$3" i
  for ((i = 0; i < seconds * 2; i++)); do
    curl -fsS -m 5 "http://$LOOPBACK:$port/api/health" >/dev/null 2>&1 && return 0
    alive "$pidfile" || return 1
    sleep 0.5
  done
  return 1
}

launch_silo() {
  local i="$1"
  launch "silo-$i" bin/silo/Shop.Silo.dll "${COMMON[@]}" \
    "SILO_PORT=$((FIRST_SILO_PORT + i - 1))" "GATEWAY_PORT=$((FIRST_GATEWAY_PORT + i - 1))" \
    "METRICS_PORT=$((FIRST_METRICS_PORT + i - 1))" "METRICS_HOST=$LOOPBACK" "SILO_ADVERTISED_IP=$LOOPBACK"
}

start() {
  local silos=3 apis=1 local_pg=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --silos) silos="$2"; shift 2 ;;
      --apis) apis="$2"; shift 2 ;;
      --local-postgres) local_pg=1; shift ;;
      --no-build) CLUSTER_NO_BUILD=1; shift ;;
      *) usage ;;
    esac
  done
  [[ "$silos" =~ ^[1-9][0-9]*$ && "$apis" =~ ^[0-9]+$ ]] || die "--silos must be >= 1 and --apis >= 0."
  mkdir -p "$STATE"
  [ -z "$(running_pidfiles)" ] || die "a cluster is already running here; '$0 stop' first ($0 status)."
  rm -f "$STATE"/silo-*.pid "$STATE"/api-*.pid

  if [ "$local_pg" = 1 ]; then
    local_pg_start
    CONNECTION="$(cat "$STATE/pg/connection")"
  else
    CONNECTION="${POSTGRES_CONNECTION:-}"
    [ -n "$CONNECTION" ] || die "set POSTGRES_CONNECTION (an Npgsql connection string), or pass --local-postgres."
  fi

  # Kept for add-silo and rolling-restart (in .cluster/, readable by this user only).
  (umask 077; printf '%s' "$CONNECTION" >"$STATE/connection")
  build
  common_env
  say "migrating the database"
  (cd "$STATE" && env "${COMMON[@]}" dotnet bin/silo/Shop.Silo.dll migrate) | sed 's/^/  /'

  local jwt webhook admin_email admin_password i j
  jwt="$(secret JWT_SECRET jwt-secret)"
  webhook="$(secret WEBHOOK_API_KEY webhook-key)"
  admin_email="${ADMIN_EMAIL:-admin@cluster.local}"
  admin_password="$(secret ADMIN_PASSWORD admin-password)"

  for ((i = 1; i <= silos; i++)); do
    launch_silo "$i"
  done
  # A client needs a live gateway in the membership table to start, so API nodes wait for the silos.
  for ((i = 1; i <= silos; i++)); do
    wait_port "$((FIRST_GATEWAY_PORT + i - 1))" "$STATE/silo-$i.pid" 90 \
      || die "silo $i did not open its gateway; see $STATE/silo-$i.log"
  done
  say "$silos silo(s) up"

  for ((j = 1; j <= apis; j++)); do
    local port=$((FIRST_API_PORT + j - 1)) seed=false
    [ "$j" = 1 ] && seed="${SEED_DEMO_DATA:-true}"
    launch "api-$j" bin/api/Shop.Api.dll "${COMMON[@]}" \
      "SILO_MODE=external" "PORT=$port" "ASPNETCORE_URLS=http://$LOOPBACK:$port" \
      "JWT_SECRET=$jwt" "WEBHOOK_API_KEY=$webhook" "ADMIN_EMAIL=$admin_email" "ADMIN_PASSWORD=$admin_password" \
      "SEED_DEMO_DATA=$seed" "MAIL_PICKUP_DIR=$STATE/mail"
    # One at a time: the first node seeds the catalog before the next one starts.
    wait_healthy "$port" "$STATE/api-$j.pid" 120 || die "API node $j is not healthy; see $STATE/api-$j.log"
    say "API node $j: http://$LOOPBACK:$port"
  done
  echo
  echo "  admin: $admin_email / $admin_password"
  echo "  logs and pids in $STATE; '$0 status', '$0 kill-silo 2', '$0 stop'"
}

# ---------------------------------------------------------------- stop, kill, status

stop() {
  local f pids=()
  # API nodes first, so no client is left calling a cluster that is going away.
  for f in "$STATE"/api-*.pid "$STATE"/silo-*.pid; do
    [ -e "$f" ] || continue
    if alive "$f"; then
      kill -TERM "$(cat "$f")"
      pids+=("$(cat "$f")")
    fi
  done
  local i
  for ((i = 0; i < 80; i++)); do
    local left=0 p
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left=1; done
    [ "$left" = 0 ] && break
    sleep 0.25
  done
  for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null && { say "pid $p ignored SIGTERM for 20 s; SIGKILL"; kill -KILL "$p"; }
  done
  rm -f "$STATE"/silo-*.pid "$STATE"/api-*.pid
  [ "${#pids[@]}" -gt 0 ] && say "stopped ${#pids[@]} process(es)"
  local_pg_stop
}

kill_silo() {
  local i="${1:-}" f
  [[ "$i" =~ ^[1-9][0-9]*$ ]] || usage
  f="$STATE/silo-$i.pid"
  alive "$f" || die "silo $i is not running."
  # The pid file stays, so `status` shows the silo as dead.
  kill -KILL "$(cat "$f")"
  say "killed silo $i (SIGKILL) at $(date +%T.%N | cut -c1-12)"
}

# ---------------------------------------------------------------- scaling and rolling

running_cluster() {
  [ -s "$STATE/connection" ] && [ -d "$STATE/bin/silo" ] || die "no cluster was started here ('$0 start' first)."
  CONNECTION="$(cat "$STATE/connection")"
  common_env
}

add_silo() {
  running_cluster
  local i=1 f
  for f in "$STATE"/silo-*.pid; do
    [ -e "$f" ] || continue
    local n="${f##*/silo-}"; n="${n%.pid}"
    [ "$n" -ge "$i" ] && i=$((n + 1))
  done
  local started=$SECONDS
  launch_silo "$i"
  wait_port "$((FIRST_GATEWAY_PORT + i - 1))" "$STATE/silo-$i.pid" 90 || die "silo $i did not join; see $STATE/silo-$i.log"
  say "silo $i joined in $((SECONDS - started)) s (gateway $((FIRST_GATEWAY_PORT + i - 1)))"
}

# SIGTERM: Orleans leaves the cluster cleanly (membership updated, grains handed over); SIGKILL
# only when it has not exited within 60 s.
stop_silo() {
  local i="$1" f="$STATE/silo-$1.pid" pid k
  alive "$f" || die "silo $i is not running."
  pid="$(cat "$f")"
  kill -TERM "$pid"
  for ((k = 0; k < 240; k++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "silo $i ignored SIGTERM for 60 s; SIGKILL"
    kill -KILL "$pid"
  fi
  rm -f "$f"
}

remove_silo() {
  local i="${1:-}"
  [[ "$i" =~ ^[1-9][0-9]*$ ]] || usage
  local live=0 f
  for f in "$STATE"/silo-*.pid; do [ -e "$f" ] && alive "$f" && live=$((live + 1)); done
  [ "$live" -gt 1 ] || die "silo $i is the last one running: stop the cluster instead."
  local started=$SECONDS
  stop_silo "$i"
  say "silo $i left the cluster in $((SECONDS - started)) s"
}

rolling_restart() {
  running_cluster
  local f i list=()
  for f in "$STATE"/silo-*.pid; do
    [ -e "$f" ] && alive "$f" || continue
    i="${f##*/silo-}"; list+=("${i%.pid}")
  done
  [ "${#list[@]}" -gt 1 ] || die "a rolling restart needs at least two running silos."
  for i in "${list[@]}"; do
    local started=$SECONDS
    stop_silo "$i"
    launch_silo "$i"
    wait_port "$((FIRST_GATEWAY_PORT + i - 1))" "$STATE/silo-$i.pid" 90 || die "silo $i did not rejoin; see $STATE/silo-$i.log"
    # The others learn of the new silo through the membership table; give them a probe or two.
    sleep "${CLUSTER_ROLL_SETTLE_SECONDS:-5}"
    say "silo $i restarted and rejoined in $((SECONDS - started)) s"
  done
}

status() {
  local f name any=0
  for f in "$STATE"/silo-*.pid "$STATE"/api-*.pid; do
    [ -e "$f" ] || continue
    any=1
    name="$(basename "$f" .pid)"
    local n="${name#*-}" pid state
    pid="$(cat "$f")"
    alive "$f" && state=running || state=dead
    case "$name" in
      silo-*) printf '%-7s pid %-7s %-7s silo %s gateway %s\n' "$name" "$pid" "$state" \
                "$((FIRST_SILO_PORT + n - 1))" "$((FIRST_GATEWAY_PORT + n - 1))" ;;
      api-*)
        local port=$((FIRST_API_PORT + n - 1)) health
        health="$(curl -sS -m 10 "http://$LOOPBACK:$port/api/health" 2>&1 | head -c 300 || true)"
        printf '%-7s pid %-7s %-7s http://%s:%s  %s\n' "$name" "$pid" "$state" "$LOOPBACK" "$port" "$health" ;;
    esac
  done
  [ "$any" = 1 ] || echo "no cluster processes recorded in $STATE"
  if [ -f "$STATE/pg/data/PG_VERSION" ]; then
    as_pg "$(pg_bin)/pg_ctl" -D "$STATE/pg/data" status >/dev/null 2>&1 \
      && echo "postgres running on $LOOPBACK:$PG_PORT" || echo "postgres stopped ($STATE/pg)"
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  kill-silo) kill_silo "${2:-}" ;;
  add-silo) add_silo ;;
  remove-silo) remove_silo "${2:-}" ;;
  rolling-restart) rolling_restart ;;
  status) status ;;
  clean) stop; rm -rf "$STATE"; say "removed $STATE" ;;
  *) usage ;;
esac
