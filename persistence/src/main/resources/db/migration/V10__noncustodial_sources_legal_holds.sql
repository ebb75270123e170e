-- caseops schema, version 10: non-custodial data sources, legal holds (hold policies), and preservation records that
-- say which hold covers them. Every existing preserved_item row was made by a custodian's hold: it keeps its id, its
-- custodian_id, and is marked as of that hold.

CREATE TABLE noncustodial_data_source (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id                  VARCHAR(36)  NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    display_name             VARCHAR(256),
    status                   VARCHAR(32)  NOT NULL,
    hold_status              VARCHAR(32)  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    last_modified_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    released_at              TIMESTAMP WITH TIME ZONE,
    last_index_operation_id  VARCHAR(32),
    version                  BIGINT       NOT NULL
);
CREATE INDEX ix_noncustodial_data_source_case ON noncustodial_data_source (case_id, created_at);

-- A non-custodial data source's dataSource is a data_source row of no custodian.
ALTER TABLE data_source ALTER COLUMN custodian_id DROP NOT NULL;
ALTER TABLE data_source ADD COLUMN noncustodial_id VARCHAR(36)
    REFERENCES noncustodial_data_source (id) ON DELETE CASCADE;
CREATE INDEX ix_data_source_noncustodial ON data_source (noncustodial_id);

CREATE TABLE legal_hold (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id                  VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    display_name             VARCHAR(256)  NOT NULL,
    description              VARCHAR(4000),
    content_query            VARCHAR(8000),
    is_enabled               BOOLEAN       NOT NULL,
    status                   VARCHAR(32)   NOT NULL,
    errors                   VARCHAR(8000),
    deleted                  BOOLEAN       NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id       VARCHAR(256),
    created_by_user_name     VARCHAR(256),
    created_by_app_id        VARCHAR(256),
    created_by_app_name      VARCHAR(256),
    last_modified_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_by_user_id      VARCHAR(256),
    modified_by_user_name    VARCHAR(256),
    modified_by_app_id       VARCHAR(256),
    modified_by_app_name     VARCHAR(256),
    last_sync_operation_id   VARCHAR(32),
    version                  BIGINT        NOT NULL
);
CREATE INDEX ix_legal_hold_case ON legal_hold (case_id, created_at);

CREATE TABLE legal_hold_source (
    legal_hold_id  VARCHAR(36) NOT NULL REFERENCES legal_hold (id) ON DELETE CASCADE,
    source_id      VARCHAR(36) NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    PRIMARY KEY (legal_hold_id, source_id)
);
CREATE INDEX ix_legal_hold_source_source ON legal_hold_source (source_id);

CREATE TABLE search_noncustodial_source (
    search_id        VARCHAR(36) NOT NULL REFERENCES ediscovery_search (id) ON DELETE CASCADE,
    noncustodial_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (search_id, noncustodial_id)
);

-- The legal hold a holdPolicySync operation synchronises.
ALTER TABLE case_operation ADD COLUMN legal_hold_id VARCHAR(36);

-- Which hold covers a preserved item version: a custodian's (hold_id = custodian_id), a non-custodial data source's,
-- or a legal hold's. custodian_id stays the custodian whose source it is, null for a non-custodial source.
ALTER TABLE preserved_item ADD COLUMN hold_kind VARCHAR(24);
ALTER TABLE preserved_item ADD COLUMN hold_id VARCHAR(36);
UPDATE preserved_item SET hold_kind = 'custodian', hold_id = custodian_id;
ALTER TABLE preserved_item ALTER COLUMN hold_kind SET NOT NULL;
ALTER TABLE preserved_item ALTER COLUMN hold_id SET NOT NULL;
ALTER TABLE preserved_item ALTER COLUMN custodian_id DROP NOT NULL;
CREATE INDEX ix_preserved_item_hold ON preserved_item (hold_kind, hold_id);
CREATE INDEX ix_preserved_item_source ON preserved_item (source_id);
