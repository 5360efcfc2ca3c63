-- 0006_order_lines (down): drops the dashboard's order lines and index. Orders and the admin list
-- stay; the dashboard's best sellers are empty until the step is applied again.

DROP INDEX ix_shop_orders_sales;
DROP TABLE shop_order_lines;   -- drops its index with it
