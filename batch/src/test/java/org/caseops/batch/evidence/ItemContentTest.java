package org.caseops.batch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an {@link ItemContent} remembers while a job reads a file per item. */
class ItemContentTest {
  @TempDir Path root;

  @Test
  void theRealPathsRememberedStayBoundedHoweverManyFilesAreRead() throws Exception {
    Path folder = Files.createDirectories(root.resolve("mail"));
    int files = ItemContent.REMEMBERED * 3;
    for (int i = 0; i < files; i++) {
      Files.writeString(folder.resolve("m" + i + ".eml"), "Subject: " + i + "\r\n\r\nbody");
    }
    SourceFolder source = new SourceFolder(null, "mail", folder, root, null);
    ItemContent contents = new ItemContent();

    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < files; i++) {
        assertThat(contents.wholeFile(source, "m" + i + ".eml"))
            .isEqualTo(folder.resolve("m" + i + ".eml").toRealPath());
      }
    }

    assertThat(contents.remembered()).isEqualTo(ItemContent.REMEMBERED);
    assertThat(contents.wholeFile(source, "missing.eml")).isNull();
  }
}
