#!/usr/bin/env bash
# Issue #4's benchmark: requests/s, p50 and p99 of the shop's main endpoints, measured with wrk on
# loopback against (a) embedded mode (one Shop.Api process, in-memory storage) and (b) the
# PostgreSQL cluster of scripts/cluster.sh (3 silos + 1 API node, --local-postgres), side by side,
# each with its ratio to a bare endpoint of the same API process (GET /api/health/live: no grain
# call, no storage, an empty health report).
#
#   bench/bench.sh [embedded|cluster|both]        (default both; prints a markdown table)
#
# Settings (environment): BENCH_DURATION (10s per measured run), BENCH_WARMUP (5s per endpoint,
# untimed, every endpoint before any is measured), BENCH_THREADS (2), BENCH_CONNECTIONS (32),
# BENCH_PREPARE (20s of registering shoppers for the cart and checkout runs), BENCH_NO_BUILD=1
# (reuse src/*/bin/Release).
#
# Per target: admin creates 20 products with 1,000,000 in stock; shoppers register for
# BENCH_PREPARE; every endpoint is warmed up; then each gets a measured run, in this order:
#   bare, product list, search, product detail, cart add (one item per request, round-robin over
#   shoppers and products, which fills every cart), cart read, checkout (each shopper once, so
#   it stops early when the shoppers are used up; the table says how many were measured), and the
#   bare endpoint again. "vs bare" is requests/s over the mean of the two bare runs.
# Everything runs on 127.0.0.1; every process started here is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="$ROOT/.cluster/bench-work" # ignored by git, like the cluster's own files
DURATION="${BENCH_DURATION:-10s}"
WARMUP="${BENCH_WARMUP:-5s}"
THREADS="${BENCH_THREADS:-2}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
PREPARE="${BENCH_PREPARE:-20s}"
EMBEDDED_PORT=5200
ADMIN_EMAIL=bench-admin@example.com
ADMIN_PASSWORD=bench-admin-password

# The cluster under test gets its own directory and ports, so a developer's cluster is left alone.
export CLUSTER_DIR="$ROOT/.cluster/bench"
export CLUSTER_FIRST_SILO_PORT=11211 CLUSTER_FIRST_GATEWAY_PORT=30200 CLUSTER_FIRST_API_PORT=5201 CLUSTER_PG_PORT=55499

# Shared by both targets: quick password hashing and no auth rate limit, so preparing shoppers is
# fast (registration is not measured); the demo catalog for list and search.
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development LOG_LEVEL=warn
export BCRYPT_SALT_ROUNDS=4 AUTH_RATE_LIMIT_PER_MINUTE=100000000 SEED_DEMO_DATA=true
# The load comes from one address and a few shoppers: lift the per-shopper and per-address flow limits.
export CART_RATE_LIMIT_PER_MINUTE=100000000 ORDER_RATE_LIMIT_PER_MINUTE=100000000
export ADMIN_EMAIL ADMIN_PASSWORD JWT_SECRET=bench-jwt-secret-0123456789abcdef0123456789

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)."
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)."

EMBEDDED_PID=""
cleanup() {
  if [ -n "$EMBEDDED_PID" ] && kill -0 "$EMBEDDED_PID" 2>/dev/null; then
    kill -TERM "$EMBEDDED_PID"
    wait "$EMBEDDED_PID" 2>/dev/null || true
  fi
  "$ROOT/scripts/cluster.sh" clean >/dev/null 2>&1 || true
}
trap cleanup EXIT

wait_healthy() {
  local url="$1" i
  for ((i = 0; i < 240; i++)); do
    curl -fsS -m 5 "$url/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "$url did not become healthy."
}

# ---------------------------------------------------------------- targets

start_embedded() {
  log "starting the embedded shop on 127.0.0.1:$EMBEDDED_PORT"
  # Run from $WORK, so a developer's .env in the repository is not read.
  (
    cd "$WORK"
    ASPNETCORE_URLS="http://127.0.0.1:$EMBEDDED_PORT" STORAGE_PROVIDER=memory SILO_MODE=embedded MAIL_PICKUP_DIR="$WORK/mail" \
      exec dotnet "$ROOT/src/Shop.Api/bin/Release/net10.0/Shop.Api.dll" >"$WORK/embedded.log" 2>&1
  ) &
  EMBEDDED_PID=$!
  wait_healthy "http://127.0.0.1:$EMBEDDED_PORT"
}

