-- caseops schema, version 7: who asked to cancel an operation, and when.
-- Written in the SQL that H2 2.x and PostgreSQL 13+ both accept.

ALTER TABLE case_operation ADD COLUMN cancel_by_user_id VARCHAR(256);
ALTER TABLE case_operation ADD COLUMN cancel_by_user_name VARCHAR(256);
ALTER TABLE case_operation ADD COLUMN cancel_by_app_id VARCHAR(256);
ALTER TABLE case_operation ADD COLUMN cancel_by_app_name VARCHAR(256);
ALTER TABLE case_operation ADD COLUMN cancel_requested_at TIMESTAMP WITH TIME ZONE;
