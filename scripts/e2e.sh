#!/usr/bin/env bash
# Browser tests: starts the embedded shop (Release build, built web client, a known admin) on a
# free loopback port, runs the Playwright tests of web/e2e/specs against it in headless Chromium (Debian's),
# and stops the shop. Arguments go to `playwright test` (e.g. scripts/e2e.sh shopping.spec.ts, or --project desktop).
set -euo pipefail
cd "$(dirname "$0")/.."

api_dll=src/Shop.Api/bin/Release/net10.0/Shop.Api.dll
[ -f "$api_dll" ] || dotnet build src/Shop.Api --configuration Release --nologo -v quiet
[ -f web/dist/index.html ] || (cd web && npm run build)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
silo_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
gateway_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp -t shop-e2e-XXXX.log)
# The shop writes its emails here (no SMTP_HOST); the tests read the links in them, as a shopper would.
export SHOP_MAIL_DIR="$(mktemp -d -t shop-e2e-mail-XXXX)"
export SHOP_ADMIN_EMAIL="e2e-admin@shop.local" SHOP_ADMIN_PASSWORD="e2e-admin-password-1"

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
  SILO_PORT=$silo_port GATEWAY_PORT=$gateway_port WEB_ROOT="$PWD/web/dist" MAIL_PICKUP_DIR="$SHOP_MAIL_DIR" \
  ADMIN_EMAIL="$SHOP_ADMIN_EMAIL" ADMIN_PASSWORD="$SHOP_ADMIN_PASSWORD" BCRYPT_SALT_ROUNDS=10 \
  JWT_SECRET="e2e-secret-that-is-long-enough-for-hs256-0123456789" LOG_LEVEL=warn \
  dotnet "$api_dll" >"$log" 2>&1 &
shop_pid=$!
trap 'kill $shop_pid 2>/dev/null || true; wait $shop_pid 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/api/health" >/dev/null && break
  kill -0 $shop_pid 2>/dev/null || { echo "The shop exited during start:"; cat "$log"; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/health" >/dev/null || { echo "The shop did not become healthy:"; cat "$log"; exit 1; }

echo "Embedded shop on http://127.0.0.1:$port (log: $log)"
# Screenshots go to artifacts/ unless asked for elsewhere (docs/screenshots is refreshed on purpose, not by every run).
# A relative directory is taken from the repository's root.
export SHOP_SCREENSHOTS_DIR="$(realpath -m "${SHOP_SCREENSHOTS_DIR:-artifacts/screenshots}")"
cd web
SHOP_URL="http://127.0.0.1:$port" timeout 900 npx playwright test "$@"
