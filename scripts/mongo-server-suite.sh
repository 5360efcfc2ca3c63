#!/usr/bin/env bash
# The MongoDB server suite against a real server, for ops before the first go-live on MongoDB
# (no MongoDB server can run on the project's CI machines, so these tests are skipped there):
#
#   scripts/mongo-server-suite.sh 'mongodb://<user>:<password>@<host>:27017/?authSource=admin&replicaSet=rs0'
#
# Checks the server answers (with the shop's own migration-status command), then runs every test
# that needs a server (grain storage, membership and reminder contracts, migrations, the order read
# model, a cluster on MongoDB) and prints a short report. Each test works in a database of its own
# (shoptest_...), dropped at the end; the URI's own database is never touched. Exit 0 only when every
# test ran and passed: a skip means the server was not used.
set -euo pipefail
cd "$(dirname "$0")/.."

uri="${1:-${SHOP_TEST_MONGO_URI:-}}"
if [ -z "$uri" ]; then
  echo "usage: $0 MONGODB_URI   (or set SHOP_TEST_MONGO_URI)" >&2
  exit 2
fi

silo_dll=src/Shop.Silo/bin/Release/net10.0/Shop.Silo.dll
[ -f "$silo_dll" ] || dotnet build src/Shop.Silo --configuration Release --nologo -v quiet
# The shop's own connection check: it names the server, never the password.
MONGO_URI="$uri" STORAGE_PROVIDER=mongodb dotnet "$silo_dll" migration-status >/dev/null || {
  echo "MongoDB server suite: the server did not answer (see the error above); nothing was run." >&2
  exit 1
}

results=$(mktemp -d -t shop-mongo-suite-XXXX)
trap 'rm -rf "$results"' EXIT
status=0
SHOP_TEST_MONGO_URI="$uri" dotnet test tests/Shop.Persistence.Tests --configuration Release \
  --filter "FullyQualifiedName~Mongo" --logger "trx;LogFileName=mongo.trx" --results-directory "$results" \
  --logger "console;verbosity=minimal" || status=$?

report=0
python3 - "$results/mongo.trx" <<'PY' || report=$?
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
root = ET.parse(sys.argv[1]).getroot()
results = root.findall(".//t:UnitTestResult", ns)
by = {}
for r in results:
    by.setdefault(r.get("outcome"), []).append(r.get("testName"))
print("\nMongoDB server suite:")
for outcome in ("Passed", "Failed", "NotExecuted"):
    names = by.get(outcome, [])
    label = {"NotExecuted": "skipped"}.get(outcome, outcome.lower())
    print(f"  {label}: {len(names)}")
    if outcome != "Passed":
        for name in sorted(names):
            print(f"    {name}")
sys.exit(1 if by.get("Failed") or by.get("NotExecuted") else 0)
PY
if [ "$status" != 0 ] || [ "$report" != 0 ]; then
  echo "MongoDB server suite: not all tests ran and passed (see above)." >&2
  exit 1
fi
echo "All MongoDB server tests passed."
