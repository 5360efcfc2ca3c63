-- 0001_orleans_main (down): removes the query catalogue created by 0001.
-- Runs last when rolling everything back (0004, 0003 and 0002 delete their rows first).

DROP TABLE OrleansQuery;
