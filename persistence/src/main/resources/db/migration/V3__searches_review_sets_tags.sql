-- caseops schema, version 3: searches, review sets with their files and queries, review tags, and what operations
-- work on. Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.

CREATE TABLE ediscovery_search (
    id                          VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id                     VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    display_name                VARCHAR(256)  NOT NULL,
    description                 VARCHAR(4000),
    content_query               VARCHAR(8000),
    data_source_scopes          VARCHAR(256)  NOT NULL,
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id          VARCHAR(256),
    created_by_user_name        VARCHAR(256),
    created_by_app_id           VARCHAR(256),
    created_by_app_name         VARCHAR(256),
    last_modified_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_by_user_id         VARCHAR(256),
    modified_by_user_name       VARCHAR(256),
    modified_by_app_id          VARCHAR(256),
    modified_by_app_name        VARCHAR(256),
    last_estimate_operation_id  VARCHAR(32),
    version                     BIGINT        NOT NULL
);
CREATE INDEX ix_search_case ON ediscovery_search (case_id, created_at);

CREATE TABLE search_custodian_source (
    search_id  VARCHAR(36) NOT NULL REFERENCES ediscovery_search (id) ON DELETE CASCADE,
    source_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (search_id, source_id)
);

CREATE TABLE search_additional_source (
    search_id  VARCHAR(36) NOT NULL REFERENCES ediscovery_search (id) ON DELETE CASCADE,
    source_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (search_id, source_id)
);

CREATE TABLE review_set (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)  NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    display_name          VARCHAR(64)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id    VARCHAR(256),
    created_by_user_name  VARCHAR(256),
    created_by_app_id     VARCHAR(256),
    created_by_app_name   VARCHAR(256)
);
CREATE INDEX ix_review_set_case ON review_set (case_id, created_at);

CREATE TABLE review_set_item (
    id                     VARCHAR(32)   NOT NULL PRIMARY KEY,
    review_set_id          VARCHAR(36)   NOT NULL REFERENCES review_set (id) ON DELETE CASCADE,
    case_id                VARCHAR(36)   NOT NULL,
    item_id                VARCHAR(32)   NOT NULL,
    source_id              VARCHAR(36)   NOT NULL,
    kind                   VARCHAR(8)    NOT NULL,
    name                   VARCHAR(2000),
    subject                VARCHAR(2000),
    sender                 VARCHAR(2000),
    recipients_to          VARCHAR(2000),
    sent_at                TIMESTAMP WITH TIME ZONE,
    size_bytes             BIGINT        NOT NULL,
    sha256                 VARCHAR(64)   NOT NULL,
    content_type           VARCHAR(256),
    location               VARCHAR(2048) NOT NULL,
    added_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    added_by_operation_id  VARCHAR(32),
    CONSTRAINT uq_review_set_item UNIQUE (review_set_id, item_id)
);
CREATE INDEX ix_review_set_item_set ON review_set_item (review_set_id, added_at);

CREATE TABLE review_set_query (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    review_set_id         VARCHAR(36)   NOT NULL REFERENCES review_set (id) ON DELETE CASCADE,
    display_name          VARCHAR(256)  NOT NULL,
    content_query         VARCHAR(8000),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id    VARCHAR(256),
    created_by_user_name  VARCHAR(256),
    created_by_app_id     VARCHAR(256),
    created_by_app_name   VARCHAR(256),
    last_modified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_by_user_id   VARCHAR(256),
    modified_by_user_name VARCHAR(256),
    modified_by_app_id    VARCHAR(256),
    modified_by_app_name  VARCHAR(256),
    version               BIGINT        NOT NULL
);
CREATE INDEX ix_review_set_query_set ON review_set_query (review_set_id, created_at);

CREATE TABLE review_tag (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    case_id               VARCHAR(36)   NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    display_name          VARCHAR(256)  NOT NULL,
    description           VARCHAR(4000),
    child_selectability   VARCHAR(8)    NOT NULL,
    parent_id             VARCHAR(36)   REFERENCES review_tag (id) ON DELETE CASCADE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_user_id    VARCHAR(256),
    created_by_user_name  VARCHAR(256),
    created_by_app_id     VARCHAR(256),
    created_by_app_name   VARCHAR(256),
    last_modified_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL
);
CREATE INDEX ix_review_tag_case ON review_tag (case_id, created_at);

CREATE TABLE review_set_item_tag (
    review_set_item_id  VARCHAR(32)  NOT NULL REFERENCES review_set_item (id) ON DELETE CASCADE,
    tag_id              VARCHAR(36)  NOT NULL REFERENCES review_tag (id) ON DELETE CASCADE,
    review_set_id       VARCHAR(36)  NOT NULL,
    PRIMARY KEY (review_set_item_id, tag_id)
);
CREATE INDEX ix_item_tag_tag ON review_set_item_tag (tag_id);

ALTER TABLE case_operation ADD COLUMN search_id VARCHAR(36);
ALTER TABLE case_operation ADD COLUMN review_set_id VARCHAR(36);
ALTER TABLE case_operation ADD COLUMN query_id VARCHAR(36);
ALTER TABLE case_operation ADD COLUMN tags_to_add VARCHAR(4000);
ALTER TABLE case_operation ADD COLUMN tags_to_remove VARCHAR(4000);
ALTER TABLE case_operation ADD COLUMN operation_options VARCHAR(1000);
ALTER TABLE case_operation ADD COLUMN indexed_item_count BIGINT;
ALTER TABLE case_operation ADD COLUMN indexed_items_size BIGINT;
ALTER TABLE case_operation ADD COLUMN unindexed_item_count BIGINT;
ALTER TABLE case_operation ADD COLUMN unindexed_items_size BIGINT;
ALTER TABLE case_operation ADD COLUMN mailbox_count INTEGER;
ALTER TABLE case_operation ADD COLUMN site_count INTEGER;
