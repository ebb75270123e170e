-- caseops schema, version 9: purges. What each purgeData operation did with each item its search matched: purged
-- (removed from its source; a recoverable purge keeps the bytes under the data directory) or skipped, and why.

CREATE TABLE purged_item (
    id                VARCHAR(32)   NOT NULL PRIMARY KEY,
    case_id           VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    operation_id      VARCHAR(32)   NOT NULL,
    source_id         VARCHAR(36)   NOT NULL,
    item_id           VARCHAR(32)   NOT NULL,
    location          VARCHAR(2048) NOT NULL,
    sha256            VARCHAR(64)   NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    reason            VARCHAR(2000),
    recoverable_path  VARCHAR(1024),
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    restored_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_purged_item_operation ON purged_item (operation_id, id);
