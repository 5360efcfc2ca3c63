#!/usr/bin/env bash
# The review store at a million reviews: how long a product page's reviews take from PostgreSQL
# (a page of ten and the count, newest first and most helpful first, on page 1 and page 101), for a
# product with 20,000 reviews and for a typical one (~100), and the star recount the reviews grain
# runs after an interrupted write. The SQL is PostgresReviewStore's, on migration 0007's table and
# indexes.
#
#   bench/reviews.sh    about a minute: starts a throwaway PostgreSQL on 127.0.0.1:56556, loads
#                       1,000,000 reviews of 10,000 products with generate_series, runs pgbench for
#                       3 s per query and case (one connection), prints a table, stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d -t shop-reviews-bench-XXXX)
port=56556
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$bin/initdb -D $work/data -A trust >/dev/null"
as_pg "$bin/pg_ctl -D $work/data -o '-p $port -k $work -c listen_addresses=127.0.0.1' -l $work/log -w start >/dev/null"
trap 'as_pg "$bin/pg_ctl -D $work/data -m fast -w stop >/dev/null" || true; rm -rf "$work"' EXIT
psql=(psql -q -X -h 127.0.0.1 -p $port -U postgres -v ON_ERROR_STOP=1)

"${psql[@]}" -f src/Shop.Silo/Migrations/Postgres/0007_reviews.up.sql
# Product p0 has 20,000 reviews; the other 980,000 spread over p1..p9999 (about 98 each). One in 97 is hidden.
"${psql[@]}" -c "
INSERT INTO shop_reviews (review_id, product_id, product_name, order_id, user_id, author, rating, body, created_at, updated_at, helpful, hidden)
SELECT 'o' || g || '.p' || p, 'p' || p, 'Product', 'o' || g, 'u' || (g % 50000), '王**', 1 + ((g::bigint * 7919) % 5),
       CASE WHEN g % 5 = 0 THEN NULL ELSE '评价内容 ' || g END, now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval,
       ((g::bigint * 31) % 50)::int, g % 97 = 0
FROM generate_series(1, 1000000) g, LATERAL (SELECT CASE WHEN g <= 20000 THEN 0 ELSE g % 10000 END AS p) product;
ANALYZE shop_reviews;"

columns="review_id, product_id, product_name, order_id, user_id, author, rating, body, created_at, updated_at, helpful, hidden, hidden_reason, hidden_at"
page() { printf 'SELECT %s FROM shop_reviews WHERE product_id = :p AND NOT hidden ORDER BY %s OFFSET :o LIMIT 10;\nSELECT count(*) FROM shop_reviews WHERE product_id = :p AND NOT hidden;\n' "$columns" "$1"; }
page "created_at DESC, review_id" > "$work/newest.sql"
page "helpful DESC, created_at DESC, review_id" > "$work/helpful.sql"
echo "SELECT rating, count(*) FROM shop_reviews WHERE product_id = :p AND NOT hidden GROUP BY rating;" > "$work/recount.sql"

echo "| query | product | page | latency (average of 3 s, 1 connection) |"
echo "|---|---|---|---|"
for query in newest helpful recount; do
  for product in p0 p4242; do
    for offset in 0 1000; do
      [ "$query" = recount ] && [ "$offset" != 0 ] && continue
      latency=$("$bin/pgbench" -h 127.0.0.1 -p $port -U postgres -n -c 1 -T 3 -D p="'$product'" -D o=$offset -f "$work/$query.sql" postgres 2>/dev/null \
        | sed -n 's/^latency average = //p')
      reviews=$([ "$product" = p0 ] && echo "20,000 reviews" || echo "~98 reviews")
      echo "| $query | $reviews | $([ "$query" = recount ] && echo - || echo $((offset / 10 + 1))) | $latency |"
    done
  done
done