stop_embedded() {
  kill -TERM "$EMBEDDED_PID"
  wait "$EMBEDDED_PID" 2>/dev/null || true
  EMBEDDED_PID=""
}

start_cluster() {
  log "starting the PostgreSQL cluster (3 silos + 1 API node)"
  "$ROOT/scripts/cluster.sh" clean >/dev/null 2>&1 || true
  "$ROOT/scripts/cluster.sh" start --local-postgres --no-build --silos 3 --apis 1 >"$WORK/cluster.log" 2>&1 \
    || { cat "$WORK/cluster.log" >&2; die "the cluster did not start."; }
}

# ---------------------------------------------------------------- preparing data

# Writes products.txt (20 bench products), detail.txt, list.txt, search.txt, bare.txt and
# tokens.txt / tokens-warmup.txt (registered shoppers) into $WORK/<target>.
prepare() {
  local url="$1" dir="$2" admin i
  mkdir -p "$dir"
  admin="$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" "$url/api/auth/login" | jq -r .token)"
  : >"$dir/products.txt"
  for ((i = 1; i <= 20; i++)); do
    curl -fsS -H 'Content-Type: application/json' -H "Authorization: Bearer $admin" \
      -d "{\"name\":\"Bench product $i\",\"description\":\"benchmark\",\"price\":$((1990 + i)),\"category\":\"phones\",\"stock\":1000000}" \
      "$url/api/admin/products" | jq -r .id >>"$dir/products.txt"
  done

  echo "/api/health/live" >"$dir/bare.txt"
  printf '/api/products?page=%s&pageSize=20\n' 1 2 3 4 5 >"$dir/list.txt"
  # Chinese and English words, as shoppers search (耳机 headphones, 手机 phone, 咖啡 coffee).
  printf '/api/products?q=%s\n' '%E8%80%B3%E6%9C%BA' Pro '%E6%89%8B%E6%9C%BA' Apple '%E5%92%96%E5%95%A1' >"$dir/search.txt"
  curl -fsS "$url/api/products?pageSize=100" | jq -r '.items[].id | "/api/products/" + .' >"$dir/detail.txt"
  sed 's|^|/api/products/|' "$dir/products.txt" >>"$dir/detail.txt"

  log "registering shoppers for $PREPARE"
  rm -f "$dir"/registered.*
  BENCH_MODE=register BENCH_THREADS="$THREADS" BENCH_OUT="$dir/registered" BENCH_RUN="$RANDOM$RANDOM" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$PREPARE" -s "$BENCH/shop.lua" "$url" >/dev/null
  cat "$dir"/registered.* >"$dir/all-tokens.txt"
  local shoppers warm
  shoppers="$(wc -l <"$dir/all-tokens.txt")"
  [ "$shoppers" -ge 100 ] || die "only $shoppers shoppers registered in $PREPARE; raise BENCH_PREPARE."
  # A tenth of the shoppers (at most 200) warm the checkout path up; the rest are measured.
  warm=$((shoppers / 10 < 200 ? shoppers / 10 : 200))
  head -n "$warm" "$dir/all-tokens.txt" >"$dir/tokens-warmup.txt"
  tail -n +"$((warm + 1))" "$dir/all-tokens.txt" >"$dir/tokens.txt"
  log "$shoppers shoppers"
}

# ---------------------------------------------------------------- measuring

# run <url> <dir> <mode> <duration> [paths file] [tokens file] -> "RESULT ..." fields
run() {
  local url="$1" dir="$2" mode="$3" duration="$4" paths="${5:-/dev/null}" tokens="${6:-/dev/null}"
  BENCH_MODE="$mode" BENCH_THREADS="$THREADS" BENCH_PATHS="$paths" BENCH_TOKENS="$tokens" BENCH_PRODUCTS="$dir/products.txt" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s -s "$BENCH/shop.lua" "$url" | awk '/^RESULT/ { $1 = ""; print }'
}

