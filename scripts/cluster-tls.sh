#!/usr/bin/env bash
# The cluster's certificates for mutual TLS between silos and API nodes (CLUSTER_TLS_*, runbook
# 2.2.3), made with openssl. The CA signs nothing but the cluster's node certificates: whoever holds
# one may join the cluster and call any grain.
#
#   scripts/cluster-tls.sh ca CA_DIR [DAYS]
#       a new cluster CA: CA_DIR/ca.key (keep it offline, never on a node) and CA_DIR/ca.crt. 3650 days.
#   scripts/cluster-tls.sh node CA_DIR OUT_DIR [NAME] [DAYS]
#       a node certificate signed by that CA, for serverAuth and clientAuth (a silo accepts and opens
#       connections; an API node opens them): OUT_DIR/tls.crt, OUT_DIR/tls.key (mode 600), and the CA's
#       certificate as OUT_DIR/ca.crt: what docker-compose mounts from ./cluster-tls and the Secret
#       shop-cluster-tls holds. NAME is the certificate's common name (default shop-node). 365 days.
#
# ECDSA P-256 keys, SHA-256 signatures. Peers check the issuer and the dates, not the name (silos are
# reached by IP address). Prints the new certificate's subject, issuer and end date.
set -euo pipefail

usage() { sed -n '2,14p' "$0" >&2; exit 2; }
command -v openssl >/dev/null 2>&1 || { echo "cluster-tls: openssl is not installed" >&2; exit 1; }

case "${1:-}" in
  ca)
    [ $# -ge 2 ] || usage
    dir="$2" days="${3:-3650}"
    [ ! -e "$dir/ca.key" ] || { echo "cluster-tls: $dir/ca.key exists; a new CA goes to a new folder" >&2; exit 1; }
    mkdir -p "$dir"
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$dir/ca.key")
    openssl req -x509 -new -sha256 -key "$dir/ca.key" -days "$days" -subj "/CN=Shop cluster CA $(date -u +%Y-%m-%d)" \
      -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      -out "$dir/ca.crt"
    openssl x509 -in "$dir/ca.crt" -noout -subject -enddate
    ;;
  node)
    [ $# -ge 3 ] || usage
    ca="$2" out="$3" name="${4:-shop-node}" days="${5:-365}"
    [ -f "$ca/ca.key" ] && [ -f "$ca/ca.crt" ] || { echo "cluster-tls: $ca has no ca.key and ca.crt (scripts/cluster-tls.sh ca $ca)" >&2; exit 1; }
    mkdir -p "$out"
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$work/tls.key")
    openssl req -new -sha256 -key "$work/tls.key" -subj "/CN=$name" -out "$work/tls.csr"
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth,clientAuth" >"$work/extensions"
    openssl x509 -req -sha256 -in "$work/tls.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -set_serial "0x$(openssl rand -hex 16)" \
      -days "$days" -extfile "$work/extensions" -out "$work/tls.crt" 2>/dev/null
    openssl verify -CAfile "$ca/ca.crt" "$work/tls.crt" >/dev/null
    install -m 600 "$work/tls.key" "$out/tls.key"
    install -m 644 "$work/tls.crt" "$out/tls.crt"
    install -m 644 "$ca/ca.crt" "$out/ca.crt"
    openssl x509 -in "$out/tls.crt" -noout -subject -issuer -enddate
    ;;
  *)
    usage
    ;;
esac
