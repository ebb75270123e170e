-- caseops schema, version 6: holds on custodians. A hold change (holdUpdate) names its custodians on the operation;
-- every item version a hold preserves is recorded, its bytes kept in the case's content store under their SHA-256.

ALTER TABLE case_operation ADD COLUMN custodian_ids VARCHAR(40000);

CREATE TABLE preserved_item (
    id              VARCHAR(32)   NOT NULL PRIMARY KEY,
    case_id         VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    custodian_id    VARCHAR(36)   NOT NULL REFERENCES custodian (id) ON DELETE CASCADE,
    source_id       VARCHAR(36)   NOT NULL,
    item_id         VARCHAR(32)   NOT NULL,
    sha256          VARCHAR(64)   NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    operation_id    VARCHAR(32),
    preserved_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_preserved_item_case_sha ON preserved_item (case_id, sha256);
CREATE INDEX ix_preserved_item_custodian ON preserved_item (custodian_id);
CREATE INDEX ix_preserved_item_item ON preserved_item (item_id);
