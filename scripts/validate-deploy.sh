#!/usr/bin/env bash
# Validates the deployment files without running anything:
#   - docker-compose.yml with .env.example as its .env, with every profile (docker-compose config);
#   - deploy/prometheus: promtool check rules / test rules / check config
#     (without promtool: the YAML files parse, with python3 + PyYAML);
#   - deploy/grafana: the dashboards parse (jq), every panel has the provisioned Prometheus data
#     source and PromQL targets whose metrics the shop exports (deploy/grafana/exported-metrics.txt)
#     or the alert rules use, and promtool parses every expression (as recording rules);
#   - deploy/nginx.conf: nginx -t inside a throwaway http { } block (when nginx is installed);
#   - deploy/k8s: scripts/validate-k8s.py (python3 + PyYAML) checks the manifests against
#     docker-compose.yml, .env.example and what Orleans' Kubernetes hosting needs, and breaks them
#     in memory to prove each check fails (--self-test); tests/Shop.Grains.Tests loads each manifest
#     strictly into the Kubernetes client's typed models (misspelt or mistyped fields);
#   - .env.example documents every variable the runbook names, and its JWT_SECRET is the example
#     value the production check refuses; deploy/docker/silo-entrypoint.sh, silo-healthcheck.sh and
#     scripts/cluster-tls.sh parse.
#
# Exit 0 when everything checked passed. A missing tool is a NOTICE and is skipped, except with
# SHOP_REQUIRE_ALL=1 (CI), where any skipped check fails the run.
# Tools: apt-get install docker-compose prometheus nginx-light jq python3-yaml   (prometheus brings promtool)
set -euo pipefail
cd "$(dirname "$0")/.."

require_all="${SHOP_REQUIRE_ALL:-0}"
failures=()
skipped=()
fail() { echo "FAIL: $1" >&2; failures+=("$1"); }
skip() { echo "NOTICE: skipped: $1" >&2; skipped+=("$1"); }
ok() { echo "ok: $1"; }

work="$(mktemp -d -t shop-validate-XXXXXX)"
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------ .env.example

variables=(
  MONGO_URI POSTGRES_CONNECTION STORAGE_PROVIDER PORT NODE_ENV ASPNETCORE_ENVIRONMENT
  JWT_SECRET JWT_SECRET_PREVIOUS JWT_EXPIRES_IN BCRYPT_SALT_ROUNDS LOG_LEVEL
  SMTP_HOST SMTP_PORT SMTP_USER SMTP_PASSWORD SMTP_FROM
  TWILIO_SID TWILIO_AUTH_TOKEN TWILIO_FROM WEBHOOK_API_KEY SENTRY_DSN API_BASE_URL ALLOWED_ORIGINS
  ALERT_EMAILS ALERT_SMS_TO ALERT_WEBHOOK_URL ALERT_CPU_PERCENT ALERT_MEMORY_PERCENT
  ALERT_ERROR_RATE_PERCENT ALERT_LATENCY_MS ALERT_WINDOW ALERT_COOLDOWN ALERT_EVALUATION_INTERVAL ALERT_MIN_REQUESTS
  SILO_MODE SILO_PORT GATEWAY_PORT SILO_ADVERTISED_IP SILO_HOSTING CLUSTER_ID SERVICE_ID PAYMENT_TIMEOUT ORDER_RETRY_PERIOD
  ADMIN_EMAIL ADMIN_PASSWORD SEED_DEMO_DATA WEB_ROOT AUTH_RATE_LIMIT_PER_MINUTE TRUSTED_PROXIES METRICS_PORT METRICS_HOST
  PASSWORD_HASH_CONCURRENCY PASSWORD_HASH_QUEUE ORDER_RATE_LIMIT_PER_MINUTE CART_RATE_LIMIT_PER_MINUTE
  MAX_UNPAID_ORDERS MAX_UNITS_PER_PRODUCT
  OTEL_EXPORTER_OTLP_ENDPOINT DASHBOARD_ENABLED MAIL_PICKUP_DIR
  CLUSTER_TLS CLUSTER_TLS_CERT CLUSTER_TLS_KEY CLUSTER_TLS_PASSWORD CLUSTER_TLS_CA
)
missing=()
for v in "${variables[@]}"; do
  grep -Eq "^(# )?$v=" .env.example || missing+=("$v")
  for doc in docs/runbook.zh-CN.md docs/runbook.en.md; do
    grep -q "\`$v\`" "$doc" || missing+=("$v (in $doc)")
  done
