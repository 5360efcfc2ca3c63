-- 0006_order_lines (up): the lines of each order in the admin read model, for the dashboard's
-- best-selling products. Written with the order's row (PostgresOrderReadModel) and never changed:
-- an order's lines are fixed when it is placed. Orders projected before this step gain their lines
-- with their next change. The dashboard reaches them through shop_orders' created_at index.

CREATE TABLE shop_order_lines (
    order_id   varchar(64)  NOT NULL,
    line_no    smallint     NOT NULL,
    product_id varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    quantity   integer      NOT NULL,
    amount     bigint       NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
