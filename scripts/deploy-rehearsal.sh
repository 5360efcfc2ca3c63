#!/usr/bin/env bash
# Deployment rehearsal: runs docker-compose.yml's services as real processes on loopback, with the
# environment compose would give each one, and checks the shop works behind nginx and Prometheus.
#
#   scripts/deploy-rehearsal.sh
#
# What runs, in compose's order (docker-compose config with .env.example as .env, its change-me
# values replaced by test secrets, STORAGE_PROVIDER=postgres, profiles postgres and monitoring):
#   Prometheus (no dependencies) with deploy/prometheus, scraping the loopback targets;
#   a throwaway PostgreSQL (initdb) with compose's POSTGRES_DB / _USER / _PASSWORD;
#   migrate (deploy/docker/silo-entrypoint.sh migrate), twice: it must be safe to repeat;
#     also against MongoDB when SHOP_TEST_MONGO_URI or MONGO_URI names a server (a database of its own);
#   two silos (the entrypoint, no command), an API node (dotnet Shop.Api.dll), authenticating each other
#     with a throwaway cluster CA's certificate (scripts/cluster-tls.sh) where compose mounts ./cluster-tls;
#   nginx (Debian's nginx-light) with deploy/nginx.conf, serving web/dist;
#   an SMTP server on loopback standing in for SMTP_HOST (STARTTLS with a certificate of its own, which
#     the processes trust through SSL_CERT_FILE; then AUTH with SMTP_USER / SMTP_PASSWORD).
# The processes get the image's environment, then compose's. Only host names, ports, paths of the
# image's filesystem and files of folders compose mounts are rewritten (printed at the start); the
# helper fails on any other difference.
# As root the shop's processes run as nobody, as the images run as a non-root user.
#
# Checks: each silo's silo and gateway ports refuse a TLS client without the cluster's certificate and
# accept one with it. Through nginx: the web client and an asset load; /api/health/live (the detailed
# /api/health is 404 there and reports two silos on the API node); a shopper registers, adds a product (created by ADMIN_EMAIL when the catalog is empty) to
# the cart, checks out and pays, and the order is Paid; the silos email the shopper through SMTP;
# a second payment arrives by the signed webhook (WEBHOOK_API_KEY) and is acknowledged; /metrics is
# 404 through nginx while the API node and both silos serve it directly; Prometheus has every target
# up, evaluates every rule group after that, and has live series for every metric the rules and the
# Grafana dashboards use (Grafana is not run: its provisioning is checked against compose).
#
# Needs: the Release build of src/Shop.Silo and src/Shop.Api, web/dist, PostgreSQL's binaries,
# nginx, prometheus, docker-compose (or docker compose), python3 with PyYAML, curl and jq
# (apt-get install postgresql nginx-light prometheus docker-compose curl jq).
# Exit 0 when every check passed, 1 on a failure (with the tail of every process log), 77 when a
# tool or build output is missing. Bounded: SHOP_REHEARSAL_TIMEOUT seconds in all (default 170).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
HELPER=(python3 "$ROOT/scripts/deploy-rehearsal.py")
LOOPBACK=127.0.0.1
TIMEOUT="${SHOP_REHEARSAL_TIMEOUT:-170}"
T0=$EPOCHREALTIME

