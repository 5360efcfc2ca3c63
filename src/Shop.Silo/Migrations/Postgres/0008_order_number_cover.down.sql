-- 0008_order_number_cover (down): back to 0005's number index.

CREATE INDEX ix_shop_orders_number ON shop_orders (number varchar_pattern_ops);
DROP INDEX ix_shop_orders_number_cover;
