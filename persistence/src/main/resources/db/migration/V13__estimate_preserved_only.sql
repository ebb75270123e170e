-- The estimate of a search says how many of its hits the catalog keeps from their preserved copies only.
ALTER TABLE case_operation ADD COLUMN preserved_only_item_count BIGINT;