elapsed() { awk -v now="$EPOCHREALTIME" -v t0="$T0" 'BEGIN { printf "%.1f", now - t0 }'; }
say() { printf '[%5ss] %s\n' "$(elapsed)" "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
missing() { echo "NOTICE: deployment rehearsal skipped: $*" >&2; exit 77; }

# ------------------------------------------------------------------ tools and build outputs

compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  missing "docker-compose is not installed (apt-get install docker-compose)"
fi
python3 -c 'import yaml' 2>/dev/null || missing "python3 has no PyYAML (apt-get install python3-yaml)"
for tool in nginx prometheus curl jq dotnet; do
  command -v "$tool" >/dev/null 2>&1 || missing "$tool is not installed (apt-get install nginx-light prometheus curl jq; dotnet: the .NET SDK)"
done
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || missing "PostgreSQL is not installed (apt-get install postgresql)"
SILO_BUILD="$ROOT/src/Shop.Silo/bin/Release/net10.0"
API_BUILD="$ROOT/src/Shop.Api/bin/Release/net10.0"
[ -f "$SILO_BUILD/Shop.Silo.dll" ] && [ -f "$API_BUILD/Shop.Api.dll" ] \
  || missing "no Release build (dotnet build Shop.sln -c Release)"
[ -f "$ROOT/web/dist/index.html" ] || missing "web/dist is not built (cd web && npm ci && npm run build)"

# ------------------------------------------------------------------ processes and cleanup

WORK="$(mktemp -d -t shop-rehearsal-XXXXXX)"
chmod 755 "$WORK"
LOGS="$WORK/logs"
mkdir -p "$LOGS"
PIDS=()
NAMES=()
PG_STARTED=0
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  RUN_AS=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PHASES=()

cleanup() {
  local status=$? i
  set +e
  trap - EXIT INT TERM
  [ -n "${WATCHDOG:-}" ] && kill "$WATCHDOG" 2>/dev/null
  if [ "$status" != 0 ] && [ "$status" != 77 ]; then
    echo >&2
    echo "== deployment rehearsal FAILED (exit $status); the end of every log:" >&2
    for f in "$LOGS"/*.log "$WORK"/pg/server.log "$WORK"/nginx/error.log; do
      [ -s "$f" ] || continue
      echo "---- $(basename "$f") (last 40 lines)" >&2
      tail -n 40 "$f" >&2
    done
  fi
  # Stop in reverse order of start: SIGTERM, then SIGKILL after 15 s.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for ((i = 0; i < 60; i++)); do
    local left=0 p
    for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && left=1; done
    [ "$left" = 0 ] && break
    sleep 0.25
  done
  for ((i = 0; i < ${#PIDS[@]}; i++)); do
    kill -0 "${PIDS[$i]}" 2>/dev/null && { echo "${NAMES[$i]} ignored SIGTERM for 15 s: SIGKILL" >&2; kill -KILL "${PIDS[$i]}" 2>/dev/null || true; }
  done
  wait 2>/dev/null || true
  if [ "$PG_STARTED" = 1 ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  if [ "$status" = 0 ]; then
    echo
    echo "Deployment rehearsal passed in $(elapsed) s (time since the start at the end of each step):"
    for phase in "${PHASES[@]}"; do printf '  %6ss  %s\n' "${phase%%|*}" "${phase#*|}"; done
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'echo "deployment rehearsal: interrupted" >&2; exit 130' INT
trap 'echo "FAIL: deployment rehearsal: more than ${TIMEOUT} s (SHOP_REHEARSAL_TIMEOUT)" >&2; exit 124' TERM
# The watchdog: SIGTERM to this script after TIMEOUT seconds (its sleep ends with it).
( trap 'kill "$nap" 2>/dev/null; exit 0' TERM; sleep "$TIMEOUT" & nap=$!; wait "$nap" && kill -TERM $$ 2>/dev/null ) >/dev/null 2>&1 &
WATCHDOG=$!

mark() { PHASES+=("$(elapsed)|$1"); say "$1"; }

# Starts NAME in the background: the remaining words are the command; log in $LOGS/NAME.log.
spawn() {
  local name="$1"; shift
  "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  PIDS+=("$!")
  NAMES+=("$name")
}

pid_of() {
  local i
  for ((i = 0; i < ${#NAMES[@]}; i++)); do [ "${NAMES[$i]}" = "$1" ] && echo "${PIDS[$i]}"; done
}

alive() { kill -0 "$(pid_of "$1")" 2>/dev/null; }

# How a process that is no longer alive ended.
ended() { local status=0; wait "$(pid_of "$1")" 2>/dev/null || status=$?; echo "exit status $status"; }

# The command line of a shop process: its environment only (env -i), as the image's user.
app_command() {
  local name="$1" envs=() args=()
  mapfile -d '' -t envs <"$WORK/run/$name.env"
  mapfile -d '' -t args <"$WORK/run/$name.args"
  APP_COMMAND=("${RUN_AS[@]}" env -i "${envs[@]}" "${args[@]}")
}

# Runs a shop process in its image's working folder (/app), in the background.
spawn_app() {
  local name="$1" dir="$2"
  app_command "$name"
  spawn "$name" bash -c 'cd "$1" && shift && exec "$@"' _ "$dir" "${APP_COMMAND[@]}"
}

# Waits until a command succeeds; gives up when PROCESS (if named) exits or after SECONDS.
wait_for() {
  local what="$1" process="$2" seconds="$3" deadline
  shift 3
  deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$process" ] && ! alive "$process"; then fail "$process ended ($(ended "$process")) while waiting for $what (see its log below)"; fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "$what: not within ${seconds} s"
    sleep 0.5
  done
}

tcp_open() { (exec 3<>"/dev/tcp/$LOOPBACK/$1") 2>/dev/null; }

# ------------------------------------------------------------------ configuration

mapfile -t PORTS < <("${HELPER[@]}" ports 11)
PG_PORT=${PORTS[0]} SMTP_SINK_PORT=${PORTS[1]} API_PORT=${PORTS[2]} NGINX_PORT=${PORTS[3]} PROMETHEUS_PORT=${PORTS[4]}
SILO1_PORTS="${PORTS[5]},${PORTS[6]},${PORTS[7]}"
SILO2_PORTS="${PORTS[8]},${PORTS[9]},${PORTS[10]}"

# A compose project folder: the test .env and the deployment files compose mounts.
mkdir -p "$WORK/project" "$WORK/project-mongodb"
ln -s "$ROOT/deploy" "$WORK/project/deploy"
ln -s "$ROOT/deploy" "$WORK/project-mongodb/deploy"
changed="$("${HELPER[@]}" env-file .env.example "$WORK/project/.env" postgres)"
say "test .env: .env.example with new values for $changed"
render() {
  local project="$1"; shift
  "${compose[@]}" -f "$ROOT/docker-compose.yml" --project-directory "$project" --env-file "$project/.env" "$@" config \
    2>"$LOGS/compose.log" || { cat "$LOGS/compose.log" >&2; fail "${compose[*]} config $*"; }
}
render "$WORK/project" --profile postgres --profile monitoring >"$WORK/compose.yml"

MONGO_BASE="${SHOP_TEST_MONGO_URI:-${MONGO_URI:-}}"
MONGO_TEST_URI=""
MONGO_DATABASE=""
if [ -n "$MONGO_BASE" ]; then
  # The MongoDB deployment is the default one: .env.example's STORAGE_PROVIDER=mongodb.
  "${HELPER[@]}" env-file .env.example "$WORK/project-mongodb/.env" >/dev/null
  render "$WORK/project-mongodb" --profile monitoring >"$WORK/compose-mongodb.yml"
  MONGO_DATABASE="shoptest_rehearsal_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  MONGO_TEST_URI="$("${HELPER[@]}" mongo-uri "$MONGO_BASE" "$MONGO_DATABASE")"
fi

# The images' /app: the build output, and the silo's entrypoint beside Shop.Silo.dll.
cp -r "$SILO_BUILD" "$WORK/silo-app"
cp -r "$API_BUILD" "$WORK/api-app"
cp deploy/docker/silo-entrypoint.sh deploy/docker/silo-healthcheck.sh "$WORK/silo-app/"
chmod -R a+rX "$WORK/silo-app" "$WORK/api-app"
chmod 755 "$WORK/silo-app/silo-entrypoint.sh" "$WORK/silo-app/silo-healthcheck.sh"
# In a container `hostname -i` prints the container's address; here that is loopback.
mkdir -p "$WORK/shim" "$WORK/home" "$WORK/mail" "$WORK/smtp"
printf '#!/bin/sh\nif [ "${1:-}" = -i ]; then echo %s; else echo shop-rehearsal; fi\n' "$LOOPBACK" >"$WORK/shim/hostname"
chmod 755 "$WORK/shim/hostname"
ln -s "$(readlink -f "$(command -v dotnet)")" "$WORK/shim/dotnet"
[ ${#RUN_AS[@]} -eq 0 ] || chown 65534:65534 "$WORK/home" "$WORK/mail"
# The SMTP stand-in speaks STARTTLS with a certificate of its own, as a real relay does (the shop
# refuses to send without TLS): the processes trust it through a CA bundle of the machine's roots
# plus that certificate, in place of the image's bundle that trusts a real relay's.
mkdir -p "$WORK/smtp-tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$LOOPBACK" -addext "subjectAltName=IP:$LOOPBACK" \
  -keyout "$WORK/smtp-tls/key.pem" -out "$WORK/smtp-tls/cert.pem" 2>"$LOGS/openssl.log" || { cat "$LOGS/openssl.log" >&2; fail "openssl req"; }
cat /etc/ssl/certs/ca-certificates.crt "$WORK/smtp-tls/cert.pem" >"$WORK/smtp-tls/ca-bundle.crt"
chmod -R a+rX "$WORK/smtp-tls"

# The cluster's certificates where compose mounts them from (./cluster-tls of the project folder),
# made by the runbook's script: the silos and the API node authenticate each other with them.
"$ROOT/scripts/cluster-tls.sh" ca "$WORK/cluster-ca" 2 >"$LOGS/cluster-tls.log" 2>&1 \
  && "$ROOT/scripts/cluster-tls.sh" node "$WORK/cluster-ca" "$WORK/project/cluster-tls" shop-node 2 >>"$LOGS/cluster-tls.log" 2>&1 \
  || { cat "$LOGS/cluster-tls.log" >&2; fail "scripts/cluster-tls.sh"; }
[ ${#RUN_AS[@]} -eq 0 ] || chown -R 65534:65534 "$WORK/project/cluster-tls"

REPO="$ROOT" WEB_DIST="$ROOT/web/dist" PG_PORT="$PG_PORT" SMTP_SINK_PORT="$SMTP_SINK_PORT" API_PORT="$API_PORT" \
  NGINX_PORT="$NGINX_PORT" PROMETHEUS_PORT="$PROMETHEUS_PORT" SILO1_PORTS="$SILO1_PORTS" SILO2_PORTS="$SILO2_PORTS" \
  SHIM_DIR="$WORK/shim" SILO_APP="$WORK/silo-app" API_APP="$WORK/api-app" MONGO_TEST_URI="$MONGO_TEST_URI" \
  SMTP_CA_BUNDLE="$WORK/smtp-tls/ca-bundle.crt" "${HELPER[@]}" prepare "$WORK/compose.yml" "$WORK"
echo "Differences from compose (host names, ports, image paths):"
cat "$WORK/rewrites.txt"
value() { "${HELPER[@]}" value "$WORK/compose.yml" "$1" "$2"; }
mark "configuration rendered"

# ------------------------------------------------------------------ Prometheus (no dependencies)

mapfile -d '' -t prometheus_args <"$WORK/run/prometheus.args"
mkdir -p "$WORK/prometheus-data"
spawn prometheus prometheus "${prometheus_args[@]}"
PROM="http://$LOOPBACK:$PROMETHEUS_PORT"

# ------------------------------------------------------------------ the SMTP server SMTP_HOST names

if [ -n "$(value silo SMTP_HOST)" ]; then
  SINK_USER="$(value silo SMTP_USER)" SINK_PASSWORD="$(value silo SMTP_PASSWORD)" \
    SINK_CERT="$WORK/smtp-tls/cert.pem" SINK_KEY="$WORK/smtp-tls/key.pem" spawn smtp "${HELPER[@]}" smtp-sink "$SMTP_SINK_PORT" "$WORK/smtp"
  wait_for "the SMTP server" smtp 10 tcp_open "$SMTP_SINK_PORT"
fi

# ------------------------------------------------------------------ PostgreSQL (profile postgres)

PG_DB="$(value postgres POSTGRES_DB)"
PG_USER="$(value postgres POSTGRES_USER)"
mkdir -p "$WORK/pg"
value postgres POSTGRES_PASSWORD >"$WORK/pg/password"
[ "$(id -u)" != 0 ] || chown -R postgres:postgres "$WORK/pg"
# As the postgres image does: POSTGRES_USER is the superuser with POSTGRES_PASSWORD, password
# (scram-sha-256) authentication over TCP, and POSTGRES_DB is created. fsync=off: a throwaway server.
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U "$PG_USER" --pwfile="$WORK/pg/password" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
  || { cat "$WORK/initdb.log" >&2; fail "initdb"; }
PG_STARTED=1
as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=$LOOPBACK -k $WORK/pg -c fsync=off" start >/dev/null || fail "PostgreSQL did not start"
if [ "$PG_DB" != postgres ]; then
  as_postgres "$PG_BIN/createdb" -h "$WORK/pg" -p "$PG_PORT" -U "$PG_USER" "$PG_DB" || fail "createdb $PG_DB"
fi
mark "PostgreSQL up"

# ------------------------------------------------------------------ migrate (one shot, must exit 0)

# NAME RUN: runs the one-shot in the silo image's /app; its output goes to $LOGS/NAME-RUN.log.
run_migrate() {
  local name="$1" out="$LOGS/$1-$2.log" status=0
  app_command "$name"
  (cd "$WORK/silo-app" && timeout "${MIGRATE_TIMEOUT:-60}" "${APP_COMMAND[@]}") >"$out" 2>&1 </dev/null || status=$?
  [ "$status" = 0 ] || fail "$name exited $status (compose would not start the silos)"
}
migrate_twice() {
  run_migrate "$1" 1
  grep -Eq "Applied [0-9]+ step|up to date" "$LOGS/$1-1.log" || fail "$1 printed neither 'Applied N step(s)' nor 'up to date'"
  run_migrate "$1" 2
  grep -q "up to date" "$LOGS/$1-2.log" || fail "a second $1 was not a no-op: $(tail -n 3 "$LOGS/$1-2.log")"
}
migrate_twice migrate
mark "migrate (PostgreSQL) exited 0, twice"
if [ -n "$MONGO_TEST_URI" ]; then
  MIGRATE_TIMEOUT=45 migrate_twice migrate-mongodb
  mark "migrate (MongoDB) exited 0, twice"
  echo "NOTICE: MongoDB database $MONGO_DATABASE was left on the server given by SHOP_TEST_MONGO_URI / MONGO_URI; drop it with mongosh when done." >&2
else
  echo "NOTICE: skipped: migrate against MongoDB: no server given (set SHOP_TEST_MONGO_URI or MONGO_URI, e.g. mongodb://localhost:27017); no MongoDB server can run here, so this does not fail CI." >&2
fi

# ------------------------------------------------------------------ two silos, then the API node

spawn_app silo-1 "$WORK/silo-app"
spawn_app silo-2 "$WORK/silo-app"
# The image's HEALTHCHECK (silo-healthcheck.sh) with the silo's environment, as compose runs it.
silo_healthy() {
  local envs=()
  mapfile -d '' -t envs <"$WORK/run/$1.env"
  "${RUN_AS[@]}" env -i "${envs[@]}" "$WORK/silo-app/silo-healthcheck.sh"
}
for i in 1 2; do
  ports_var="SILO${i}_PORTS"
  IFS=, read -r _ gateway metrics <<<"${!ports_var}"
  # compose's health check of a silo: its gateway port accepts connections.
  wait_for "silo-$i's gateway port $gateway (the image's health check)" "silo-$i" 90 silo_healthy "silo-$i"
  wait_for "silo-$i's /metrics on $metrics" "silo-$i" 30 curl -fsS -m 5 -o /dev/null "http://$LOOPBACK:$metrics/metrics"
done
mark "silos healthy (gateway ports open, /metrics served)"

# The cluster ports speak TLS with the cluster's certificate, and refuse a client without one.
cluster_tls="$WORK/project/cluster-tls"
for ports in "$SILO1_PORTS" "$SILO2_PORTS"; do
  IFS=, read -r silo_port gateway _ <<<"$ports"
  for port in "$silo_port" "$gateway"; do
    verdict="$("${HELPER[@]}" tls-check "$port" "$cluster_tls/ca.crt")"
    [ "$verdict" = refused ] || fail "port $port and a TLS client without a certificate: $verdict, expected refused"
    verdict="$("${HELPER[@]}" tls-check "$port" "$cluster_tls/ca.crt" "$cluster_tls/tls.crt" "$cluster_tls/tls.key")"
    [ "$verdict" = accepted ] || fail "port $port and the cluster's certificate: $verdict, expected accepted"
  done
done
mark "cluster ports: mutual TLS with the cluster's certificate; a client without one refused"

spawn_app api "$WORK/api-app"
API="http://$LOOPBACK:$API_PORT"
# compose's health check of an API node.
wait_for "the API node's /api/health/live" api 90 curl -fsS -m 5 -o /dev/null "$API/api/health/live"
mark "API node healthy"

# ------------------------------------------------------------------ nginx with deploy/nginx.conf

mkdir -p "$WORK/nginx/temp"
user_line=""
[ "$(id -u)" != 0 ] || user_line="user root root;"
# The nginx image's own /etc/nginx/nginx.conf, with its paths in the temporary folder; compose's
# web service adds deploy/nginx.conf (rewritten by the helper) as conf.d/default.conf.
cat >"$WORK/nginx/nginx.conf" <<EOF
$user_line
worker_processes 1;
daemon off;
error_log $WORK/nginx/error.log notice;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format main '\$remote_addr - \$remote_user [\$time_local] "\$request" \$status \$body_bytes_sent "\$http_referer" "\$http_user_agent" "\$http_x_forwarded_for"';
  access_log $WORK/nginx/access.log main;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path $WORK/nginx/temp/body;
  proxy_temp_path $WORK/nginx/temp/proxy;
  fastcgi_temp_path $WORK/nginx/temp/fastcgi;
  uwsgi_temp_path $WORK/nginx/temp/uwsgi;
  scgi_temp_path $WORK/nginx/temp/scgi;
  include $WORK/nginx/shop.conf;
}
EOF
nginx -t -q -e "$WORK/nginx/error.log" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf" 2>"$LOGS/nginx.log" || fail "nginx -t"
spawn nginx nginx -e "$WORK/nginx/error.log" -p "$WORK/nginx/" -c "$WORK/nginx/nginx.conf"
WEB="http://$LOOPBACK:$NGINX_PORT"
wait_for "nginx on $NGINX_PORT" nginx 20 curl -fsS -m 5 -o /dev/null "$WEB/"
# The rehearsal keeps to loopback: no process of it listens anywhere else.
if command -v ss >/dev/null 2>&1; then
  outside="$(ss -Hltnp 2>/dev/null | awk '$4 !~ /^(127\.|\[::1\]|\[::ffff:127\.)/' | grep -E "pid=($(IFS='|'; echo "${PIDS[*]}"))," || true)"
  [ -z "$outside" ] || fail "a process listens beyond loopback: $outside"
fi
mark "nginx serving"

# ------------------------------------------------------------------ checks through nginx

# curl through nginx: METHOD PATH [BODY] [TOKEN] [extra curl args...]; sets STATUS and BODY.
call() {
  local method="$1" path="$2" body="${3:-}" token="${4:-}"
  shift 4 2>/dev/null || shift $#
  local args=(-sS -m 20 -o "$WORK/body" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  [ -z "$token" ] || args+=(-H "Authorization: Bearer $token")
  rm -f "$WORK/body"
  STATUS="$(curl "${args[@]}" "$@" "$WEB$path" || true)"
  BODY="$(cat "$WORK/body" 2>/dev/null || true)"
}
expect() {
  local want="$1" what="$2"
  [ "$STATUS" = "$want" ] || fail "$what: HTTP $STATUS, expected $want: $(head -c 600 <<<"$BODY")"
}

call GET / ""
expect 200 "GET / through nginx"
grep -q '<div id="root"' <<<"$BODY" || fail "GET / is not the web client's index.html"
asset="$(grep -o '/assets/[^"]*\.js' <<<"$BODY" | head -n 1)"
[ -n "$asset" ] || fail "index.html names no /assets/*.js"
headers="$(curl -sS -m 10 -D - -o /dev/null "$WEB$asset")"
grep -q '^HTTP/1.1 200' <<<"$headers" || fail "GET $asset through nginx: $(head -n 1 <<<"$headers")"
grep -qi '^cache-control: public, max-age=31536000, immutable' <<<"$headers" || fail "$asset is not cached as immutable"
call GET /products/some-deep-link ""
expect 200 "a client route (deep link) through nginx"
mark "web client served (index.html, $asset, deep link)"

call GET /api/health/live ""
expect 200 "GET /api/health/live through nginx"
call GET /api/health ""
expect 404 "GET /api/health through nginx (the detailed report is internal)"
deadline=$(( $(date +%s) + 60 ))
while :; do
  BODY="$(curl -sS -m 10 "$API/api/health" || true)"
  grep -q '2 active silo' <<<"$BODY" && grep -q '"status":"Healthy"' <<<"$BODY" && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "the API node's /api/health did not report two active silos: $BODY"
  sleep 1
done
mark "health: live 200 through nginx; the detailed report 404 through nginx, healthy with 2 active silos on the API node"

# The runbook's other checks through nginx: the API document; the Orleans dashboard is never public.
call GET /openapi/v1.json ""
expect 200 "GET /openapi/v1.json through nginx"
admin_email="$(value api ADMIN_EMAIL)"
admin_password="$(value api ADMIN_PASSWORD)"
call GET /dashboard/ "" "" -u "$admin_email:$admin_password"
expect 404 "GET /dashboard/ through nginx, even as ADMIN_EMAIL"
dashboard="$(curl -sS -m 10 -o /dev/null -w '%{http_code}' -u "$admin_email:$admin_password" "$API/dashboard/" || true)"
case "$(value api DASHBOARD_ENABLED)" in
  true) [ "$dashboard" = 200 ] || fail "the API node's own /dashboard/ as ADMIN_EMAIL (DASHBOARD_ENABLED=true): HTTP $dashboard" ;;
  *) [ "$dashboard" = 404 ] || fail "the API node's /dashboard/ is served although compose leaves it off in production: HTTP $dashboard" ;;
esac
mark "API document through nginx; Orleans dashboard 404 through nginx, and on the API node as compose configures it"

# A product to buy: the demo catalog when compose seeds it, else one created by the env's admin.
call GET "/api/products?pageSize=5&inStock=true" ""
expect 200 "GET /api/products"
product="$(jq -r '.items[0].id // empty' <<<"$BODY")"
if [ -z "$product" ]; then
  call POST /api/auth/login "$(jq -nc --arg e "$admin_email" --arg p "$admin_password" '{email: $e, password: $p}')" ""
  expect 200 "admin login with ADMIN_EMAIL / ADMIN_PASSWORD from the env file"
  admin_token="$(jq -r .token <<<"$BODY")"
  call GET /api/categories ""
  expect 200 "GET /api/categories"
  category="$(jq -r '.[0].id' <<<"$BODY")"
  call POST /api/admin/products "$(jq -nc --arg c "$category" \
    '{name: "Rehearsal kettle", description: "Created by the deployment rehearsal.", price: 1999, category: $c, stock: 10}')" "$admin_token"
  expect 201 "admin creates a product"
  product="$(jq -r .id <<<"$BODY")"
  say "catalog empty (SEED_DEMO_DATA=$(value api SEED_DEMO_DATA)): the admin created product $product"
fi

shopper="rehearsal-$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')@example.com"
call POST /api/auth/register "$(jq -nc --arg e "$shopper" '{email: $e, password: "rehearsal-password-1", name: "Rehearsal Shopper"}')" ""
expect 201 "register a shopper"
token="$(jq -r .token <<<"$BODY")"
# The API node mails a verification link through SMTP_HOST; order mail goes only to verified
# addresses, so the shopper opens it (through nginx, as from the mail).
deadline=$(( $(date +%s) + 40 ))
until link_mail="$(grep -l -i "^To: .*$shopper" "$WORK"/smtp/*.eml 2>/dev/null | head -n 1)" && [ -n "$link_mail" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the shopper's verification email did not arrive through SMTP_HOST within 40 s"
  sleep 1
done
verify_token="$(python3 -c 'import email, re, sys
message = email.message_from_binary_file(open(sys.argv[1], "rb"))
text = "".join(part.get_payload(decode=True).decode() for part in message.walk() if part.get_content_type() == "text/plain")
print(re.search(r"verify-email\?token=(\S+)", text).group(1))' "$link_mail")" || fail "no verification link in $link_mail"
call POST /api/auth/verify-email "$(jq -nc --arg t "$verify_token" '{token: $t}')" ""
expect 204 "open the email verification link"
mark "verification email delivered through SMTP and its link verified the address"
# A product just created reaches this node's catalog copy within a second or so.
deadline=$(( $(date +%s) + 15 ))
while :; do
  call POST /api/cart/items "$(jq -nc --arg p "$product" '{productId: $p, quantity: 1}')" "$token"
  [ "$STATUS" = 200 ] && break
  [ "$STATUS" = 404 ] && [ "$(date +%s)" -lt "$deadline" ] || expect 200 "add the product to the cart"
  sleep 0.5
done
call POST /api/orders '{"shippingAddress":{"name":"Rehearsal Shopper","phone":"13800000000","line1":"1 Loopback Road","city":"Shanghai","postalCode":"200000"}}' \
  "$token" -H "Idempotency-Key: rehearsal-order-$shopper"
expect 201 "check out"
order="$(jq -r .id <<<"$BODY")"
[ "$(jq -r .status <<<"$BODY")" = PendingPayment ] || fail "a new order is $(jq -r .status <<<"$BODY"), not PendingPayment"
call POST "/api/orders/$order/pay" '{"method":"card","cardNumber":"4242424242424242"}' "$token" -H "Idempotency-Key: rehearsal-pay-$order"
expect 200 "pay with the test card"
call GET "/api/orders/$order" "" "$token"
expect 200 "GET the order"
[ "$(jq -r .status <<<"$BODY")" = Paid ] || fail "the order is $(jq -r .status <<<"$BODY") after paying, not Paid"
total="$(jq -r .total <<<"$BODY")"
mark "shopper registered, bought and paid (order Paid)"

# The payment provider reports a second payment for the paid order, signed with the env file's
# WEBHOOK_API_KEY: acknowledged (200, still Paid) and counted for the ShopDuplicatePayment alert.
event="$(jq -nc --arg o "$order" --argjson a "$total" '{paymentId: "pay_rehearsal_second", orderId: $o, status: "succeeded", amount: $a}')"
stamp="$(date +%s)"
signature="$(KEY="$(value api WEBHOOK_API_KEY)" python3 -c 'import hmac, hashlib, os, sys
print("sha256=" + hmac.new(os.environ["KEY"].encode(), sys.argv[1].encode(), hashlib.sha256).hexdigest())' "$stamp.$event")"
call POST /api/payments/webhook "$event" "" -H "X-Shop-Timestamp: $stamp" -H "X-Shop-Signature: $signature"
expect 200 "a signed payment webhook (WEBHOOK_API_KEY) through nginx"
[ "$(jq -r .status <<<"$BODY")" = Paid ] || fail "after a second payment the order is $(jq -r .status <<<"$BODY"), not Paid"
mark "signed payment webhook accepted (a duplicate payment, counted)"

# The silos send the order's emails (placed, paid) through SMTP_HOST, authenticated (after the verification email).
deadline=$(( $(date +%s) + 40 ))
until [ "$(grep -l -i "^To: .*$shopper" "$WORK"/smtp/*.eml 2>/dev/null | wc -l)" -ge 3 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "the shopper did not get the order's two emails through SMTP_HOST within 40 s"
  sleep 1
done
mark "order emails delivered through SMTP (STARTTLS, then AUTH with SMTP_USER / SMTP_PASSWORD)"

# nginx's limit on the credential endpoints holds whatever the letter case (the API's routes ignore
# it): a quick burst of sign-ins to /api/AUTH/Login is refused by nginx (burst 10) well before the
# API's own per-address limit (AUTH_RATE_LIMIT_PER_MINUTE) would be reached; each try names another
# account, so the API's per-account sign-in throttle does not answer for nginx.
refused_at=""
for i in $(seq 1 25); do
  call POST /api/AUTH/Login "{\"email\":\"nobody-$i@rehearsal.test\",\"password\":\"wrong-password\"}"
  if [ "$STATUS" = 429 ]; then refused_at=$i; break; fi
done
[ -n "$refused_at" ] || fail "25 quick sign-ins to /api/AUTH/Login through nginx were not limited (last HTTP $STATUS)"
mark "nginx limits /api/AUTH/Login like /api/auth/login (request $refused_at refused)"

# /metrics: never through nginx; served by the API node and the silos inside the network.
call GET /metrics ""
[ "$STATUS" = 404 ] || [ "$STATUS" = 403 ] || fail "/metrics through nginx answered HTTP $STATUS, not 404/403"
curl -fsS -m 10 -o "$WORK/metrics" "$API/metrics" || fail "the API node's own /metrics"
grep -q '^http_server_request_duration_seconds_count' "$WORK/metrics" || fail "the API node's own /metrics has no HTTP request metrics"
for ports in "$SILO1_PORTS" "$SILO2_PORTS"; do
  IFS=, read -r _ _ metrics <<<"$ports"
  curl -fsS -m 10 -o "$WORK/metrics" "http://$LOOPBACK:$metrics/metrics" || fail "silo /metrics on $metrics"
  grep -q '^orleans_runtime_total_physical_memory_megabytes' "$WORK/metrics" || fail "silo /metrics on $metrics lacks the Orleans runtime metrics"
done
mark "/metrics: 404 through nginx, served by the API node and both silos"

# ------------------------------------------------------------------ Prometheus

prom() { curl -fsS -m 10 "$PROM$1" "${@:2}"; }
targets_up() {
  local t
  t="$(prom /api/v1/targets)" || return 1
  [ "$(jq '[.data.activeTargets[]] | length' <<<"$t")" = 3 ] && [ "$(jq '[.data.activeTargets[] | select(.health != "up")] | length' <<<"$t")" = 0 ]
}
wait_for "every Prometheus target up (2 silos, 1 API node)" prometheus 45 targets_up
prom /api/v1/targets | jq -r '.data.activeTargets[] | "  \(.labels.job) \(.scrapeUrl) \(.health)"'
mark "Prometheus: every target up"

# Every rule group evaluated again after the targets were up, every rule healthy.
evaluations() { prom /api/v1/rules | jq -c '[.data.groups[] | .lastEvaluation]'; }
EVALUATED_BEFORE="$(evaluations)"
rules_evaluated() {
  local now
  now="$(evaluations)" || return 1
  jq -e --argjson before "$EVALUATED_BEFORE" '. as $now | [range(0; length) | $now[.] != $before[.]] | all' <<<"$now" >/dev/null
}
wait_for "every rule group evaluated after the targets came up" prometheus 40 rules_evaluated
rules="$(prom /api/v1/rules)"
[ "$(jq '[.data.groups[].rules[]] | length' <<<"$rules")" -gt 0 ] || fail "Prometheus loaded no rules"
bad="$(jq -r '.data.groups[].rules[] | select(.health != "ok") | "\(.name): \(.health) \(.lastError)"' <<<"$rules")"
[ -z "$bad" ] || fail "rules not healthy: $bad"
jq -r '.data.groups[] | "  group \(.name): \(.rules | length) rule(s), last evaluated \(.lastEvaluation)"' <<<"$rules"

# Every metric the rules use has live series (the counters of this run's events once scraped).
# The rehearsal's shop runs on PostgreSQL: the MongoDB driver's metrics (shop_mongodb_*) have no
# series here (the meter itself is unit-tested in tests/Shop.Persistence.Tests/Mongo/MongoMetricsTests.cs).
mapfile -t rule_metrics < <("${HELPER[@]}" metric-names deploy/prometheus/alerts.yml | grep -v '^shop_mongodb_')
series() { prom /api/v1/query --data-urlencode "query=count($1)" | jq -r '.data.result[0].value[1] // 0'; }
all_series() { local m; for m in "${rule_metrics[@]}" shop_orders_paid_total; do [ "$(series "$m")" != 0 ] || return 1; done; }
deadline=$(( $(date +%s) + 40 ))
until all_series; do [ "$(date +%s)" -lt "$deadline" ] || break; sleep 1; done
for metric in "${rule_metrics[@]}"; do
  n="$(series "$metric")"
  [ "$n" != 0 ] || fail "the alert rules use $metric, which no target exports (within 40 s)"
  echo "  $metric: $n live series"
done
# Every metric the Grafana dashboards use has live series too (Grafana itself does not run here).
mapfile -t dashboard_metrics < <("${HELPER[@]}" metric-names deploy/grafana/dashboards/*.json | grep -v '^shop_mongodb_')
for metric in "${dashboard_metrics[@]}"; do
  n="$(series "$metric")"
  [ "$n" != 0 ] || fail "the Grafana dashboards use $metric, which no target exports"
done
say "  the Grafana dashboards' ${#dashboard_metrics[@]} metrics (PostgreSQL's included) have live series"
# One rule's expression, without its threshold, on live series: each silo's memory in use.
memory='100 * (1 - max by (job, instance) (orleans_runtime_available_memory_megabytes) / max by (job, instance) (orleans_runtime_total_physical_memory_megabytes))'
n="$(prom /api/v1/query --data-urlencode "query=$memory" | jq '[.data.result[] | select(.metric.job == "shop-silo")] | length')"
[ "$n" = 2 ] || fail "ShopHighMemory's expression gave $n silo series, expected 2"
# The shop's own counters of this run's payments, scraped from the silos.
paid="$(prom /api/v1/query --data-urlencode 'query=sum(shop_orders_paid_total)' | jq -r '.data.result[0].value[1] // 0')"
[ "$paid" -ge 1 ] 2>/dev/null || fail "Prometheus has shop_orders_paid_total = $paid, expected >= 1"
mark "Prometheus: rules evaluated, every metric they and the Grafana dashboards use live (incl. shop_orders_paid_total, shop_payments_duplicate_total)"

# Nothing died along the way (compose would have restarted it: a crash loop is a failure too).
for name in "${NAMES[@]}"; do
  alive "$name" || fail "$name ended during the rehearsal ($(ended "$name"))"
done
