package org.caseops.batch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caseops.batch.testing.Evidence;
import org.caseops.domain.custodians.CustodianSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceWalkTest {
  @TempDir Path temp;

  private static List<String> walk(Path root, Path folder, String startAt) throws IOException {
    EvidenceWalk walk = new EvidenceWalk(root.toRealPath(), folder.toRealPath(), startAt);
    List<String> paths = new ArrayList<>();
    for (EvidenceFile f = walk.next(); f != null; f = walk.next()) {
      paths.add(f.relativePath());
    }
    return paths;
  }

  @Test
  void walksInAStableOrderAndStartsAnywhere() throws IOException {
    Path root = temp.resolve("root");
    Path source = root.resolve("source");
    for (String p : List.of("a/b.txt", "a-c.txt", "a.txt", "b/c/d.txt", "b/c.txt", "z.txt")) {
      Evidence.write(source.resolve(p), p);
    }
    Files.createDirectories(source.resolve("empty"));

    List<String> all = walk(root, source, null);
    assertThat(all).containsExactly("a/b.txt", "a-c.txt", "a.txt", "b/c/d.txt", "b/c.txt", "z.txt");
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparing(s -> s.split("/"), EvidenceWalk::compare));
    assertThat(sorted).isEqualTo(all);

    assertThat(walk(root, source, "a.txt"))
        .containsExactly("a.txt", "b/c/d.txt", "b/c.txt", "z.txt");
    assertThat(walk(root, source, "b/c/d.txt")).containsExactly("b/c/d.txt", "b/c.txt", "z.txt");
    // A start that no longer exists resumes at the next file.
    assertThat(walk(root, source, "b/c/a-gone.txt"))
        .containsExactly("b/c/d.txt", "b/c.txt", "z.txt");
    assertThat(walk(root, source, "zz")).isEmpty();
    assertThat(EvidenceWalk.summarize(root.toRealPath(), source.toRealPath()))
        .isEqualTo(
            new EvidenceWalk.Summary(6, "a/b.txta-c.txta.txtb/c/d.txtb/c.txtz.txt".length(), 0));
  }

  @Test
  void followsNoLinkOutOfTheRootNorIntoFolders() throws IOException {
    Path root = temp.resolve("root");
    Path source = root.resolve("source");
    Path inside = Evidence.write(root.resolve("shared/inside.txt"), "inside");
    Path outside = Evidence.write(temp.resolve("outside/secret.txt"), "secret");
    Evidence.write(source.resolve("real.txt"), "real");
    Files.createSymbolicLink(source.resolve("link-inside.txt"), inside);
    Files.createSymbolicLink(source.resolve("link-outside.txt"), outside);
    Files.createSymbolicLink(source.resolve("link-folder"), root.resolve("shared"));
    Files.createSymbolicLink(source.resolve("dangling.txt"), temp.resolve("nowhere"));

    EvidenceWalk walk = new EvidenceWalk(root.toRealPath(), source.toRealPath(), null);
    List<EvidenceFile> files = new ArrayList<>();
    for (EvidenceFile f = walk.next(); f != null; f = walk.next()) {
      files.add(f);
    }
    assertThat(files)
        .extracting(EvidenceFile::relativePath)
        .containsExactly("link-inside.txt", "real.txt");
    assertThat(files.get(0).path()).isEqualTo(inside.toRealPath());
    assertThat(walk.skippedLinks()).isEqualTo(3);
  }

  @Test
  void sourceFoldersStayInsideTheRoot() throws IOException {
    Path root = Files.createDirectories(temp.resolve("root"));
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
    Files.createDirectories(root.resolve("mailboxes"));
    Files.createSymbolicLink(root.resolve("mailboxes/adele@contoso.com"), elsewhere);
    var source = CustodianSource.mailbox("c", "u", "adele@contoso.com", null, null, null);
    SourceFolder folder = SourceFolder.locate(root, source);
    assertThat(folder.readable()).isFalse();
    assertThat(folder.problem()).isEqualTo("its folder lies outside the evidence root");

    var megan = CustodianSource.mailbox("c", "u", "megan@contoso.com", null, null, null);
    assertThat(SourceFolder.locate(root, megan).problem()).isEqualTo("folder not found");
    Files.createDirectories(root.resolve("mailboxes/megan@contoso.com"));
    assertThat(SourceFolder.locate(root, megan).folder())
        .isEqualTo(root.resolve("mailboxes/megan@contoso.com").toRealPath());
  }
}