done
if [ ${#missing[@]} -eq 0 ]; then ok ".env.example and both runbooks document all ${#variables[@]} variables"; else fail "not documented: ${missing[*]}"; fi

example_secret="$(sed -n 's/.*ExampleJwtSecret = "\(.*\)";/\1/p' src/Shop.Silo/Configuration/ProductionRules.cs)"
if [ -n "$example_secret" ] && grep -qx "JWT_SECRET=$example_secret" .env.example; then
  ok ".env.example's JWT_SECRET is the example value the production check refuses"
else
  fail ".env.example's JWT_SECRET differs from ProductionRules.ExampleJwtSecret ('$example_secret')"
fi

if sh -n deploy/docker/silo-entrypoint.sh; then ok "deploy/docker/silo-entrypoint.sh parses"; else fail "deploy/docker/silo-entrypoint.sh has a syntax error"; fi
for script in deploy/docker/silo-healthcheck.sh scripts/cluster-tls.sh; do
  if bash -n "$script"; then ok "$script parses"; else fail "$script has a syntax error"; fi
done

# ------------------------------------------------------------------ docker-compose.yml

compose=()
if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
fi

if [ ${#compose[@]} -gt 0 ]; then
  # env_file: .env must exist: a throwaway project folder holds .env.example as its .env (relative
  # paths in the output point there; no .env is ever written into the repository).
  cp .env.example "$work/.env"
  for profiles in "" "--profile postgres" "--profile monitoring" "--profile postgres --profile monitoring"; do
    # shellcheck disable=SC2086 # $profiles is a list of words on purpose
    if "${compose[@]}" -f docker-compose.yml --project-directory "$work" --env-file .env.example $profiles config -q 2>"$work/compose.err"; then
      ok "${compose[*]} config ${profiles:-(default profile)}"
    else
      cat "$work/compose.err" >&2
      fail "${compose[*]} config ${profiles:-(default profile)}"
    fi
  done
  services="$("${compose[@]}" -f docker-compose.yml --project-directory "$work" --env-file .env.example --profile postgres --profile monitoring config --services 2>/dev/null | sort | tr '\n' ' ')"
  if [ "$services" = "api grafana migrate mongodb postgres prometheus silo web " ]; then
    ok "services: $services"
  else
    fail "unexpected services: $services"
  fi
else
  skip "docker-compose validation: docker-compose is not installed (apt-get install docker-compose)"
fi

# ------------------------------------------------------------------ Prometheus

if command -v promtool >/dev/null 2>&1; then
  if promtool check rules deploy/prometheus/alerts.yml >"$work/promtool.out" 2>&1 \
    && promtool test rules deploy/prometheus/alerts.test.yml >>"$work/promtool.out" 2>&1 \
    && promtool check config deploy/prometheus/prometheus.yml >>"$work/promtool.out" 2>&1; then
    ok "promtool check rules / test rules / check config"
  else
    cat "$work/promtool.out" >&2
    fail "promtool"
  fi
else
  if python3 -c 'import yaml, sys; [yaml.safe_load(open(f, encoding="utf-8")) for f in sys.argv[1:]]' \
      deploy/prometheus/alerts.yml deploy/prometheus/alerts.test.yml deploy/prometheus/prometheus.yml 2>"$work/yaml.err"; then
    ok "deploy/prometheus/*.yml parse as YAML"
  elif grep -q "No module named" "$work/yaml.err"; then
    skip "YAML parse of deploy/prometheus: python3 has no PyYAML"
  else
    cat "$work/yaml.err" >&2
    fail "deploy/prometheus/*.yml do not parse as YAML"
  fi
  skip "promtool checks: promtool is not installed (apt-get install prometheus)"
fi

# ------------------------------------------------------------------ Grafana

dashboards=(deploy/grafana/dashboards/*.json)
if command -v jq >/dev/null 2>&1; then
  if jq -e . "${dashboards[@]}" >/dev/null 2>"$work/jq.err"; then
    ok "Grafana dashboards parse: ${dashboards[*]}"
  else
    cat "$work/jq.err" >&2
    fail "a Grafana dashboard is not valid JSON"
  fi
else
  skip "JSON check of the Grafana dashboards: jq is not installed (apt-get install jq)"
fi
if python3 -c 'import yaml' 2>/dev/null; then
  if python3 scripts/deploy-rehearsal.py dashboard-check "$work/dashboard-rules.yml" deploy/grafana/exported-metrics.txt \
      "${dashboards[@]}" >"$work/dashboards.out" 2>&1; then
    ok "Grafana dashboards ($(tail -n 1 "$work/dashboards.out")): every panel has the provisioned Prometheus and PromQL on exported metrics"
    if command -v promtool >/dev/null 2>&1; then
      if promtool check rules "$work/dashboard-rules.yml" >"$work/promtool-dashboards.out" 2>&1; then
        ok "promtool parses every dashboard expression"
      else
        cat "$work/promtool-dashboards.out" >&2
        fail "a dashboard expression is not valid PromQL"
      fi
    fi
  else
    cat "$work/dashboards.out" >&2
    fail "Grafana dashboards"
  fi
else
  skip "Grafana dashboard checks: python3 has no PyYAML (apt-get install python3-yaml)"
fi

# ------------------------------------------------------------------ Kubernetes

if python3 -c 'import yaml' 2>/dev/null; then
  if python3 scripts/validate-k8s.py --self-test >"$work/k8s.out" 2>&1; then
    ok "deploy/k8s ($(tail -n 1 "$work/k8s.out"); $(head -n 1 "$work/k8s.out")): consistent with docker-compose.yml, .env.example and Orleans' Kubernetes hosting"
  else
    cat "$work/k8s.out" >&2
    fail "deploy/k8s"
  fi
else
  skip "deploy/k8s checks: python3 has no PyYAML (apt-get install python3-yaml)"
fi

# ------------------------------------------------------------------ nginx

if command -v nginx >/dev/null 2>&1; then
  mkdir -p "$work/nginx/logs"
  cat >"$work/nginx/nginx.conf" <<EOF
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  include $PWD/deploy/nginx.conf;
}
EOF
  if nginx -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx/" 2>"$work/nginx.err"; then
    ok "nginx -t deploy/nginx.conf"
  else
    cat "$work/nginx.err" >&2
    fail "nginx -t deploy/nginx.conf"
  fi
else
  skip "nginx -t: nginx is not installed (apt-get install nginx-light)"
fi

# ------------------------------------------------------------------ result

echo
if [ ${#failures[@]} -gt 0 ]; then
  echo "validate-deploy: ${#failures[@]} check(s) failed." >&2
  exit 1
fi
if [ ${#skipped[@]} -gt 0 ]; then
  for s in "${skipped[@]}"; do echo "SKIPPED: $s"; done
  if [ "$require_all" = "1" ]; then
    echo "SHOP_REQUIRE_ALL=1: skipped checks count as failures." >&2
    exit 1
  fi
  echo "validate-deploy: the checks that ran passed; ${#skipped[@]} skipped (install the tools above to run them)."
  exit 0
fi
echo "validate-deploy: all checks passed."
