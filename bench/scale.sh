#!/usr/bin/env bash
# Issue #11's benchmark: the shop at 10,000 and 100,000 products and a million orders, next to a
# stateless ASP.NET Core + Npgsql baseline doing the same calls, in one run on this machine.
#
#   bench/scale.sh            the full run (about 20-25 minutes on 2 cores; prints a markdown report)
#   bench/scale.sh quick      a smoke run: 10,000 products, 64 connections, 100,000 orders, 10,000 carts
#
# What it does, all on 127.0.0.1, every process it starts stopped on exit:
#   1. builds the committed shop (git HEAD, exported to bench/.work/build, so edits in progress in
#      src/ are not measured and its DLLs are not swapped under a running test) with bench/Bench.sln
#   2. starts a throwaway PostgreSQL (bench/.work/pg, port 56437), generates the data
#      (Shop.Bench.Seed generate) and loads it: the shop's database through its grain storage
#      (products, 20,000 customers, 2,000 shoppers' carts, the orders and their shop_orders rows),
#      the baseline's tables by COPY
#   3. starts three targets side by side:
#        shop-mem  Shop.Api embedded, memory storage (:6101); data loaded through its grains
#        shop-pg   Shop.Api embedded, PostgreSQL (:6201), after `Shop.Silo migrate`
#        baseline  bench/baseline (:6301)
#      each with its PostgreSQL pool capped (Maximum Pool Size), so together they stay well under
#      max_connections (200)
#   4. for each catalog size and connection count, measures with wrk, call by call and target by
#      target in turn: the bare endpoint, list, search, product detail, cart add, cart read, the
#      bare endpoint again; then the admin order list and dashboard on PostgreSQL (at the orders loaded),
#      product creation through the admin API, bulk import (Shop.Silo import of 10,000 products),
#      and the shop process's RSS with 100,000 more carts
#   5. writes the report to bench/.work/report.md (and stdout)
#
# Measurements start only when the 1-minute load average is below SCALE_MAX_LOAD (1.5), waiting
# up to SCALE_WAIT seconds (1800) for it; the report gives the load before and after.
#
# Settings (environment): SCALE_SIZES ("10000 100000"), SCALE_CONNECTIONS ("64 256"),
# SCALE_ORDERS (1000000), SCALE_CARTS (100000), SCALE_SHOPPERS (2000), SCALE_CUSTOMERS (20000),
# SCALE_DURATION (5s per measured run), SCALE_WARMUP (3s per call and target, once per size),
# SCALE_POOL (32: Maximum Pool Size of each process's PostgreSQL pools), SCALE_IMPORT (10000 products
# for the bulk import), SCALE_NO_BUILD=1 (reuse
# bench/.work/build), SCALE_SHOP_DB_EXTRA (more settings for the shop's connection string, e.g.
# "Max Auto Prepare=64"), SCALE_MAX_LOAD, SCALE_WAIT, SCALE_KEEP=1 (leave the targets and PostgreSQL
# running at the end; stop them with `bench/scale.sh stop`).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$BENCH/.work"
BUILD="$WORK/build"
RUN="$WORK/run"
DATA="$WORK/data"
PGDIR="$WORK/pg"
PG_PORT=56437
LOOPBACK=127.0.0.1

MODE="${1:-full}"
case "$MODE" in
  full) SIZES="${SCALE_SIZES:-10000 100000}"; CONNECTIONS="${SCALE_CONNECTIONS:-64 256}"
        ORDERS="${SCALE_ORDERS:-1000000}"; CARTS="${SCALE_CARTS:-100000}" ;;
  quick) SIZES="${SCALE_SIZES:-10000}"; CONNECTIONS="${SCALE_CONNECTIONS:-64}"
         ORDERS="${SCALE_ORDERS:-100000}"; CARTS="${SCALE_CARTS:-10000}" ;;
  stop) ;;
  *) sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
