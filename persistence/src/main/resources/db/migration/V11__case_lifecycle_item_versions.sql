-- caseops schema, version 11: item versions kept under a hold, and the case lifecycle.
-- Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.
--
-- An item of the catalog is either current (its source holds it as catalogued) or preservedOnly (a hold preserved
-- it, and the source no longer holds it as it was: it was deleted there, or changed and this is its earlier version).
-- The row that follows the source keeps version_sha256 = ''; an earlier version kept after the item changed is a row
-- of its own at the same location, with version_sha256 set to its SHA-256 (and an id of its own), so that both
-- versions are catalogued and searchable. seen_operation_id names the last index operation that found the item at
-- its source, whether or not it had changed.

ALTER TABLE item ADD COLUMN state VARCHAR(16) DEFAULT 'current' NOT NULL;
ALTER TABLE item ADD COLUMN version_sha256 VARCHAR(64) DEFAULT '' NOT NULL;
ALTER TABLE item ADD COLUMN seen_operation_id VARCHAR(32);
ALTER TABLE item DROP CONSTRAINT uq_item_source_location;
ALTER TABLE item ADD CONSTRAINT uq_item_source_location_version UNIQUE (source_id, location, version_sha256);
CREATE INDEX ix_item_source_state ON item (source_id, state);
