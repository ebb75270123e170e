package org.caseops.batch.purge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.persistence.storage.CaseopsPaths;

/** Removes a deleted case's purge folders: their recoverable stores, journals and target lists. */
@ApplicationScoped
public class PurgeFolders {
  void onCaseDeleted(@Observes CaseDeleted deleted) {
    Path folder = CaseopsPaths.dataDir().resolve("purges").resolve(deleted.caseId());
    if (!folder.startsWith(CaseopsPaths.dataDir().resolve("purges"))
        || !Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the purge folders of case " + deleted.caseId(), e);
    }
  }
}
