package org.caseops.persistence.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.domain.items.ContentMismatchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest {
  @TempDir Path dataDir;
  private final FileContentStore store = new FileContentStore();

  @BeforeEach
  void configure() {
    System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, dataDir.toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty(CaseopsPaths.DATA_DIR_PROPERTY);
  }

  @Test
  void storesContentOnceUnderItsHashAndReadsItBack() throws Exception {
    byte[] bytes = "the walrus said hello".getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);

    assertThat(store.contains("case-a", sha)).isFalse();
    assertThat(store.put("case-a", new ByteArrayInputStream(bytes))).isEqualTo(sha);
    assertThat(store.put("case-a", new ByteArrayInputStream(bytes))).isEqualTo(sha);

    Path expected = dataDir.resolve("content/case-a").resolve(sha.substring(0, 2)).resolve(sha);
    assertThat(expected).hasBinaryContent(bytes);
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isEqualTo(1);
    assertThat(store.contains("case-a", sha)).isTrue();
    assertThat(store.contains("case-b", sha)).isFalse();
    assertThat(store.size("case-a", sha)).contains((long) bytes.length);
    try (InputStream in = store.open("case-a", sha).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(store.open("case-b", sha)).isEmpty();
  }

  @Test
  void aCopyWhoseHashIsNotTheExpectedOneIsNotStored() throws Exception {
    byte[] bytes = "changed since indexing".getBytes(StandardCharsets.UTF_8);
    String other = sha256("original".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.put("case-a", other, new ByteArrayInputStream(bytes)))
        .isInstanceOf(ContentMismatchException.class);

    assertThat(store.contains("case-a", other)).isFalse();
    assertThat(store.contains("case-a", sha256(bytes))).isFalse();
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isZero();
  }

  @Test
  void aLinkedFileSharesItsBytesAndOutlivesTheFileAtItsSource() throws Exception {
    byte[] bytes = "a document preserved by a link".getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);
    Path source = Files.write(dataDir.resolve("evidence.bin"), bytes);

    assertThat(store.link("case-a", sha, source)).isTrue();

    Path stored = dataDir.resolve("content/case-a").resolve(sha.substring(0, 2)).resolve(sha);
    assertThat(Files.isSameFile(stored, source)).isTrue();
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isEqualTo(1);
    // Linking again, or a content the case holds already, does nothing.
    assertThat(store.link("case-a", sha, source)).isTrue();
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isEqualTo(1);
    // The file is deleted at its source: the stored content stays, byte for byte.
    Files.delete(source);
    try (InputStream in = store.open("case-a", sha).orElseThrow()) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    // Removing the stored content leaves nothing behind.
    store.delete("case-a", sha);
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isZero();
  }

  @Test
  void aFileWhoseHashIsNotTheExpectedOneIsNotLinked() throws Exception {
    Path source = Files.writeString(dataDir.resolve("changed.bin"), "changed since indexing");
    String other = sha256("original".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.link("case-a", other, source))
        .isInstanceOf(ContentMismatchException.class);

    assertThat(store.contains("case-a", other)).isFalse();
    assertThat(filesUnder(dataDir.resolve("content/case-a"))).isZero();
    assertThat(source).hasContent("changed since indexing");
  }

  @Test
  void aFileThatIsGoneCannotBeLinked() throws Exception {
    String sha = sha256("gone".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> store.link("case-a", sha, dataDir.resolve("gone.bin")))
        .isInstanceOf(java.nio.file.NoSuchFileException.class);
    assertThat(store.contains("case-a", sha)).isFalse();
  }

  @Test
  void aKnownHashIsNotReadAgain() throws Exception {
    byte[] bytes = "stored once".getBytes(StandardCharsets.UTF_8);
    String sha = sha256(bytes);
    store.put("case-a", sha, new ByteArrayInputStream(bytes));

    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("must not be read");
          }
        };
    store.put("case-a", sha, failing);

    assertThat(store.contains("case-a", sha)).isTrue();
  }

  @Test
  void aDeletedCaseLosesItsCopiesAndOtherCasesKeepTheirs() throws Exception {
    byte[] bytes = "shared evidence".getBytes(StandardCharsets.UTF_8);
    String sha = store.put("case-a", new ByteArrayInputStream(bytes));
    store.put("case-b", new ByteArrayInputStream(bytes));

    store.onCaseDeleted(new CaseDeleted("case-a"));
    store.onCaseDeleted(new CaseDeleted("case-never-stored"));

    assertThat(dataDir.resolve("content/case-a")).doesNotExist();
    assertThat(store.contains("case-b", sha)).isTrue();
  }

  @Test
  void rejectsNamesThatAreNotHashesOrCaseIds() {
    assertThatThrownBy(() -> store.contains("case-a", "../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.contains("..", "0".repeat(64)))
        .isInstanceOf(IllegalArgumentException.class);
    // Only 64 lower-case hex digits name a copy.
    for (String notAHash :
        new String[] {
          "0".repeat(63),
          "0".repeat(65),
          "A".repeat(64),
          "0".repeat(63) + "g",
          "0".repeat(63) + "/",
          "0".repeat(63) + ":",
          "0".repeat(63) + "`",
          "../" + "0".repeat(61),
          ""
        }) {
      assertThatThrownBy(() -> store.contains("case-a", notAHash))
          .as(notAHash)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> store.contains("case-a", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.contains("case-a", "0123456789abcdef".repeat(4))).isFalse();
  }

  private static long filesUnder(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
