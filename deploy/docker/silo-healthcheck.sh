#!/bin/bash
# The shop-silo image's HEALTHCHECK: the gateway port accepts connections. The silo binds its ports
# to the address it advertises when that is the container's own (silo-entrypoint.sh takes it from
# `hostname -i`), not to loopback, so the check connects there; to loopback when the silo listens on
# every interface (an advertised address the container does not have, such as a NAT's).
ip="${SILO_ADVERTISED_IP:-}"
if [ -z "$ip" ]; then
  ip="$(hostname -i 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9]+(\.[0-9]+){3}$' | head -n 1 || true)"
fi
port="${GATEWAY_PORT:-30000}"
{ exec 3<>"/dev/tcp/${ip:-127.0.0.1}/$port"; } 2>/dev/null || exec 3<>"/dev/tcp/127.0.0.1/$port"
