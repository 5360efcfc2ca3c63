#!/usr/bin/env bash
# Two builds of the shop side by side: the per-request cost of a change, measured in one run.
#
#   bench/ab.sh BEFORE [AFTER]     git revisions (AFTER defaults to HEAD); prints a markdown table
#
# Each revision is exported (git archive) to bench/.work/ab/<rev> and built (Release), then both run
# embedded on memory storage with the demo catalog (ports 6401 and 6501, 127.0.0.1 only), with the
# same shoppers: AB_SHOPPERS (600) register on each, each with five cart lines of the 50 products
# with the most stock. Every call is warmed up on both, then measured AB_ROUNDS (3) times per build
# for AB_DURATION (6s) each with wrk (AB_CONNECTIONS, 64), alternating the builds and which goes
# first, so both see the same machine. The Orleans dashboard is off, as in production. A run with
# a failed request stops: cart adds fail once a line reaches 99, so more or longer rounds need more
# shoppers. Calls: the bare endpoint (GET /api/health/live), the cart
# read (GET /api/cart, five lines) and the cart add (POST /api/cart/items, +1 on one of the five
# lines; bench/scale.lua's modes). The table gives the median of the runs, every run in brackets,
# and after/before of the medians. Every process started here is stopped on exit.
#
# AB_STORAGE=postgres runs both on PostgreSQL instead: a throwaway server of this machine's
# PostgreSQL (127.0.0.1:AB_PG_PORT, 6490; data in bench/.work/ab/pg, removed on exit), one database per
# build, migrated by the build's own `Shop.Silo migrate`, the pool capped at AB_POOL (32) per shop. The
# server keeps PostgreSQL's defaults (fsync on), as in production.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$ROOT/bench/.work/ab"
BEFORE="${1:?usage: bench/ab.sh BEFORE [AFTER]}"
AFTER="${2:-HEAD}"
SHOPPERS="${AB_SHOPPERS:-600}"
ROUNDS="${AB_ROUNDS:-3}"
DURATION="${AB_DURATION:-6s}"
CONNECTIONS="${AB_CONNECTIONS:-64}"
STORAGE="${AB_STORAGE:-memory}"
PG_PORT="${AB_PG_PORT:-6490}"
POOL="${AB_POOL:-32}"
PGDIR="$WORK/pg"
JWT_SECRET="ab-signing-key-that-is-long-enough-for-hs256-0123456789"
PIDS=()

log() { echo "ab: $(date +%H:%M:%S) $*" >&2; }
die() { log "$*"; exit 1; }
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_stop() {
  [ -f "$PGDIR/data/PG_VERSION" ] && as_pg "$(pg_bin)/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "$STORAGE" = postgres ]; then sleep 1; pg_stop; fi
}
trap cleanup EXIT

for tool in wrk jq curl dotnet git python3; do command -v "$tool" >/dev/null || die "$tool is not installed."; done

# build <rev> <dir>: the revision's sources, built once per commit.
build() {
  local commit dir
  commit="$(git -C "$ROOT" rev-parse --short "$1")"
  dir="$WORK/$commit"
  if [ ! -f "$dir/src/Shop.Api/bin/Release/net10.0/Shop.Api.dll" ]; then
    log "building $1 ($commit)"
    rm -rf "$dir" && mkdir -p "$dir"
    git -C "$ROOT" archive "$commit" src Directory.Build.props Directory.Packages.props global.json | tar -x -C "$dir"
    { dotnet build "$dir/src/Shop.Api" -c Release -nologo -v quiet && dotnet build "$dir/src/Shop.Silo" -c Release -nologo -v quiet; } >"$dir/build.log" 2>&1 \
      || { tail -n 20 "$dir/build.log" >&2; die "the build of $commit failed"; }
  fi
  echo "$dir"
}

# pg_start: a throwaway PostgreSQL server (PostgreSQL's defaults, fsync on) on 127.0.0.1:$PG_PORT.
pg_start() {
  local bin
  bin="$(pg_bin)"
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql)."
  pg_stop
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log" 2>&1 \
    || die "initdb failed; see $PGDIR/initdb.log"
  as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PGDIR -c max_connections=200" start >/dev/null \
    || die "PostgreSQL did not start; see $PGDIR/server.log"
}

