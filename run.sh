#!/usr/bin/env bash
# Runs the shop in embedded mode: one process with its own silo, in-memory storage and a demo
# catalog. Builds the web client first when it has not been built. Extra arguments go to the API.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f web/package.json ] && [ ! -f web/dist/index.html ]; then
  echo "Building the web client (first run only)..."
  (cd web && npm ci --no-audit --no-fund && npm run build)
fi

exec dotnet run --project src/Shop.Api --configuration Release -- "$@"