SHOPPERS="${SCALE_SHOPPERS:-2000}"
CUSTOMERS="${SCALE_CUSTOMERS:-20000}"
DURATION="${SCALE_DURATION:-5s}"
WARMUP="${SCALE_WARMUP:-3s}"
POOL="${SCALE_POOL:-32}"
IMPORT="${SCALE_IMPORT:-10000}"
MAX_LOAD="${SCALE_MAX_LOAD:-1.5}"
WAIT="${SCALE_WAIT:-1800}"
THREADS=2

# Shared by every target: the same signing key (the seed mints shoppers' tokens with it), an admin,
# quick password hashing and no auth rate limit (logging the admin in is preparation, not measured).
JWT_SECRET=bench-jwt-secret-0123456789abcdef0123456789
ADMIN_EMAIL=bench-admin@bench.example
ADMIN_PASSWORD=bench-admin-password
PG_BASE="Host=$LOOPBACK;Port=$PG_PORT;Username=postgres"
SHOP_DB="$PG_BASE;Database=shop;Maximum Pool Size=$POOL${SCALE_SHOP_DB_EXTRA:+;$SCALE_SHOP_DB_EXTRA}"
BASELINE_DB="$PG_BASE;Database=baseline;Maximum Pool Size=$POOL"

# name http-port silo-port gateway-port
declare -A PORT=([shop-mem]=6101 [shop-pg]=6201 [baseline]=6301)
TARGETS=(baseline shop-mem shop-pg)

