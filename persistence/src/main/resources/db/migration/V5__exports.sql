-- caseops schema, version 5: the action's own parameters of an operation, and the files exports have written.
-- Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.

CREATE TABLE case_operation_parameter (
    operation_id     VARCHAR(32)   NOT NULL REFERENCES case_operation (id) ON DELETE CASCADE,
    name             VARCHAR(64)   NOT NULL,
    parameter_value  VARCHAR(4000),
    PRIMARY KEY (operation_id, name)
);

CREATE TABLE export_file (
    id            VARCHAR(32)    NOT NULL PRIMARY KEY,
    case_id       VARCHAR(36)    NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    operation_id  VARCHAR(32)    NOT NULL,
    file_name     VARCHAR(256)   NOT NULL,
    size_bytes    BIGINT         NOT NULL,
    sha256        VARCHAR(64)    NOT NULL,
    path          VARCHAR(1024)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_export_file_operation ON export_file (operation_id, file_name);

-- The production numbers (Bates) each export stamped, so that the next production of the case continues after them.
CREATE TABLE export_bates_range (
    operation_id  VARCHAR(32)  NOT NULL PRIMARY KEY,
    case_id       VARCHAR(36)  NOT NULL REFERENCES ediscovery_case (id) ON DELETE CASCADE,
    prefix        VARCHAR(64)  NOT NULL,
    first_number  BIGINT       NOT NULL,
    last_number   BIGINT       NOT NULL
);
CREATE INDEX ix_export_bates_case ON export_bates_range (case_id);