# database <dir>: a database of its own for the build in <dir>, migrated by that build; prints its connection string.
database() {
  local name connection
  name="shop_$(basename "$1")"
  as_pg "$(pg_bin)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$name" || die "could not create the database $name"
  connection="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$name;Maximum Pool Size=$POOL"
  (cd "$1" && STORAGE_PROVIDER=postgres POSTGRES_CONNECTION="$connection" \
    dotnet "$1/src/Shop.Silo/bin/Release/net10.0/Shop.Silo.dll" migrate >"$1/migrate.log" 2>&1) \
    || { tail -n 20 "$1/migrate.log" >&2; die "migrating the database of $(basename "$1") failed"; }
  echo "$connection"
}

# start <dir> <port>: the embedded shop, demo catalog, rate limits lifted; memory storage, or its own
# database on AB_STORAGE=postgres.
start() {
  local dir="$1" port="$2" storage=(STORAGE_PROVIDER=memory) connection
  if [ "$STORAGE" = postgres ]; then
    connection="$(database "$dir")" || exit 1
    storage=(STORAGE_PROVIDER=postgres "POSTGRES_CONNECTION=$connection" SILO_ADVERTISED_IP=127.0.0.1)
  fi
  ! curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$port/api/health/live" 2>/dev/null \
    || die "something already answers on port $port (a shop left from an earlier run?)"
  mkdir -p "$dir/run"
  (
    cd "$dir/run"
    export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development LOG_LEVEL=warn \
      ASPNETCORE_URLS="http://127.0.0.1:$port" SILO_PORT=$((port + 1)) GATEWAY_PORT=$((port + 2)) \
      "${storage[@]}" SILO_MODE=embedded SEED_DEMO_DATA=true DASHBOARD_ENABLED=false MAIL_PICKUP_DIR="$dir/run/mail" \
      JWT_SECRET="$JWT_SECRET" ADMIN_EMAIL=ab-admin@shop.local ADMIN_PASSWORD=ab-admin-password-1 BCRYPT_SALT_ROUNDS=4 \
      AUTH_RATE_LIMIT_PER_MINUTE=100000000 CART_RATE_LIMIT_PER_MINUTE=100000000 ORDER_RATE_LIMIT_PER_MINUTE=100000000
    exec dotnet "$dir/src/Shop.Api/bin/Release/net10.0/Shop.Api.dll" >"$dir/run/shop.log" 2>&1 </dev/null
  ) &
  PIDS+=($!)
}

# prepare <dir> <port>: waits for the catalog, registers the shoppers; tokens and the product pool in <dir>/run.
prepare() {
  local dir="$1" base="http://127.0.0.1:$2" i
  for ((i = 0; i < 240; i++)); do
    [ "$(curl -fsS -m 5 "$base/api/products?pageSize=1" 2>/dev/null | jq -r '.total // 0' 2>/dev/null || echo 0)" -ge 300 ] && break
    sleep 0.5
  done
  ((i < 240)) || { tail -n 20 "$dir/run/shop.log" >&2; die "the shop on $base did not list its demo catalog"; }
  for page in 1 2 3 4; do curl -fsS "$base/api/products?pageSize=100&page=$page"; done \
    | jq -rs '[.[].items[]] | sort_by(-.stock) | .[:50][] | .id' >"$dir/run/products.txt"
  # scale.lua's cart-add gives shopper j the products pool[(7j + r) mod 50], r = 0..4: the same five
  # lines the shopper was registered with below.
  mapfile -t products <"$dir/run/products.txt"
  : >"$dir/run/tokens.txt"
  for ((j = 0; j < SHOPPERS; j++)); do
    local token
    token="$(curl -fsS -H 'Content-Type: application/json' "$base/api/auth/register" \
      -d "{\"email\":\"ab-$j@shop.local\",\"password\":\"ab-password-$j\",\"name\":\"Shopper $j\"}" | jq -r .token)"
    echo "$token" >>"$dir/run/tokens.txt"
    for r in 0 1 2 3 4; do
      curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $token" "$base/api/cart/items" \
        -d "{\"productId\":\"${products[$(((7 * j + r) % ${#products[@]}))]}\",\"quantity\":1}"
    done
  done
}

# measure <dir> <port> <call> <duration> -> "rps p50 p99 requests non2xx errors"
measure() {
  local dir="$1" port="$2" call="$3" duration="$4"
  printf '/api/health/live\n' >"$dir/run/bare.txt"
  case "$call" in
    bare) set -- BENCH_MODE=paths BENCH_PATHS="$dir/run/bare.txt" ;;
    cart-read) set -- BENCH_MODE=cart-read BENCH_TOKENS="$dir/run/tokens.txt" ;;
    cart-add) set -- BENCH_MODE=cart-add BENCH_TOKENS="$dir/run/tokens.txt" BENCH_POOL="$dir/run/products.txt" ;;
  esac
  env BENCH_THREADS=2 "$@" wrk -t2 -c"$CONNECTIONS" -d"$duration" --timeout 10s -s "$ROOT/bench/scale.lua" "http://127.0.0.1:$port" \
    | awk '/^RESULT/ { $1 = ""; sub(/^ /, ""); print }'
}

