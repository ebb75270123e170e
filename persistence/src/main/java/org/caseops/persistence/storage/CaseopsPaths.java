package org.caseops.persistence.storage;

import java.nio.file.Path;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * The server's folders: the data directory and the evidence root of {@link CaseopsConfig}, and the
 * folders under them. Values are read on every call, so a job sees the configuration of the moment
 * it starts.
 */
public final class CaseopsPaths {
  public static final String DATA_DIR_PROPERTY = CaseopsConfig.DATA_DIR.name();
  public static final String DATA_DIR_ENV = CaseopsConfig.DATA_DIR.environmentName();
  public static final String EVIDENCE_ROOT_PROPERTY = CaseopsConfig.EVIDENCE_ROOT.name();
  public static final String EVIDENCE_ROOT_ENV = CaseopsConfig.EVIDENCE_ROOT.environmentName();

  private CaseopsPaths() {}

  /** The folder under which the server keeps its own files, such as the full-text indexes. */
  public static Path dataDir() {
    return CaseopsConfig.current().dataDir();
  }

  /** The folder under which every source's evidence is read. */
  public static Path evidenceRoot() {
    return CaseopsConfig.current().evidenceRoot();
  }

  /** The Lucene index folder of a case: {@code <data dir>/indexes/<caseId>}. */
  public static Path indexDir(String caseId) {
    return dataDir().resolve("indexes").resolve(segment(caseId, "case id"));
  }

  /**
   * The Lucene index folder of a review set: {@code <data
   * dir>/indexes/<caseId>/reviewsets/<reviewSetId>}.
   */
  public static Path reviewSetIndexDir(String caseId, String reviewSetId) {
    return indexDir(caseId).resolve("reviewsets").resolve(segment(reviewSetId, "review set id"));
  }

  /** The folder of a case's own content copies: {@code <data dir>/content/<caseId>}. */
  public static Path contentDir(String caseId) {
    return dataDir().resolve("content").resolve(segment(caseId, "case id"));
  }

  /** The folder of one export's files: {@code <data dir>/exports/<caseId>/<operationId>}. */
  public static Path exportDir(String caseId, String operationId) {
    return dataDir()
        .resolve("exports")
        .resolve(segment(caseId, "case id"))
        .resolve(segment(operationId, "operation id"));
  }

  /**
   * The folder of one purge's own files: {@code <data dir>/purges/<caseId>/<operationId>}, with the
   * recoverable store of what it removed ({@code items/<itemId>}) and its mbox journals.
   */
  public static Path purgeDir(String caseId, String operationId) {
    return dataDir()
        .resolve("purges")
        .resolve(segment(caseId, "case id"))
        .resolve(segment(operationId, "operation id"));
  }

  private static String segment(String id, String what) {
    if (id == null
        || id.isBlank()
        || id.contains("/")
        || id.contains("\\")
        || id.equals(".")
        || id.equals("..")) {
      throw new IllegalArgumentException("not a " + what + ": " + id);
    }
    return id;
  }
}
