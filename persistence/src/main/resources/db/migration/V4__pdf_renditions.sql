-- PDF renditions of review-set files (convertToPdf). The rendition's bytes are in the case's content store under
-- pdf_sha256; a rendition is current while the file's content (source_sha256) and the renderer version are the same.
CREATE TABLE pdf_rendition (
    file_id                   VARCHAR(32)   NOT NULL PRIMARY KEY REFERENCES review_set_item (id) ON DELETE CASCADE,
    review_set_id             VARCHAR(36)   NOT NULL,
    case_id                   VARCHAR(36)   NOT NULL,
    pdf_sha256                VARCHAR(64)   NOT NULL,
    size_bytes                BIGINT        NOT NULL,
    page_count                INTEGER       NOT NULL,
    source_sha256             VARCHAR(64)   NOT NULL,
    renderer_version          INTEGER       NOT NULL,
    replaced_chars            BIGINT        NOT NULL,
    rendered_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    rendered_by_operation_id  VARCHAR(32)
);
CREATE INDEX ix_pdf_rendition_set ON pdf_rendition (review_set_id);
