"""Turns bench/scale.sh's results into the markdown report (tables and the issue's targets, met or not).

usage: scale_report.py RESULTS NOTES ANSWERS DURATION WARMUP THREADS

RESULTS lines: "<size> <connections> <target> <call> <req/s> <p50 ms> <p99 ms> <requests> <non-2xx> <socket errors>",
and one "rss <MB before> <MB after> <carts> <shoppers> <products>".
"""
import sys
from collections import defaultdict

results_path, notes_path, answers_path, duration, warmup, threads = sys.argv[1:7]

TARGETS = [("baseline", "stateless + PostgreSQL"), ("shop-mem", "shop, embedded, memory"), ("shop-pg", "shop, embedded, PostgreSQL")]
CALLS = [
    ("bare", "bare: `GET /api/health/live`"),
    ("list", "list: `GET /api/products` (10 browsing URLs)"),
    ("search", "search: `GET /api/products?q=` (12 queries)"),
    ("detail", "product: `GET /api/products/{id}`"),
    ("cart-add", "cart add: `POST /api/cart/items`"),
    ("cart-read", "cart read: `GET /api/cart` (5 lines)"),
    ("bare-again", "bare again, after the others"),
    ("list-lean", "list, baseline without facet counts (total only)"),
    ("search-lean", "search, baseline without facet counts (total only)"),
]
SHOPPER_CALLS = ["list", "search", "detail", "cart-add", "cart-read"]
ADMIN = [
    ("admin-newest", "newest first, page 1"),
    ("admin-status", "by status (6 statuses)"),
    ("admin-dates", "a week's orders, by date or by total (52 URLs)"),
    ("admin-email", "one customer's orders, by email (200 customers)"),
    ("admin-number", "order-number prefix `q=` (64 prefixes)"),
    ("admin-cursor", "the next page, through `cursor`"),
]
DASHBOARD = [
    ("dashboard-summary", "`GET /api/admin/dashboard` (today, yesterday, 30 days, by status, low stock, unpaid)"),
    ("dashboard-top30", "`GET /api/admin/dashboard/top-products`, last 30 days, by units and by revenue"),
    ("dashboard-top365", "the same over a year (every order loaded)"),
]

runs = {}
rss = None
imports = []
for line in open(results_path, encoding="utf-8"):
    f = line.split()
    if not f:
        continue
    if f[0] == "rss":
        rss = [int(x) for x in f[1:]]
        continue
    if f[0] == "import":
        imports.append((f[1], int(f[2]), float(f[3]), float(f[4])))
        continue
    if len(f) < 10:
        continue
    size, conns, target, call = int(f[0]), int(f[1]), f[2], f[3]
    runs[(size, conns, target, call)] = dict(rps=float(f[4]), p50=float(f[5]), p99=float(f[6]), n=int(f[7]), bad=int(f[8]) + int(f[9]))


def n(x):
    return f"{x:,.0f}"


def ms(x):
    return f"{x:,.1f}" if x < 100 else f"{x:,.0f}"


def bare(size, conns, target):
    a, b = runs.get((size, conns, target, "bare")), runs.get((size, conns, target, "bare-again"))
    values = [r["rps"] for r in (a, b) if r]
    return sum(values) / len(values) if values else None


def failed(r):
    return f" ⚠ {r['bad']:,} of {r['n']:,} failed" if r["bad"] else ""


out = []
print_ = out.append
notes = [l.rstrip("\n") for l in open(notes_path, encoding="utf-8") if l.strip()]
print_("```")
for l in notes:
    print_(l)
print_("```")
print_("")
print_(f"wrk -t{threads}, {duration} per measured run after {warmup} of warm-up per call and target; "
       "\"× bare\" divides by the mean of the target's two bare runs at that size and connection count, "
       "\"× baseline\" by the baseline's figure for the same call. p50 / p99 in ms.")
print_("")

