#!/usr/bin/env bash
# Lighthouse (mobile and desktop) and axe-core over the shop's main pages: starts the embedded shop
# (Release build, built web client) on a free loopback port, runs web/e2e/audit.mjs against it, prints
# its tables and stops the shop. Exit code 1 when a score is under its threshold or axe finds a violation.
#
#   scripts/web-audit.sh                      # Lighthouse 3 runs per page (the median is reported), then axe
#   LIGHTHOUSE_RUNS=5 scripts/web-audit.sh    # more runs, steadier medians
#   AUDIT_ONLY=lighthouse|axe scripts/web-audit.sh
#
# Lighthouse's blocking time is CPU time: take figures to publish on a quiet machine (load average < ~1.5).
set -euo pipefail
cd "$(dirname "$0")/.."

api_dll=src/Shop.Api/bin/Release/net10.0/Shop.Api.dll
[ -f "$api_dll" ] || dotnet build src/Shop.Api --configuration Release --nologo -v quiet
[ -f web/dist/index.html ] || (cd web && npm run build)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
log=$(mktemp -t shop-audit-XXXX.log)

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  SILO_PORT=$(free_port) GATEWAY_PORT=$(free_port) WEB_ROOT="$PWD/web/dist" \
  ADMIN_EMAIL="audit-admin@shop.local" ADMIN_PASSWORD="audit-admin-password-1" BCRYPT_SALT_ROUNDS=10 \
  JWT_SECRET="audit-secret-that-is-long-enough-for-hs256-0123456789" LOG_LEVEL=warn \
  dotnet "$api_dll" >"$log" 2>&1 &
shop_pid=$!
trap 'kill $shop_pid 2>/dev/null || true; wait $shop_pid 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/health" >/dev/null && break
  kill -0 $shop_pid 2>/dev/null || { echo "The shop exited during start:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/health" >/dev/null || { echo "The shop did not become healthy:"; cat "$log"; exit 1; }

echo "Embedded shop on http://127.0.0.1:$port (log: $log); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
SHOP_URL="http://127.0.0.1:$port" timeout 1800 node web/e2e/audit.mjs
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
