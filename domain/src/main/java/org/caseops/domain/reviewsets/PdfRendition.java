package org.caseops.domain.reviewsets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The PDF rendition of a review-set file: its bytes are kept in the case's content store under
 * their SHA-256 (once however many files share them), and this row links them to the file with the
 * SHA-256 of the content they were rendered from and the renderer version, so that a rendition is
 * known to be current (same source, same renderer) or stale.
 */
@Entity
@Table(name = "pdf_rendition")
public class PdfRendition {
  @Id
  @Column(name = "file_id", length = 32)
  private String fileId;

  @Column(name = "review_set_id", nullable = false, length = 36)
  private String reviewSetId;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  /** The SHA-256 of the rendition's bytes, under which the content store keeps them. */
  @Column(name = "pdf_sha256", nullable = false, length = 64)
  private String pdfSha256;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "page_count", nullable = false)
  private int pageCount;

  /** The SHA-256 of the file's content the rendition was made from. */
  @Column(name = "source_sha256", nullable = false, length = 64)
  private String sourceSha256;

  @Column(name = "renderer_version", nullable = false)
  private int rendererVersion;

  /** Characters the font had no glyph for, shown as a replacement mark. */
  @Column(name = "replaced_chars", nullable = false)
  private long replacedCharacters;

  @Column(name = "rendered_at", nullable = false)
  private Instant renderedDateTime;

  @Column(name = "rendered_by_operation_id", length = 32)
  private String renderedByOperationId;

  protected PdfRendition() {}

  /** The rendition of a file, made now from the file's current content. */
  public static PdfRendition of(
      ReviewSetItem file,
      String pdfSha256,
      long size,
      int pageCount,
      int rendererVersion,
      long replacedCharacters,
      String operationId,
      Instant now) {
    PdfRendition r = new PdfRendition();
    r.fileId = file.getId();
    r.reviewSetId = file.getReviewSetId();
    r.caseId = file.getCaseId();
    r.pdfSha256 = pdfSha256;
    r.size = size;
    r.pageCount = pageCount;
    r.sourceSha256 = file.getSha256();
    r.rendererVersion = rendererVersion;
    r.replacedCharacters = replacedCharacters;
    r.renderedDateTime = now;
    r.renderedByOperationId = operationId;
    return r;
  }

  /** Whether this rendition was made from the file's content by this renderer version. */
  public boolean isCurrentFor(ReviewSetItem file, int currentRendererVersion) {
    return sourceSha256.equals(file.getSha256()) && rendererVersion == currentRendererVersion;
  }

  public String getFileId() {
    return fileId;
  }

  public String getReviewSetId() {
    return reviewSetId;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getPdfSha256() {
    return pdfSha256;
  }

  public long getSize() {
    return size;
  }

  public int getPageCount() {
    return pageCount;
  }

  public String getSourceSha256() {
    return sourceSha256;
  }

  public int getRendererVersion() {
    return rendererVersion;
  }

  public long getReplacedCharacters() {
    return replacedCharacters;
  }

  public Instant getRenderedDateTime() {
    return renderedDateTime;
  }

  /** The convertToPdf operation that made the rendition. */
  public String getRenderedByOperationId() {
    return renderedByOperationId;
  }
}
