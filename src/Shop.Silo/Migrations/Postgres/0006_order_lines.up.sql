-- 0006_order_lines (up): what the admin dashboard reads at a million orders without touching the
-- orders' rows: each order's lines with the order's time and status (kept current with the order:
-- PostgresOrderReadModel writes them in the same statement as the order's row), and covering
-- indexes, so days, statuses and best sellers are index-only scans of the range asked for.
-- Orders projected before this step gain their lines with their next change.

CREATE TABLE shop_order_lines (
    order_id   varchar(64)  NOT NULL,
    line_no    smallint     NOT NULL,
    product_id varchar(64)  NOT NULL,
    name       varchar(200) NOT NULL,
    quantity   integer      NOT NULL,
    amount     bigint       NOT NULL,
    created_at timestamptz  NOT NULL,
    status     smallint     NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

-- Best sellers of a range.
CREATE INDEX ix_shop_order_lines_sales ON shop_order_lines (created_at) INCLUDE (status, product_id, quantity, amount, name);
-- Orders and revenue per day.
CREATE INDEX ix_shop_orders_sales ON shop_orders (created_at) INCLUDE (status, total);
