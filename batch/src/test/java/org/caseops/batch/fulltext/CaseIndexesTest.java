package org.caseops.batch.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.persistence.storage.CaseopsPaths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseIndexesTest {
  @TempDir Path dataDir;

  @AfterEach
  void clear() {
    System.clearProperty(CaseopsPaths.DATA_DIR_PROPERTY);
  }

  @Test
  void aDeletedCaseLosesItsIndexAndOtherCasesKeepTheirs() throws Exception {
    System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, dataDir.toString());
    CaseIndexes indexes = new CaseIndexes();
    for (String caseId : new String[] {"case-a", "case-b"}) {
      Document doc = new Document();
      doc.add(new StringField("id", caseId, Field.Store.YES));
      indexes.writer(caseId).addDocument(doc);
      indexes.writer(caseId).commit();
    }

    indexes.onCaseDeleted(new CaseDeleted("case-a"));

    assertThat(CaseopsPaths.indexDir("case-a")).doesNotExist();
    assertThat(Files.list(CaseopsPaths.indexDir("case-b")).count()).isPositive();
    assertThat(indexes.writer("case-b").getDocStats().numDocs).isEqualTo(1);
    // A case deleted before anything was indexed has no folder; that is fine too.
    indexes.onCaseDeleted(new CaseDeleted("case-c"));
    indexes.closeAll();
  }
}
