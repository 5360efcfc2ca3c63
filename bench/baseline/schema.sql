-- The stateless baseline's schema (bench/baseline): what a team would build on PostgreSQL instead
-- of grains, with ordinary indexes. Safe to run twice.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A category is found by its id and by its name in either language, as in the shop.
CREATE OR REPLACE FUNCTION category_text(category text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT category || ' ' || CASE category
        WHEN 'phones' THEN '手机数码 Phones & Digital'
        WHEN 'computers' THEN '电脑办公 Computers & Office'
        WHEN 'audio' THEN '影音耳机 Audio & Headphones'
        WHEN 'appliances' THEN '家用电器 Home Appliances'
        WHEN 'kitchen' THEN '厨房用品 Kitchen'
        WHEN 'beauty' THEN '美妆个护 Beauty & Personal Care'
        WHEN 'fashion' THEN '服饰鞋包 Fashion'
        WHEN 'sports' THEN '运动户外 Sports & Outdoors'
        WHEN 'food' THEN '食品生鲜 Food & Grocery'
        WHEN 'books' THEN '图书文娱 Books & Media'
        WHEN 'baby' THEN '母婴玩具 Baby & Toys'
        WHEN 'home' THEN '家居家纺 Home & Living'
        ELSE '' END
$$;

CREATE TABLE IF NOT EXISTS products (
    id          varchar(32)  PRIMARY KEY,
    name        text         NOT NULL,
    description text         NOT NULL,
    price       bigint       NOT NULL,
    category    varchar(40)  NOT NULL,
    brand       text         NULL,
    images      text[]       NOT NULL,
    attributes  jsonb        NOT NULL,
    stock       integer      NOT NULL,
    rating      double precision NULL,
    sold        bigint       NOT NULL,
    archived    boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    -- Every word of a search must appear in the name, brand, category or description. Lower case,
    -- so a search is LIKE on it (ILIKE folds case per row and costs several times as much).
    search_text text GENERATED ALWAYS AS (
        lower(name || ' ' || coalesce(brand, '') || ' ' || category_text(category) || ' ' || description)) STORED
);

-- One btree per list order, overall and per category, over the products for sale.
CREATE INDEX IF NOT EXISTS ix_products_newest           ON products (created_at DESC, id) WHERE NOT archived;
CREATE INDEX IF NOT EXISTS ix_products_price            ON products (price, id) WHERE NOT archived;
CREATE INDEX IF NOT EXISTS ix_products_popular          ON products (sold DESC, id) WHERE NOT archived;
CREATE INDEX IF NOT EXISTS ix_products_category_newest  ON products (category, created_at DESC, id) WHERE NOT archived;
CREATE INDEX IF NOT EXISTS ix_products_category_price   ON products (category, price, id) WHERE NOT archived;
CREATE INDEX IF NOT EXISTS ix_products_category_popular ON products (category, sold DESC, id) WHERE NOT archived;
-- The facet counts (per category, in stock) under a price filter, from the index alone.
CREATE INDEX IF NOT EXISTS ix_products_facets           ON products (category, stock, price) WHERE NOT archived;
-- Substring search (LIKE '%word%') in Chinese and Latin text.
CREATE INDEX IF NOT EXISTS ix_products_search ON products USING gin (search_text gin_trgm_ops);

CREATE TABLE IF NOT EXISTS users (
    id            varchar(32)  PRIMARY KEY,
    email         varchar(320) NOT NULL UNIQUE,
    name          text         NOT NULL,
    password_hash text         NOT NULL,
    role          varchar(16)  NOT NULL,
    token_version integer      NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL
);

CREATE TABLE IF NOT EXISTS cart_items (
    user_id    varchar(32) NOT NULL REFERENCES users (id),
    product_id varchar(32) NOT NULL REFERENCES products (id),
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, product_id)
);