# measure <target> <url>: prints "target endpoint rps p50 p99 requests non2xx errors" lines
measure() {
  local target="$1" url="$2" dir="$WORK/$1"
  prepare "$url" "$dir"
  warm() { run "$url" "$dir" "$1" "$WARMUP" "${2:-}" "${3:-}" >/dev/null; }
  measured() { echo "$target $1 $(run "$url" "$dir" "$2" "$DURATION" "${3:-}" "${4:-}")"; }

  # A fresh process runs unoptimised code for a while (tiered JIT), so every endpoint is warmed up
  # before any is measured. The warm-up cart adds fill the warm-up shoppers' carts for the warm-up checkouts.
  log "$target: warming up every endpoint for $WARMUP"
  warm paths "$dir/bare.txt"
  warm paths "$dir/list.txt"
  warm paths "$dir/search.txt"
  warm paths "$dir/detail.txt"
  warm cart-add "" "$dir/all-tokens.txt"
  warm cart-read "" "$dir/tokens-warmup.txt"
  warm checkout "" "$dir/tokens-warmup.txt"

  log "$target: measuring for $DURATION each"
  measured bare paths "$dir/bare.txt"
  measured list paths "$dir/list.txt"
  measured search paths "$dir/search.txt"
  measured detail paths "$dir/detail.txt"
  measured cart-add cart-add "" "$dir/tokens.txt" # one item per request: this fills the carts checkout needs
  measured cart-read cart-read "" "$dir/tokens.txt"
  measured checkout checkout "" "$dir/tokens.txt"
  measured bare-again paths "$dir/bare.txt"
}

# ---------------------------------------------------------------- report

table() {
  local results="$1"
  awk '
    { key = $1 " " $2; rps[key] = $3; p50[key] = $4; p99[key] = $5; n[key] = $6; bad[key] = $7 + $8; targets[$1] = 1 }
    END {
      split("bare list search detail cart-add cart-read checkout bare-again", order, " ")
      label["bare"] = "bare: GET /api/health/live"; label["list"] = "product list: GET /api/products"
      label["search"] = "search: GET /api/products?q="; label["detail"] = "product detail: GET /api/products/{id}"
      label["cart-add"] = "cart add: POST /api/cart/items"; label["cart-read"] = "cart read: GET /api/cart"
      label["checkout"] = "checkout: POST /api/orders"; label["bare-again"] = "bare again, after the others"
      nt = 0
      if ("embedded" in targets) used[++nt] = "embedded"
      if ("cluster" in targets) used[++nt] = "cluster"
      head = "| endpoint |"; rule = "|---|"
      for (j = 1; j <= nt; j++) { t = used[j]; head = head " " t " req/s | p50 ms | p99 ms | vs bare |"; rule = rule "---:|---:|---:|---:|" }
      print head; print rule
      for (i = 1; i <= 8; i++) {
        e = order[i]; line = "| " label[e] " |"
        for (j = 1; j <= nt; j++) {
          t = used[j]; k = t " " e
          if (!(k in rps)) { line = line " - | - | - | - |"; continue }
          note = bad[k] > 0 ? sprintf(" (%d failed of %d)", bad[k], n[k]) : (e == "checkout" ? sprintf(" (%d orders)", n[k]) : "")
          # The reference is the mean of both bare runs, which also shows how much the machine drifted.
          bare = (rps[t " bare"] + rps[t " bare-again"]) / 2
          line = line sprintf(" %.0f%s | %.1f | %.1f | %.3f |", rps[k], note, p50[k], p99[k], rps[k] / bare)
        }
        print line
      }
    }' "$results"
}

main() {
  local which="${1:-both}"
  case "$which" in embedded | cluster | both) ;; *) sed -n '2,21p' "$0"; exit 2 ;; esac
  mkdir -p "$WORK"
  if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    log "building (Release)"
    dotnet build "$ROOT/src/Shop.Api/Shop.Api.csproj" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 \
      || { tail -n 30 "$WORK/build.log" >&2; die "build failed"; }
  fi

  local results="$WORK/results.txt"
  : >"$results"
  if [ "$which" != cluster ]; then
    start_embedded
    measure embedded "http://127.0.0.1:$EMBEDDED_PORT" >>"$results"
    stop_embedded
  fi
  if [ "$which" != embedded ]; then
    start_cluster
    measure cluster "http://127.0.0.1:$CLUSTER_FIRST_API_PORT" >>"$results"
    "$ROOT/scripts/cluster.sh" stop >/dev/null
  fi

  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION per endpoint (after $WARMUP of warm-up each) on $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GB," \
    "$(date -u +%Y-%m-%dT%H:%MZ); load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  table "$results"
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
main "$@"