A="$(build "$BEFORE")"
B="$(build "$AFTER")"
[ "$A" != "$B" ] || die "$BEFORE and $AFTER are the same commit"
if [ "$STORAGE" = postgres ]; then pg_start; fi
start "$A" 6401
start "$B" 6501
log "registering $SHOPPERS shoppers on each"
prepare "$A" 6401
prepare "$B" 6501

RESULTS="$WORK/results.txt"
: >"$RESULTS"
CALLS=(bare cart-read cart-add)
log "warming up"
for call in "${CALLS[@]}"; do measure "$A" 6401 "$call" 3s >/dev/null; measure "$B" 6501 "$call" 3s >/dev/null; done
log "measuring: ${#CALLS[@]} calls x $ROUNDS rounds x 2 builds x $DURATION; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 0; round < ROUNDS; round++)); do
  for call in "${CALLS[@]}"; do
    order=("before:$A:6401" "after:$B:6501")
    ((round % 2)) && order=("after:$B:6501" "before:$A:6401")
    for target in "${order[@]}"; do
      IFS=: read -r name dir port <<<"$target"
      result="$(measure "$dir" "$port" "$call" "$DURATION")"
      read -r _ _ _ _ non2xx errors <<<"$result"
      [ -n "$result" ] && [ "$non2xx" = 0 ] && [ "$errors" = 0 ] \
        || die "$call on $name: '${result:-no result from wrk}' (requests/s p50 p99 requests non-2xx socket-errors)"
      echo "$call $name $result" >>"$RESULTS"
    done
  done
done
log "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$RESULTS" "$(basename "$A")" "$(basename "$B")" "$SHOPPERS" "$CONNECTIONS" "$DURATION" "$STORAGE" <<'PY'
import statistics, sys
path, before, after, shoppers, connections, duration, storage = sys.argv[1:]
runs = {}
for line in open(path):
    call, name, rps, p50, p99, requests, non2xx, errors = line.split()
    runs.setdefault((call, name), []).append((float(rps), float(p50), float(p99)))
print(f"wrk -t2 -c{connections}, {duration} per run, {shoppers} shoppers, {storage} storage; before {before}, after {after}; median of the runs (all runs)\n")
print("| call | before: req/s | after: req/s | after / before | p99 ms before → after |")
print("|---|---:|---:|---:|---:|")
names = {"bare": "bare: `GET /api/health/live`", "cart-read": "cart read: `GET /api/cart` (5 lines)", "cart-add": "cart add: `POST /api/cart/items`"}
for call in ["bare", "cart-read", "cart-add"]:
    b, a = runs[(call, "before")], runs[(call, "after")]
    mb, ma = statistics.median(r[0] for r in b), statistics.median(r[0] for r in a)
    fmt = lambda rs: "/".join(f"{r[0]:,.0f}" for r in rs)
    print(f"| {names[call]} | {mb:,.0f} ({fmt(b)}) | {ma:,.0f} ({fmt(a)}) | {ma / mb:.2f}× | "
          f"{statistics.median(r[2] for r in b):.1f} → {statistics.median(r[2] for r in a):.1f} |")
print()
for call in ["cart-read", "cart-add"]:
    ratio = lambda name: statistics.median(r[0] for r in runs[(call, name)]) / statistics.median(r[0] for r in runs[("bare", name)])
    print(f"- {names[call]}: {ratio('before'):.2f}× its bare endpoint before, {ratio('after'):.2f}× after")
PY
