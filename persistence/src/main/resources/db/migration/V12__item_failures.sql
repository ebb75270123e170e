-- caseops schema, version 12: what operations could not do, and how much they have done.
-- The items an operation could not process, each with its reason, as its job recorded them
-- (an index's unreadable and unindexed items, convertToPdf's files that could not be rendered, an export's files left
-- out or exported without a PDF). Recorded in the chunk's transaction under a stable id, so a restarted chunk records
-- an item once.

CREATE TABLE operation_item_failure (
    id              VARCHAR(32)   NOT NULL PRIMARY KEY,
    operation_id    VARCHAR(32)   NOT NULL REFERENCES case_operation (id) ON DELETE CASCADE,
    case_id         VARCHAR(36)   NOT NULL,
    step            VARCHAR(64)   NOT NULL,
    item            VARCHAR(2000) NOT NULL,
    reason          VARCHAR(2000) NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_operation_item_failure_operation ON operation_item_failure (operation_id, recorded_at);

-- How much of its work a running operation has done, in the unit its job counts in (bytes read for index, items
-- for the others), for clients that show throughput; null until the job knows its total.
ALTER TABLE case_operation ADD COLUMN work_done BIGINT;
ALTER TABLE case_operation ADD COLUMN work_total BIGINT;
ALTER TABLE case_operation ADD COLUMN work_unit VARCHAR(16);
