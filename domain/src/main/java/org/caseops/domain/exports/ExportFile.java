package org.caseops.domain.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import org.caseops.domain.support.Ids;

/**
 * One finished file of an export (a ZIP part or a load file), registered when it is complete and
 * listed on its operation as {@code exportFileMetadata} for as long as it is kept. Its id is
 * derived from the operation and the file name, so writing the same file again (a restarted export)
 * registers it once. {@code path} is relative to the server's data directory.
 */
@Entity
@Table(
    name = "export_file",
    indexes = @Index(name = "ix_export_file_operation", columnList = "operation_id,file_name"))
public class ExportFile {
  @Id
  @Column(length = 32)
  private String id;

  @Column(name = "case_id", nullable = false, length = 36)
  private String caseId;

  @Column(name = "operation_id", nullable = false, length = 32)
  private String operationId;

  @Column(name = "file_name", nullable = false, length = 256)
  private String fileName;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false, length = 1024)
  private String path;

  @Column(name = "created_at", nullable = false)
  private Instant createdDateTime;

  protected ExportFile() {}

  /** The id of an operation's file of this name. */
  public static String idFor(String operationId, String fileName) {
    return Ids.stableHex32(operationId, fileName);
  }

  public static ExportFile of(
      String caseId,
      String operationId,
      String fileName,
      long size,
      String sha256,
      String path,
      Instant now) {
    ExportFile f = new ExportFile();
    f.id = idFor(operationId, fileName);
    f.caseId = caseId;
    f.operationId = operationId;
    f.fileName = fileName;
    f.size = size;
    f.sha256 = sha256;
    f.path = path;
    f.createdDateTime = now;
    return f;
  }

  public String getId() {
    return id;
  }

  public String getCaseId() {
    return caseId;
  }

  public String getOperationId() {
    return operationId;
  }

  public String getFileName() {
    return fileName;
  }

  public long getSize() {
    return size;
  }

  public String getSha256() {
    return sha256;
  }

  /** Where the file is, relative to the server's data directory ({@code /} separated). */
  public String getPath() {
    return path;
  }

  public Instant getCreatedDateTime() {
    return createdDateTime;
  }
}
