-- A review set's files in the order they were added, then by id: the order of the API's list and of an export,
-- which pages through them by key (the files after the last one read). With the id in the index, each page is a
-- range of it, read in order, whatever the review set's size; the index it replaces was a prefix of this one.
CREATE INDEX ix_review_set_item_order ON review_set_item (review_set_id, added_at, id);
DROP INDEX ix_review_set_item_set;
