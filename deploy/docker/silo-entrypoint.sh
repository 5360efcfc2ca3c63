#!/bin/sh
# Entry point of the shop-silo image:  dotnet Shop.Silo.dll [migrate | rollback | migration-status]
#
# - SILO_ADVERTISED_IP: when unset or empty, the container's own IPv4 address (what `hostname -i`
#   prints), so every replica of `docker compose up --scale silo=N` advertises the address the
#   other silos and the API nodes can reach it at.
# - migrate: the database container may still be starting, so while the command exits 1 (database
#   unreachable) it is retried every 3 s for up to DB_WAIT_SECONDS (default 120). Exit code 2
#   (configuration error) is not retried, and neither is any other command.
# - Shop.Silo.dll is the one beside this script (/app in the image), so scripts/deploy-rehearsal.sh
#   runs this very file against a local build.
set -eu
app="$(dirname "$0")"

if [ -z "${SILO_ADVERTISED_IP:-}" ]; then
  ip="$(hostname -i 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | head -n 1 || true)"
  if [ -z "$ip" ]; then
    ip="$(getent ahostsv4 "$(hostname)" 2>/dev/null | awk 'NR == 1 { print $1 }' || true)"
  fi
  if [ -n "$ip" ]; then
    export SILO_ADVERTISED_IP="$ip"
  fi
fi

if [ "${1:-}" = migrate ]; then
  deadline=$(( $(date +%s) + ${DB_WAIT_SECONDS:-120} ))
  while :; do
    status=0
    dotnet "$app/Shop.Silo.dll" "$@" || status=$?
    if [ "$status" -ne 1 ] || [ "$(date +%s)" -ge "$deadline" ]; then
      exit "$status"
    fi
    echo "migrate: database not ready (exit 1); retrying in 3 s" >&2
    sleep 3
  done
fi

[ "$#" -gt 0 ] || echo "shop-silo: advertising ${SILO_ADVERTISED_IP:-(host default)}, silo port ${SILO_PORT:-11111}, gateway port ${GATEWAY_PORT:-30000}" >&2
exec dotnet "$app/Shop.Silo.dll" "$@"