die() { echo "scale: $*" >&2; exit 1; }
log() { echo "scale: $(date +%H:%M:%S) $*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
url() { echo "http://$LOOPBACK:${PORT[$1]}"; }
seed() { dotnet "$BUILD/bench/Shop.Bench.Seed/bin/Release/net10.0/Shop.Bench.Seed.dll" "$@"; }

# ---------------------------------------------------------------- processes (pid files in $RUN)

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_start() {
  local bin
  bin="$(pg_bin)"
  [ -x "$bin/initdb" ] || die "PostgreSQL is not installed (apt-get install postgresql)."
  pg_stop
  rm -rf "$PGDIR"
  mkdir -p "$PGDIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
  as_pg "$bin/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PGDIR/initdb.log"
  # fsync off as in scripts/cluster.sh (a throwaway database; the same for the shop and the
  # baseline); shared_buffers large enough to hold the catalog and the orders' index pages.
  as_pg "$bin/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -c listen_addresses=$LOOPBACK -k $PGDIR -c fsync=off -c max_connections=200 -c shared_buffers=1GB" start >/dev/null \
    || die "PostgreSQL did not start; see $PGDIR/server.log"
  as_pg "$bin/createdb" -h "$LOOPBACK" -p "$PG_PORT" -U postgres shop
  as_pg "$bin/createdb" -h "$LOOPBACK" -p "$PG_PORT" -U postgres baseline
}

pg_stop() {
  [ -f "$PGDIR/data/PG_VERSION" ] || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1 || return 0
  as_pg "$(pg_bin)/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null
}

# launch <name> <dll> VAR=value ...: runs in the background, pid in $RUN/<name>.pid, output in $RUN/<name>.log
launch() {
  local name="$1" dll="$2"; shift 2
  (
    cd "$RUN"
    for kv in "$@"; do export "${kv?}"; done
    exec dotnet "$dll" >>"$RUN/$name.log" 2>&1 </dev/null
  ) &
  echo $! >"$RUN/$name.pid"
}

stop() {
  local name="$1" pid i
  [ -f "$RUN/$name.pid" ] || return 0
  pid="$(cat "$RUN/$name.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for ((i = 0; i < 80; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$RUN/$name.pid"
}

stop_all() {
  local t
  for t in "${TARGETS[@]}"; do stop "$t"; done
  pg_stop
}

wait_healthy() {
  local name="$1" path="$2" i
  for ((i = 0; i < 240; i++)); do
    curl -fsS -m 5 "$(url "$name")$path" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$RUN/$name.log" >&2
  die "$name did not become healthy."
}

shop_env() {
  SHOP_ENV=(
    "ASPNETCORE_ENVIRONMENT=Development" "DOTNET_ENVIRONMENT=Development" "LOG_LEVEL=warn"
    "SILO_MODE=embedded" "SEED_DEMO_DATA=false" "MAIL_PICKUP_DIR=$RUN/mail"
    "JWT_SECRET=$JWT_SECRET" "ADMIN_EMAIL=$ADMIN_EMAIL" "ADMIN_PASSWORD=$ADMIN_PASSWORD"
    "BCRYPT_SALT_ROUNDS=4" "AUTH_RATE_LIMIT_PER_MINUTE=100000000"
    "CART_RATE_LIMIT_PER_MINUTE=100000000" "ORDER_RATE_LIMIT_PER_MINUTE=100000000"
  )
}

start_shop_mem() {
  shop_env
  launch shop-mem "$BUILD/src/Shop.Api/bin/Release/net10.0/Shop.Api.dll" "${SHOP_ENV[@]}" \
    "ASPNETCORE_URLS=$(url shop-mem)" "STORAGE_PROVIDER=memory" "SILO_PORT=6111" "GATEWAY_PORT=6112"
  wait_healthy shop-mem /api/health
}

start_shop_pg() {
  shop_env
  launch shop-pg "$BUILD/src/Shop.Api/bin/Release/net10.0/Shop.Api.dll" "${SHOP_ENV[@]}" \
    "ASPNETCORE_URLS=$(url shop-pg)" "STORAGE_PROVIDER=postgres" "POSTGRES_CONNECTION=$SHOP_DB" \
    "SILO_PORT=6211" "GATEWAY_PORT=6212" "SILO_ADVERTISED_IP=$LOOPBACK"
  wait_healthy shop-pg /api/health
}

start_baseline() {
  launch baseline "$BUILD/bench/baseline/bin/Release/net10.0/Shop.Bench.Baseline.dll" \
    "ASPNETCORE_URLS=$(url baseline)" "BASELINE_CONNECTION=$BASELINE_DB" "JWT_SECRET=$JWT_SECRET"
  wait_healthy baseline /api/health/live
}

# Waits until the target's catalog lists <size> products; prints the seconds it took.
wait_catalog() {
  local name="$1" size="$2" started=$SECONDS total=""
  while ((SECONDS - started < 600)); do
    total="$(curl -fsS -m 10 "$(url "$name")/api/products?pageSize=1" 2>/dev/null | jq -r .total 2>/dev/null || true)"
    [ "$total" = "$size" ] && { echo $((SECONDS - started)); return 0; }
    sleep 1
  done
  die "$name lists ${total:-no} products, not $size, after 10 minutes."
}

admin_token() {
  curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" \
    "$(url "$1")/api/auth/login" | jq -r .token
}

rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$(cat "$RUN/$1.pid")/status"; }

# Waits (up to $2 seconds) for the 1-minute load average to fall below SCALE_MAX_LOAD.
quiet() {
  local limit="$1" started=$SECONDS
  while awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l >= m) }'; do
    if ((SECONDS - started >= limit)); then
      log "load average still $(loadavg) after ${limit}s; measuring anyway (the report says so)"
      return 0
    fi
    log "load average $(loadavg); waiting for it to fall below $MAX_LOAD"
    sleep 20
  done
}

# ---------------------------------------------------------------- build

build() {
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD)"
  if [ "${SCALE_NO_BUILD:-0}" = 1 ] && [ -f "$BUILD/commit" ]; then
    log "reusing the build of $(cat "$BUILD/commit")"
    return
  fi
  log "building the shop at $commit and bench/ (Release)"
  # The shop's sources are exported afresh when HEAD moved; the build is incremental otherwise.
  if [ "$(cat "$BUILD/src-commit" 2>/dev/null)" != "$commit" ]; then
    rm -rf "$BUILD"
    mkdir -p "$BUILD/bench"
    git -C "$ROOT" archive HEAD src Directory.Build.props Directory.Packages.props global.json | tar -x -C "$BUILD"
    echo "$commit" >"$BUILD/src-commit"
  fi
  tar -C "$BENCH" --exclude=bin --exclude=obj -cf - Bench.sln Shop.Bench.Seed baseline | tar -x -C "$BUILD/bench"
  dotnet build "$BUILD/bench/Bench.sln" -c Release -nologo -v quiet >"$WORK/build.log" 2>&1 \
    || { tail -n 30 "$WORK/build.log" >&2; die "build failed; see $WORK/build.log"; }
  # Uncommitted changes to bench/ are measured as they are; say so.
  local dirty=""
  git -C "$ROOT" diff --quiet HEAD -- bench 2>/dev/null && [ -z "$(git -C "$ROOT" ls-files --others --exclude-standard bench)" ] || dirty=" (with uncommitted bench/ changes)"
  echo "$commit$dirty" >"$BUILD/commit"
}

