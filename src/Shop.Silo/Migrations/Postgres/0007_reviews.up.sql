-- 0007_reviews (up): product reviews, one per order line (id: order id and product id), and the
-- shoppers' helpful votes, one per shopper and review. Each product's reviews grain is the only
-- writer of shop_reviews; its star counts are kept in the grain's state, recounted from here after
-- an interrupted write. Lists page by product in each order the product page offers.

CREATE TABLE shop_reviews (
    review_id     varchar(140)  PRIMARY KEY,
    product_id    varchar(64)   NOT NULL,
    product_name  varchar(200)  NOT NULL,
    order_id      varchar(64)   NOT NULL,
    user_id       varchar(64)   NOT NULL,
    author        varchar(100)  NOT NULL,
    rating        smallint      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    body          text,
    created_at    timestamptz   NOT NULL,
    updated_at    timestamptz   NOT NULL,
    helpful       integer       NOT NULL DEFAULT 0,
    hidden        boolean       NOT NULL DEFAULT false,
    hidden_reason text,
    hidden_at     timestamptz
);

-- A product's visible reviews, newest first, most helpful first, by rating (and their counts).
CREATE INDEX ix_shop_reviews_newest ON shop_reviews (product_id, created_at DESC, review_id) WHERE NOT hidden;
CREATE INDEX ix_shop_reviews_helpful ON shop_reviews (product_id, helpful DESC, created_at DESC, review_id) WHERE NOT hidden;
CREATE INDEX ix_shop_reviews_rating ON shop_reviews (product_id, rating, created_at DESC, review_id) WHERE NOT hidden;
-- An order's reviews (its page shows which lines are reviewed), and moderation's newest first.
CREATE INDEX ix_shop_reviews_order ON shop_reviews (order_id);
CREATE INDEX ix_shop_reviews_latest ON shop_reviews (created_at DESC, review_id);

CREATE TABLE shop_review_votes (
    review_id varchar(140) NOT NULL REFERENCES shop_reviews (review_id) ON DELETE CASCADE,
    user_id   varchar(64)  NOT NULL,
    PRIMARY KEY (review_id, user_id)
);
