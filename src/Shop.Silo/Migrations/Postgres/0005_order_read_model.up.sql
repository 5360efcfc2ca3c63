-- 0005_order_read_model (up): the admin order list, a projection of the orders' events.
-- One row per order, written by the order grain and kept at its highest version (see
-- PostgresOrderReadModel); every list the admin pages through is served by one of these indexes.

CREATE TABLE shop_orders (
    order_id   varchar(64)  NOT NULL PRIMARY KEY,
    number     varchar(16)  NOT NULL,
    user_id    varchar(64)  NOT NULL,
    email      varchar(320) NOT NULL,
    status     smallint     NOT NULL,
    total      bigint       NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    integer      NOT NULL
);

CREATE INDEX ix_shop_orders_created        ON shop_orders (created_at, order_id);
CREATE INDEX ix_shop_orders_status_created ON shop_orders (status, created_at, order_id);
CREATE INDEX ix_shop_orders_total          ON shop_orders (total, order_id);
CREATE INDEX ix_shop_orders_status_total   ON shop_orders (status, total, order_id);
CREATE INDEX ix_shop_orders_email_created  ON shop_orders (email, created_at, order_id);
CREATE INDEX ix_shop_orders_number         ON shop_orders (number varchar_pattern_ops);
