package org.caseops.domain.exports;

import java.nio.file.Path;

/**
 * Where exports are written: one folder per operation under the server's data directory ({@code
 * <data dir>/exports/<caseId>/<operationId>/}), removed with the case.
 */
public interface ExportFolders {
  /** The folder of an export's files (not created). */
  Path folder(String caseId, String operationId);

  /** A registered file's location on disk. */
  Path locate(ExportFile file);

  /** The path of a file of an export as {@link ExportFile#getPath()} keeps it. */
  String relativePath(String caseId, String operationId, String fileName);
}
