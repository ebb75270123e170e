package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.exports.BatesRange;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.storage.FileExportFolders;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** An operation's own parameters, the export file registry and export folders. */
class ExportRepositoriesTest {
  @TempDir Path data;

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void parametersAndExportFilesAreKeptUntilTheCaseIsDeleted(TestDatabase.Kind kind)
      throws Exception {
    String before = System.getProperty(CaseopsPaths.DATA_DIR_PROPERTY);
    System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, data.toString());
    try (TestDatabase db =
            kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseRepository cases = weld.select(CaseRepository.class).get();
      CaseOperationRepository ops = weld.select(CaseOperationRepository.class).get();
      ExportFileRepository files = weld.select(ExportFileRepository.class).get();
      FileExportFolders folders = weld.select(FileExportFolders.class).get();
      IdentitySet alice = IdentitySet.user("u-1", "Alice");
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      EdiscoveryCase c = EdiscoveryCase.open("Contoso v. Fabrikam", null, "CV-1", alice, now);
      cases.add(c);
      CaseOperation op =
          CaseOperation.submit(
              c.getId(),
              CaseAction.contentExport,
              OperationTarget.of(null, "rs", null, List.of(), List.of(), List.of("text")),
              Map.of("outputName", "Vol 1", "description", "þ and 予算"),
              alice,
              now);
      ops.add(op);

      assertThat(ops.find(op.getId()).orElseThrow().getParameters())
          .isEqualTo(Map.of("outputName", "Vol 1", "description", "þ and 予算"));
      Path folder = folders.folder(c.getId(), op.getId());
      Files.createDirectories(folder);
      Files.writeString(folder.resolve("a.zip"), "zip");
      String path = folders.relativePath(c.getId(), op.getId(), "a.zip");
      files.put(ExportFile.of(c.getId(), op.getId(), "a.zip", 3, "ab", path, now));
      files.put(ExportFile.of(c.getId(), op.getId(), "a.zip", 3, "cd", path, now));
      files.put(ExportFile.of(c.getId(), op.getId(), "loadfile.csv", 1, "ef", path, now));
      List<ExportFile> listed = files.listOfOperation(op.getId());
      assertThat(listed)
          .extracting(ExportFile::getFileName)
          .containsExactly("a.zip", "loadfile.csv");
      assertThat(listed.get(0).getSha256()).isEqualTo("cd");
      assertThat(folders.locate(listed.get(0))).isEqualTo(folder.resolve("a.zip"));
      assertThat(files.find(c.getId(), listed.get(0).getId())).isPresent();
      assertThat(files.find("other-case", listed.get(0).getId())).isEmpty();

      assertThat(files.lastBatesNumber(c.getId())).isZero();
      files.recordBates(BatesRange.of(c.getId(), op.getId(), "CV_", 1, 40));
      files.recordBates(BatesRange.of(c.getId(), op.getId(), "CV_", 1, 42));
      files.recordBates(BatesRange.of(c.getId(), "other-operation", "CV_", 43, 50));
      assertThat(files.lastBatesNumber(c.getId())).isEqualTo(50);
      assertThat(files.lastBatesNumber("other-case")).isZero();

      cases.delete(c.getId());
      weld.event().select(CaseDeleted.class).fire(new CaseDeleted(c.getId()));
      assertThat(files.listOfOperation(op.getId())).isEmpty();
      assertThat(ops.find(op.getId())).isEmpty();
      assertThat(folder).doesNotExist();
      assertThat(files.lastBatesNumber(c.getId())).isZero();
    } finally {
      if (before == null) {
        System.clearProperty(CaseopsPaths.DATA_DIR_PROPERTY);
      } else {
        System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, before);
      }
    }
  }
}
