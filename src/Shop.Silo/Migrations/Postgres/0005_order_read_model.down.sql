-- 0005_order_read_model (down): removes the admin order list (the orders themselves stay in
-- OrleansStorage; a later migrate and the orders' reminders do not rebuild it: see the runbook).

DROP TABLE shop_orders;   -- drops its indexes with it
