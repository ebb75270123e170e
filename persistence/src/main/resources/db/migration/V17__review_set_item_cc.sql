-- A review-set file keeps its message's Cc, copied from its catalog entry when it is added to the review set, like
-- its subject, sender and To. A production's load file has a Cc column, and reading it from the catalog cost each
-- file of an export one more lookup by primary key (two B-tree searches on H2); the copy is also what the file's
-- other columns already are: the catalog entry as it was when the file was added. Files added before this migration
-- get their catalog entry's Cc now.
ALTER TABLE review_set_item ADD COLUMN recipients_cc VARCHAR(2000);
UPDATE review_set_item SET recipients_cc = (SELECT i.recipients_cc FROM item i WHERE i.id = review_set_item.item_id);