# ---------------------------------------------------------------- measuring

# run <target> <mode> <connections> <duration> VAR=value... -> "rps p50 p99 requests non2xx errors"
run() {
  local target="$1" mode="$2" connections="$3" duration="$4"; shift 4
  env BENCH_MODE="$mode" BENCH_THREADS="$THREADS" "$@" \
    wrk -t"$THREADS" -c"$connections" -d"$duration" --timeout 10s -s "$BENCH/scale.lua" "$(url "$target")" \
    | awk '/^RESULT/ { $1 = ""; sub(/^ /, ""); print }'
}

# run_call <target> <call> <size> <connections> <duration>: run with the call's paths, tokens or pool.
run_call() {
  local target="$1" call="$2" size="$3" connections="$4" duration="$5"
  case "$call" in
    bare | bare-again) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/bare.txt" ;;
    list) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/list.txt" ;;
    search) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/search.txt" ;;
    list-lean) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/list-lean.txt" ;;
    search-lean) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/search-lean.txt" ;;
    detail) run "$target" paths "$connections" "$duration" BENCH_PATHS="$RUN/detail-$size.txt" ;;
    cart-add) run "$target" cart-add "$connections" "$duration" BENCH_TOKENS="$RUN/tokens-$target.txt" BENCH_POOL="$DATA/pool.txt" ;;
    cart-read) run "$target" cart-read "$connections" "$duration" BENCH_TOKENS="$RUN/tokens-$target.txt" ;;
  esac
}

CALLS=(bare list search detail cart-add cart-read bare-again)
# The baseline alone, without the facet counts (total only): its upper bound, for comparison.
LEAN_CALLS=(list-lean search-lean)

measure_size() {
  local size="$1" connections target call
  sample_paths "$size"
  check_answers "$size"
  log "size $size: warming every call up on every target ($WARMUP each)"
  for target in "${TARGETS[@]}"; do
    for call in "${CALLS[@]}"; do
      [ "$call" = bare-again ] && continue
      run_call "$target" "$call" "$size" 64 "$WARMUP" >/dev/null
    done
  done
  for call in "${LEAN_CALLS[@]}"; do run_call baseline "$call" "$size" 64 "$WARMUP" >/dev/null; done
  for connections in $CONNECTIONS; do
    log "size $size, $connections connections: measuring ($DURATION per call and target)"
    for call in "${CALLS[@]}"; do
      for target in "${TARGETS[@]}"; do
        echo "$size $connections $target $call $(run_call "$target" "$call" "$size" "$connections" "$DURATION")" >>"$RESULTS"
      done
    done
    for call in "${LEAN_CALLS[@]}"; do
      echo "$size $connections baseline $call $(run_call baseline "$call" "$size" "$connections" "$DURATION")" >>"$RESULTS"
    done
    # The pools keep their connections a while after use: this is about the most each held.
    note "PostgreSQL connections after $size products, $connections connections: $(connections_in_use)"
  done
}

connections_in_use() {
  as_pg "$(pg_bin)/psql" -h "$LOOPBACK" -p "$PG_PORT" -U postgres -tAc \
    "SELECT string_agg(datname || ' ' || n, ', ' ORDER BY datname) FROM (SELECT datname, count(*) AS n FROM pg_stat_activity WHERE datname IN ('shop', 'baseline') GROUP BY datname) c" 2>/dev/null || echo "?"
}