sizes = sorted({k[0] for k in runs if k[3] in dict(CALLS)})
for size in sizes:
    for conns in sorted({k[1] for k in runs if k[0] == size and k[3] in dict(CALLS)}):
        print_(f"#### {size:,} products, {conns} connections")
        print_("")
        head = "| call |"
        rule = "|---|"
        for _, label in TARGETS:
            head += f" {label}: req/s | p50 / p99 |"
            rule += "---:|---:|"
        print_(head)
        print_(rule)
        for call, label in CALLS:
            row = f"| {label} |"
            for target, _ in TARGETS:
                r = runs.get((size, conns, target, call))
                if not r:
                    row += " - | - |"
                    continue
                ref = bare(size, conns, target)
                ratio = f" ({r['rps'] / ref:.3f}× bare" if ref else " ("
                base = runs.get((size, conns, "baseline", call))
                if target != "baseline" and base and call not in ("bare", "bare-again") and base["rps"] > 0:
                    ratio += f", **{r['rps'] / base['rps']:.2f}× baseline**"
                ratio += ")"
                row += f" {n(r['rps'])}{ratio}{failed(r)} | {ms(r['p50'])} / {ms(r['p99'])} |"
            print_(row)
        print_("")

admin = [(k, v) for k, v in runs.items() if k[3].startswith("admin-")]
if admin:
    orders = admin[0][0][0]
    conns = admin[0][0][1]
    print_(f"#### Admin order list at {orders:,} orders (shop, embedded, PostgreSQL; {conns} connections)")
    print_("")
    print_("| `GET /api/admin/orders?pageSize=20` with | req/s | p50 ms | p99 ms |")
    print_("|---|---:|---:|---:|")
    for call, label in ADMIN:
        r = runs.get((orders, conns, "shop-pg", call))
        if r:
            print_(f"| {label} | {n(r['rps'])}{failed(r)} | {ms(r['p50'])} | {ms(r['p99'])} |")
    print_("")

dashboard = sorted({(k[0], k[1]) for k in runs if k[3].startswith("dashboard-")})
if dashboard:
    print_(f"#### Admin dashboard at {dashboard[0][0]:,} orders (shop, embedded, PostgreSQL)")
    print_("")
    print_("| call | admins at once | req/s | p50 ms | p99 ms |")
    print_("|---|---:|---:|---:|---:|")
    for call, label in DASHBOARD:
        for orders, conns in dashboard:
            r = runs.get((orders, conns, "shop-pg", call))
            if r:
                print_(f"| {label} | {conns} | {n(r['rps'])}{failed(r)} | {ms(r['p50'])} | {ms(r['p99'])} |")
    print_("")

creates = [(k, v) for k, v in runs.items() if k[3] == "create-product"]
if creates:
    print_(f"#### Product creation through the admin API (`POST /api/admin/products`, 16 at once, at {creates[0][0][0]:,} products)")
    print_("")
    print_("| target | products/s | p50 ms | p99 ms |")
    print_("|---|---:|---:|---:|")
    for (size, conns, target, _), r in sorted(creates, key=lambda kv: kv[0][2]):
        print_(f"| {dict(TARGETS)[target]} | {n(r['rps'])}{failed(r)} | {ms(r['p50'])} | {ms(r['p99'])} |")
    print_("")

if imports:
    print_("#### Bulk import (`Shop.Silo import FILE`: JSON lines checked whole, then sent in parts of 1,000 rows)")
    print_("")
    print_("| target | products | writing | products/s | whole command, with the check |")
    print_("|---|---:|---:|---:|---:|")
    for target, rows, writing, whole in imports:
        print_(f"| {dict(TARGETS)[target]} | {rows:,} | {writing:.1f} s | {rows / writing if writing else 0:,.0f} | {whole:.1f} s |")
    print_("")

if rss:
    before, after, carts, shoppers, products = rss[:5]
    print_("#### Memory of the silo process (shop, embedded, memory: the silo and the API node are one process)")
    print_("")
    print_("| state | RSS |")
    print_("|---|---:|")
    if len(rss) >= 7:
        print_(f"| {rss[6]:,} products and {shoppers:,} shoppers' carts just loaded, before any measurement | {rss[5]:,} MB |")
    print_(f"| {products:,} products, {shoppers:,} shoppers' carts, after the measurements | {before:,} MB |")
    print_(f"| and {carts:,} more active carts of 5 lines | {after:,} MB |")
    print_(f"| per cart | {(after - before) * 1024 / carts:,.1f} KB |")
    print_("")

# ---------------------------------------------------------------- the targets
checks = []
largest = max(sizes) if sizes else None


def check(name, measured, ok):
    checks.append((name, measured, "met" if ok else "**missed**"))


