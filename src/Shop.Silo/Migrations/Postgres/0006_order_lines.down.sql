-- 0006_order_lines (down): drops the order lines of the read model. Orders and the admin list
-- stay; the dashboard's best-selling products are empty until the step is applied again.

DROP TABLE shop_order_lines;
