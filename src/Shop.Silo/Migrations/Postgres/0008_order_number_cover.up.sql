-- 0008_order_number_cover (up): the admin's order-number search at a million orders. The number
-- index of 0005 finds a prefix's rows, but their order (newest first, or by total) and the count
-- then read every matching row from the table: thousands of scattered pages for a two-character
-- prefix. This index carries what the list sorts and pages by, so the search reads the index only
-- and then the page's rows (PostgresOrderReadModel). The step holds shop_orders locked (reads and
-- writes) for a few seconds at a million orders.

CREATE INDEX ix_shop_orders_number_cover ON shop_orders (number varchar_pattern_ops) INCLUDE (created_at, total, order_id);
DROP INDEX ix_shop_orders_number;
