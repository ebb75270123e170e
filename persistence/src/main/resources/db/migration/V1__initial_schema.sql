-- caseops schema, version 1: cases, custodians and their sources, operations, the item catalog.
-- Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.

CREATE TABLE ediscovery_case (
    id                     VARCHAR(36)   NOT NULL PRIMARY KEY,
    display_name           VARCHAR(256)  NOT NULL,
    description            VARCHAR(4000),
    external_id            VARCHAR(256),
    status                 VARCHAR(32)   NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE     NOT NULL,
    last_modified_at       TIMESTAMP WITH TIME ZONE     NOT NULL,
    closed_at              TIMESTAMP WITH TIME ZONE,
    created_by_user_id     VARCHAR(256),
    created_by_user_name   VARCHAR(256),
    created_by_app_id      VARCHAR(256),
    created_by_app_name    VARCHAR(256),
    modified_by_user_id    VARCHAR(256),
    modified_by_user_name  VARCHAR(256),
    modified_by_app_id     VARCHAR(256),
    modified_by_app_name   VARCHAR(256),
    closed_by_user_id      VARCHAR(256),
    closed_by_user_name    VARCHAR(256),
    closed_by_app_id       VARCHAR(256),
    closed_by_app_name     VARCHAR(256),
    version                BIGINT        NOT NULL
);
CREATE INDEX ix_case_created ON ediscovery_case (created_at);

CREATE TABLE custodian (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id                  VARCHAR(36)  NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    email                    VARCHAR(320) NOT NULL,
    display_name             VARCHAR(256),
    status                   VARCHAR(32)  NOT NULL,
    hold_status              VARCHAR(32)  NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE    NOT NULL,
    last_modified_at         TIMESTAMP WITH TIME ZONE    NOT NULL,
    released_at              TIMESTAMP WITH TIME ZONE,
    acknowledged_at          TIMESTAMP WITH TIME ZONE,
    last_index_operation_id  VARCHAR(32),
    version                  BIGINT       NOT NULL,
    CONSTRAINT uq_custodian_email UNIQUE (case_id, email)
);

CREATE TABLE data_source (
    id                       VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id                  VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    custodian_id             VARCHAR(36)   NOT NULL REFERENCES custodian (id) ON DELETE CASCADE,
    kind                     VARCHAR(8)    NOT NULL,
    email                    VARCHAR(320),
    site_web_url             VARCHAR(2048),
    display_name             VARCHAR(256),
    hold_status              VARCHAR(32)   NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE     NOT NULL,
    created_by_user_id       VARCHAR(256),
    created_by_user_name     VARCHAR(256),
    created_by_app_id        VARCHAR(256),
    created_by_app_name      VARCHAR(256),
    last_index_operation_id  VARCHAR(32)
);
CREATE INDEX ix_data_source_custodian ON data_source (custodian_id);
CREATE INDEX ix_data_source_case ON data_source (case_id);

CREATE TABLE case_operation (
    id                   VARCHAR(32)   NOT NULL PRIMARY KEY,
    case_id              VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    action               VARCHAR(32)   NOT NULL,
    status               VARCHAR(32)   NOT NULL,
    percent_progress     INTEGER       NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE     NOT NULL,
    completed_at         TIMESTAMP WITH TIME ZONE,
    created_by_user_id   VARCHAR(256),
    created_by_user_name VARCHAR(256),
    created_by_app_id    VARCHAR(256),
    created_by_app_name  VARCHAR(256),
    result_code          INTEGER,
    result_subcode       INTEGER,
    result_message       VARCHAR(4000),
    execution_id         BIGINT
);
CREATE INDEX ix_case_operation_case ON case_operation (case_id, created_at);
CREATE INDEX ix_case_operation_status ON case_operation (status);

CREATE TABLE item (
    id                 VARCHAR(32)   NOT NULL PRIMARY KEY,
    case_id            VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    source_id          VARCHAR(36)   NOT NULL REFERENCES data_source (id) ON DELETE CASCADE,
    location           VARCHAR(2048) NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    sha256             VARCHAR(64)   NOT NULL,
    content_type       VARCHAR(256),
    subject            VARCHAR(2000),
    sender             VARCHAR(2000),
    recipients_to      VARCHAR(2000),
    recipients_cc      VARCHAR(2000),
    sent_at            TIMESTAMP WITH TIME ZONE,
    message_id         VARCHAR(1000),
    attachment_count   INTEGER       NOT NULL,
    indexed            BOOLEAN       NOT NULL,
    unindexed_reason   VARCHAR(2000),
    last_operation_id  VARCHAR(32),
    indexed_at         TIMESTAMP WITH TIME ZONE     NOT NULL,
    CONSTRAINT uq_item_source_location UNIQUE (source_id, location)
);
CREATE INDEX ix_item_case ON item (case_id, source_id, indexed);