# Product pages to open: 200 products spread over the catalog of this size.
sample_paths() {
  local size="$1"
  head -n "$size" "$DATA/products.tsv" | awk -v n="$size" 'NR % int(n / 200) == 1 { print "/api/products/" $1 }' >"$RUN/detail-$size.txt"
}

# The same answers from every target: the total of each list and search path, side by side.
check_answers() {
  local size="$1" path target line
  {
    echo "size $size"
    while read -r path; do
      line="$path"
      for target in "${TARGETS[@]}"; do
        line="$line $(curl -fsS -m 30 "$(url "$target")$path" | jq -r .total)"
      done
      echo "$line"
    done < <(cat "$RUN/list.txt" "$RUN/search.txt")
  } >>"$WORK/answers.txt"
}

admin_orders() {
  local token connections=16 name
  token="$(admin_token shop-pg)"
  local base="/api/admin/orders?pageSize=20"
  echo "$base" >"$RUN/admin-newest.txt"
  printf "$base&status=%s\n" Paid Shipped Delivered Cancelled Refunded PendingPayment >"$RUN/admin-status.txt"
  # 26 different weeks of the last half year, newest first and by total.
  local now week from to
  now="$(date -u +%s)"
  : >"$RUN/admin-dates.txt"
  for ((week = 0; week < 26; week++)); do
    from="$(date -u -d "@$((now - (week + 1) * 7 * 86400))" +%Y-%m-%dT%H:%M:%SZ)"
    to="$(date -u -d "@$((now - week * 7 * 86400))" +%Y-%m-%dT%H:%M:%SZ)"
    echo "$base&from=$from&to=$to" >>"$RUN/admin-dates.txt"
    echo "$base&from=$from&to=$to&sort=total" >>"$RUN/admin-dates.txt"
  done
  # 200 customers' orders, by their email.
  head -n 200 "$DATA/users.tsv" | awk -v b="$base" -F'\t' '{ print b "&email=" $2 }' >"$RUN/admin-email.txt"
  # Order-number prefixes (the number is the last 8 characters of the id, upper case).
  : >"$RUN/admin-number.txt"
  for p in 0 1 2 3 4 5 6 7 8 9 A B C D E F; do for q in 0 4 8 C; do echo "$base&q=$p$q" >>"$RUN/admin-number.txt"; done; done
  # Later pages through the cursor: the page after the first of each status and of the newest list.
  : >"$RUN/admin-cursor.txt"
  for path in $(cat "$RUN/admin-newest.txt" "$RUN/admin-status.txt"); do
    local cursor
    cursor="$(curl -fsS -H "Authorization: Bearer $token" "$(url shop-pg)$path" | jq -r '.nextCursor // empty')"
    [ -n "$cursor" ] && echo "$path&cursor=$cursor" >>"$RUN/admin-cursor.txt"
  done
  log "admin order list at $ORDERS orders ($connections connections, $DURATION per filter)"
  for name in newest status dates email number cursor; do
    run shop-pg paths "$connections" "$WARMUP" BENCH_PATHS="$RUN/admin-$name.txt" BENCH_AUTH="$token" >/dev/null
    echo "$ORDERS $connections shop-pg admin-$name $(run shop-pg paths "$connections" "$DURATION" BENCH_PATHS="$RUN/admin-$name.txt" BENCH_AUTH="$token")" >>"$RESULTS"
  done
}

