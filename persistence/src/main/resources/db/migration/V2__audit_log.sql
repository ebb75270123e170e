-- caseops schema, version 2: the audit log of state-changing requests.
-- Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.

CREATE TABLE audit_entry (
    id                 VARCHAR(32)   NOT NULL PRIMARY KEY,
    recorded_at        TIMESTAMP WITH TIME ZONE     NOT NULL,
    method             VARCHAR(16)   NOT NULL,
    path               VARCHAR(2048) NOT NULL,
    status             INTEGER       NOT NULL,
    request_id         VARCHAR(128)  NOT NULL,
    client_request_id  VARCHAR(128),
    case_id            VARCHAR(128),
    actor_user_id      VARCHAR(256),
    actor_user_name    VARCHAR(256),
    actor_app_id       VARCHAR(256),
    actor_app_name     VARCHAR(256)
);
CREATE INDEX ix_audit_entry_at ON audit_entry (recorded_at);
