-- A case's items in id order: the order of a search export, which pages through the items of the sources it selects
-- by key (the items after the last one read). With the case first, each page is a range of this index, read in order,
-- whatever the number of items of the other cases.
CREATE INDEX ix_item_case_order ON item (case_id, id);