# The admin dashboard at the orders loaded: its first screen, and the best sellers of 30 days and of a year.
admin_dashboard() {
  local token connections name year_ago
  token="$(admin_token shop-pg)"
  year_ago="$(date -u -d '-364 days' +%Y-%m-%d)"
  echo "/api/admin/dashboard?tz=Asia/Shanghai" >"$RUN/dashboard-summary.txt"
  printf '/api/admin/dashboard/top-products?tz=Asia/Shanghai&by=%s\n' units revenue >"$RUN/dashboard-top30.txt"
  printf '/api/admin/dashboard/top-products?tz=Asia/Shanghai&from=%s&to=%s&by=%s\n' \
    "$year_ago" "$(date -u +%Y-%m-%d)" units "$year_ago" "$(date -u +%Y-%m-%d)" revenue >"$RUN/dashboard-top365.txt"
  # One admin (the page's own load time) and four at once.
  for connections in 1 4; do
    log "admin dashboard at $ORDERS orders ($connections at once, $DURATION per call)"
    for name in summary top30 top365; do
      THREADS=$((connections < 2 ? 1 : 2)) run shop-pg paths "$connections" "$WARMUP" BENCH_PATHS="$RUN/dashboard-$name.txt" BENCH_AUTH="$token" >/dev/null
      echo "$ORDERS $connections shop-pg dashboard-$name $(THREADS=$((connections < 2 ? 1 : 2)) run shop-pg paths "$connections" "$DURATION" BENCH_PATHS="$RUN/dashboard-$name.txt" BENCH_AUTH="$token")" >>"$RESULTS"
    done
  done
}

create_products() {
  local target="$1" size="$2" token
  token="$(admin_token "$target")"
  cat >"$RUN/new-product.json" <<'JSON'
{"name":"压测新品 真空保温杯 Bench Thermos 500ml","description":"benchmark product","price":12900,"category":"kitchen","brand":"Bench","stock":100}
JSON
  run "$target" post 16 "$WARMUP" BENCH_PATH=/api/admin/products BENCH_BODY="$RUN/new-product.json" BENCH_AUTH="$token" >/dev/null
  echo "$size 16 $target create-product $(run "$target" post 16 "$DURATION" BENCH_PATH=/api/admin/products BENCH_BODY="$RUN/new-product.json" BENCH_AUTH="$token")" >>"$RESULTS"
}

# Shop.Silo import FILE through the target's API node: rows/s of the writing pass (the command
# checks the whole file first, then sends parts of 1,000 rows).
import_products() {
  local target="$1" started output seconds
  started="$(date +%s.%N)"
  output="$(cd "$RUN" && env SHOP_API_URL="$(url "$target")" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    dotnet "$BUILD/src/Shop.Silo/bin/Release/net10.0/Shop.Silo.dll" import "$RUN/import.jsonl" 2>&1)" \
    || { echo "$output" >&2; die "the import into $target failed"; }
  seconds="$(echo "$output" | sed -n 's/^import: done in \([0-9.]*\) s$/\1/p')"
  echo "import $target $IMPORT ${seconds:-0} $(echo "$(date +%s.%N) - $started" | bc)" >>"$RESULTS"
}

# ---------------------------------------------------------------- the run

