package org.caseops.persistence.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFolders;

/**
 * The export folders on the file system, {@code <data dir>/exports/<caseId>/<operationId>/}; a
 * deleted case's folder goes with it.
 */
@ApplicationScoped
public class FileExportFolders implements ExportFolders {
  private static final Logger LOG = Logger.getLogger(FileExportFolders.class.getName());

  @Override
  public Path folder(String caseId, String operationId) {
    return CaseopsPaths.exportDir(caseId, operationId);
  }

  @Override
  public Path locate(ExportFile file) {
    Path data = CaseopsPaths.dataDir();
    Path located = data.resolve(file.getPath()).normalize();
    if (!located.startsWith(data.resolve("exports"))) {
      throw new IllegalArgumentException("not an export path: " + file.getPath());
    }
    return located;
  }

  @Override
  public String relativePath(String caseId, String operationId, String fileName) {
    Path file = folder(caseId, operationId).resolve(fileName);
    return CaseopsPaths.dataDir().relativize(file).toString().replace('\\', '/');
  }

  /** Removes every export of a case. */
  public void deleteCase(String caseId) throws IOException {
    Path folder = CaseopsPaths.exportDir(caseId, "any").getParent();
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  void onCaseDeleted(@Observes CaseDeleted deleted) {
    try {
      deleteCase(deleted.caseId());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not remove the exports of case " + deleted.caseId(), e);
    }
  }
}
