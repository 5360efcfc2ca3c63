-- 0007_reviews (down): drops the reviews and their votes. The products keep the rating they were
-- last given; the reviews grains' star counts stay in grain storage.

DROP TABLE shop_review_votes;
DROP TABLE shop_reviews;   -- drops its indexes with it