main() {
  for tool in wrk jq curl dotnet git python3 bc; do command -v "$tool" >/dev/null || die "$tool is not installed."; done
  mkdir -p "$WORK"
  build
  stop_all
  rm -rf "$RUN" "$DATA" "$WORK/answers.txt"
  mkdir -p "$RUN" "$DATA"
  RESULTS="$WORK/results.txt"
  NOTES="$WORK/notes.txt"
  : >"$RESULTS"
  : >"$NOTES"
  note() { echo "$*" >>"$NOTES"; log "$*"; }
  local started=$SECONDS sizes first last
  read -r -a sizes <<<"$SIZES"
  first="${sizes[0]}"
  last="${sizes[-1]}"
  note "mode $MODE: sizes $SIZES, connections $CONNECTIONS, $ORDERS orders, $CARTS carts, $SHOPPERS shoppers of $CUSTOMERS customers"
  note "source: shop at $(cat "$BUILD/commit")"

  log "starting PostgreSQL on $LOOPBACK:$PG_PORT and generating the data"
  pg_start
  # The catalog's largest size, and IMPORT more for the bulk import at the end.
  seed generate --out "$DATA" --products "$((last + IMPORT))" --users "$CUSTOMERS" >/dev/null
  printf '/api/health/live\n' >"$RUN/bare.txt"
  # Browsing: newest first, later pages, each sort, categories, stock and price filters.
  cat >"$RUN/list.txt" <<'PATHS'
/api/products?pageSize=20
/api/products?page=2&pageSize=20
/api/products?page=5&pageSize=20
/api/products?pageSize=20&sort=price_asc
/api/products?pageSize=20&sort=popular
/api/products?pageSize=20&category=phones
/api/products?pageSize=20&category=kitchen&inStock=true
/api/products?pageSize=20&minPrice=10000&maxPrice=50000
/api/products?page=3&pageSize=20&category=audio&sort=price_desc
/api/products?pageSize=20&category=beauty&sort=popular
PATHS
  # Chinese and Latin words as shoppers type them: 保温 (keeps warm), 耳机 (headphones),
  # 咖啡 (coffee), 手机 (phone), 蓝牙 耳机 (bluetooth headphones), 保温杯, 跑步鞋, a brand, a model word.
  cat >"$RUN/search.txt" <<'PATHS'
/api/products?q=%E4%BF%9D%E6%B8%A9&pageSize=20
/api/products?q=%E8%80%B3%E6%9C%BA&pageSize=20
/api/products?q=Pro&pageSize=20
/api/products?q=Apple&pageSize=20
/api/products?q=%E5%92%96%E5%95%A1&pageSize=20
/api/products?q=%E6%89%8B%E6%9C%BA&pageSize=20&sort=price_asc
/api/products?q=%E8%93%9D%E7%89%99%20%E8%80%B3%E6%9C%BA&pageSize=20
/api/products?q=%E4%BF%9D%E6%B8%A9%E6%9D%AF&pageSize=20&inStock=true
/api/products?q=%E8%B7%91%E6%AD%A5%E9%9E%8B&pageSize=20
/api/products?q=Sony&pageSize=20&category=audio
/api/products?q=Thermos&pageSize=20
/api/products?q=GaN&pageSize=20
PATHS

  sed 's/$/\&facets=false/' "$RUN/list.txt" >"$RUN/list-lean.txt"
  sed 's/$/\&facets=false/' "$RUN/search.txt" >"$RUN/search-lean.txt"

  log "loading the shop's PostgreSQL: $first products, $CUSTOMERS customers, $SHOPPERS carts, $ORDERS orders"
  (cd "$RUN" && env STORAGE_PROVIDER=postgres POSTGRES_CONNECTION="$SHOP_DB" dotnet "$BUILD/src/Shop.Silo/bin/Release/net10.0/Shop.Silo.dll" migrate >"$RUN/migrate.log" 2>&1) \
    || { cat "$RUN/migrate.log" >&2; die "migrate failed"; }
  seed storage --connection "$SHOP_DB" --data "$DATA" --count "$first" --users "$CUSTOMERS" --shoppers "$SHOPPERS" --orders "$ORDERS" \
    2>"$RUN/seed-storage.log" | sed 's/^/shop-pg: /' >>"$NOTES"
  log "loading the baseline"
  seed baseline --connection "$BASELINE_DB" --data "$DATA" --schema "$BUILD/bench/baseline/schema.sql" --count "$first" \
    --users "$CUSTOMERS" --shoppers "$SHOPPERS" 2>"$RUN/seed-baseline.log" | sed 's/^/baseline: /' >>"$NOTES"

  log "starting shop-mem and loading it through its grains"
  start_shop_mem
  export_client() { export STORAGE_PROVIDER=memory GATEWAY_PORT=6112; }
  (export_client; seed grains-products --data "$DATA" --count "$first" 2>"$RUN/seed-grains.log") | sed 's/^/shop-mem: /' >>"$NOTES"
  (export_client; seed grains-shoppers --data "$DATA" --count "$SHOPPERS" --out "$RUN/shoppers-mem.txt" 2>>"$RUN/seed-grains.log") | sed 's/^/shop-mem: /' >>"$NOTES"
  note "shop-mem: catalog snapshot at $first products after $(wait_catalog shop-mem "$first") s"
  RSS_LOADED="$(rss_mb shop-mem)"

  log "starting shop-pg and the baseline"
  start_shop_pg
  note "shop-pg: catalog rebuilt from storage and listed ($first products) $(wait_catalog shop-pg "$first") s after the start"
  start_baseline
  seed tokens --users "$RUN/shoppers-mem.txt" --secret "$JWT_SECRET" --out "$RUN/tokens-shop-mem.txt"
  seed tokens --users "$DATA/users.tsv" --count "$SHOPPERS" --secret "$JWT_SECRET" --out "$RUN/tokens-shop-pg.txt"
  cp "$RUN/tokens-shop-pg.txt" "$RUN/tokens-baseline.txt"

  quiet "$WAIT"
  LOAD_BEFORE="$(loadavg)"
  MEASURE_START="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  measure_size "$first"
  admin_orders
  admin_dashboard

  local size previous="$first"
  for size in "${sizes[@]:1}"; do
    log "growing the catalog from $previous to $size products"
    stop shop-pg
    seed storage --connection "$SHOP_DB" --data "$DATA" --from "$previous" --count "$((size - previous))" \
      2>>"$RUN/seed-storage.log" | sed 's/^/shop-pg: /' >>"$NOTES"
    seed baseline --connection "$BASELINE_DB" --data "$DATA" --schema "$BUILD/bench/baseline/schema.sql" --from "$previous" \
      --count "$((size - previous))" 2>>"$RUN/seed-baseline.log" | sed 's/^/baseline: /' >>"$NOTES"
    (export_client; seed grains-products --data "$DATA" --from "$previous" --count "$((size - previous))" 2>>"$RUN/seed-grains.log") \
      | sed "s/^/shop-mem: at $previous-$size products: /" >>"$NOTES"
    note "shop-mem: catalog snapshot at $size products after $(wait_catalog shop-mem "$size") s"
    start_shop_pg
    note "shop-pg: catalog rebuilt from storage and listed ($size products) $(wait_catalog shop-pg "$size") s after the start"
    quiet 300
    measure_size "$size"
    previous="$size"
  done

  log "product creation through the admin API (16 at once)"
  create_products shop-mem "$last"
  create_products shop-pg "$last"
  log "bulk import of $IMPORT products with Shop.Silo import"
  seed import-file --data "$DATA" --from "$last" --count "$IMPORT" --out "$RUN/import.jsonl"
  import_products shop-mem
  import_products shop-pg
  LOAD_AFTER="$(loadavg)"
  MEASURE_END="$(date -u +%Y-%m-%dT%H:%M:%SZ)"

  log "memory: $CARTS carts of 5 lines in shop-mem"
  stop shop-pg
  stop baseline
  local before after
  before="$(rss_mb shop-mem)"
  (export_client; seed grains-carts --data "$DATA" --count "$CARTS" 2>>"$RUN/seed-grains.log") | sed 's/^/shop-mem: /' >>"$NOTES"
  sleep 5
  after="$(rss_mb shop-mem)"
  echo "rss $before $after $CARTS $SHOPPERS $(curl -fsS "$(url shop-mem)/api/products?pageSize=1" | jq -r .total) $RSS_LOADED $first" >>"$RESULTS"

  {
    echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/^Mem:/ { print $2 }') GB," \
      "$(. /etc/os-release && echo "$PRETTY_NAME"), .NET $(dotnet --version), $(as_pg "$(pg_bin)/postgres" --version), $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2)"
    echo "measured: $MEASURE_START to $MEASURE_END; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
    echo "whole run: $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
  } >>"$NOTES"
  python3 "$BENCH/scale_report.py" "$RESULTS" "$NOTES" "$WORK/answers.txt" "$DURATION" "$WARMUP" "$THREADS" >"$WORK/report.md"
  cat "$WORK/report.md"
}

if [ "$MODE" = stop ]; then
  stop_all
  exit 0
fi
trap '[ "${SCALE_KEEP:-0}" = 1 ] || stop_all' EXIT
main