if largest:
    for conns in sorted({k[1] for k in runs if k[0] == largest and k[3] == "list"}):
        for call in ("list", "search"):
            base = runs.get((largest, conns, "baseline", call))
            for target in ("shop-mem", "shop-pg"):
                r = runs.get((largest, conns, target, call))
                ref = bare(largest, conns, target)
                if not (r and base and ref):
                    continue
                check(f"{call} at {largest:,} products, {conns} conn., {target}: ≥ 0.25× bare", f"{r['rps'] / ref:.3f}× bare", r["rps"] / ref >= 0.25)
                check(f"{call} at {largest:,} products, {conns} conn., {target}: ≥ 10× baseline", f"{r['rps'] / base['rps']:.2f}× baseline", r["rps"] / base["rps"] >= 10)
                lean = runs.get((largest, conns, "baseline", call + "-lean"))
                if lean:
                    check(f"{call} at {largest:,} products, {conns} conn., {target}: ≥ 10× the baseline without facet counts",
                          f"{r['rps'] / lean['rps']:.2f}×", r["rps"] / lean["rps"] >= 10)
for size in sizes:
    for conns in sorted({k[1] for k in runs if k[0] == size and k[3] == "cart-add"}):
        r, base = runs.get((size, conns, "shop-pg", "cart-add")), runs.get((size, conns, "baseline", "cart-add"))
        if r and base:
            check(f"cart add on PostgreSQL, {size:,} products, {conns} conn.: ≥ 2× baseline", f"{r['rps'] / base['rps']:.2f}×", r["rps"] >= 2 * base["rps"])
            check(f"cart add on PostgreSQL, {size:,} products, {conns} conn.: p99 ≤ half the baseline's",
                  f"{ms(r['p99'])} vs {ms(base['p99'])} ms ({r['p99'] / base['p99']:.2f}×)", r["p99"] <= 0.5 * base["p99"])
        for target in ("shop-mem", "shop-pg"):
            r, ref = runs.get((size, conns, target, "cart-read")), bare(size, conns, target)
            if r and ref:
                check(f"cart read, {size:,} products, {conns} conn., {target}: ≥ 0.4× bare", f"{r['rps'] / ref:.3f}× bare", r["rps"] / ref >= 0.4)
for size in sizes:
    for target in ("shop-mem", "shop-pg"):
        worst = [(call, runs[(size, 256, target, call)]) for call in SHOPPER_CALLS if (size, 256, target, call) in runs]
        if worst:
            call, r = max(worst, key=lambda cr: cr[1]["p99"])
            over = [c for c, x in worst if x["p99"] >= 100]
            check(f"every shopper call p99 < 100 ms at 256 conn., {size:,} products, {target}",
                  f"worst: {call} {ms(r['p99'])} ms" + (f"; over: {', '.join(over)}" if over else ""), not over)
for call, label in ADMIN:
    for (orders, conns, target, c), r in runs.items():
        if c == call:
            check(f"admin order list p99 < 100 ms at {orders:,} orders: {label}", f"{ms(r['p99'])} ms", r["p99"] < 100)
for call, label in DASHBOARD:
    for (orders, conns, target, c), r in runs.items():
        if c == call:
            check(f"dashboard p99 < 1 s at {orders:,} orders, {conns} admin(s) at once: {call}", f"{ms(r['p99'])} ms", r["p99"] < 1000)
for target, rows, writing, whole in imports:
    if target == "shop-pg" and writing:
        check("bulk import on PostgreSQL ≥ 2,000 products/s", f"{rows / writing:,.0f}/s", rows / writing >= 2000)
if rss:
    check(f"{rss[2]:,} active carts of 5 lines: silo RSS < 1.5 GB", f"{rss[1]:,} MB", rss[1] < 1536)

print_("#### The issue's targets")
print_("")
print_("| target | measured | |")
print_("|---|---|---|")
for name, measured, verdict in checks:
    print_(f"| {name} | {measured} | {verdict} |")
print_("")

# ---------------------------------------------------------------- same answers
try:
    lines = [l.split() for l in open(answers_path, encoding="utf-8") if l.strip()]
except FileNotFoundError:
    lines = []
if lines:
    print_("#### Same answers: `total` of each list and search URL on each target")
    print_("")
    print_("| size | URL | " + " | ".join(label for _, label in TARGETS) + " |")
    print_("|---|---|" + "---:|" * len(TARGETS))
    size = ""
    for f in lines:
        if f[0] == "size":
            size = f"{int(f[1]):,}"
            continue
        from urllib.parse import unquote
        print_(f"| {size} | `{unquote(f[0])}` | " + " | ".join(f[1:]) + " |")
    print_("")

print("\n".join(out))
