package org.caseops.domain.exports;

import java.util.List;
import java.util.Optional;

/** The registry of the files exports have written, and of the production numbers they used. */
public interface ExportFileRepository {
  /** Registers a finished file, replacing the registration of the same file of the operation. */
  void put(ExportFile file);

  /** The operation's files, by file name. */
  List<ExportFile> listOfOperation(String operationId);

  /** One file of the case. */
  Optional<ExportFile> find(String caseId, String fileId);

  /** Records the production numbers an export stamped, replacing what it recorded before. */
  void recordBates(BatesRange range);

  /** The highest production number any export of the case stamped; 0 when none did. */
  long lastBatesNumber(String caseId);
}
