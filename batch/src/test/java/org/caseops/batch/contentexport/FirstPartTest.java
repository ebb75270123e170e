package org.caseops.batch.contentexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.caseops.batch.testing.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first part, written last: the load files at its root, then the body's entries as they were
 * (stored ones stored, deflated ones deflated, same bytes), and the documents that do not fit in
 * the size limit, each whole, in one more part.
 */
class FirstPartTest {
  private static final long TIME = java.time.Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

  @TempDir Path dir;

  /** A body of three documents: a deflated native and its text, a stored native, a native. */
  private Path body() throws IOException {
    Path body = dir.resolve("body.zip");
    try (ZipPart part = new ZipPart(dir.resolve("body.zip.tmp"), body, TIME, false)) {
      part.add("natives/DOC0000001.eml", "Subject: walrus\r\n\r\n".repeat(200).getBytes(), false);
      part.add("text/DOC0000001.txt", "walrus".repeat(100).getBytes(StandardCharsets.UTF_8));
      byte[] pdf = new byte[10_000];
      new java.util.Random(7).nextBytes(pdf);
      part.add("natives/src/DOC0000002_lease.pdf", pdf, true);
      part.add("natives/DOC0000003.txt", "memo ".repeat(50).getBytes(), false);
      assertThat(part.finish()).as("an unhashed part has no SHA-256").isNull();
    }
    return body;
  }

  private Map<String, Path> loadFiles() throws IOException {
    Map<String, Path> root = new LinkedHashMap<>();
    root.put("loadfile.csv", Files.writeString(dir.resolve("loadfile.csv"), "DocID\r\nA\r\n"));
    root.put("loadfile.dat", Files.writeString(dir.resolve("loadfile.dat"), "þDocIDþ\r\nþAþ\r\n"));
    return root;
  }

  private static Map<String, byte[]> read(Path zip, Map<String, Integer> methods)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry e : Collections.list(file.entries())) {
        try (InputStream in = file.getInputStream(e)) {
          entries.put(e.getName(), in.readAllBytes());
        }
        methods.put(e.getName(), e.getMethod());
      }
    }
    return entries;
  }

  @Test
  void theLoadFilesComeFirstAndTheBodysEntriesFollowAsTheyWere() throws Exception {
    Path body = body();
    Map<String, Integer> bodyMethods = new LinkedHashMap<>();
    Map<String, byte[]> before = read(body, bodyMethods);
    Path target = dir.resolve("Vol_part001.zip");

    List<FirstPart.Written> written =
        FirstPart.assemble(
            body, loadFiles(), dir, target, dir.resolve("Vol_part002.zip"), 1L << 32, TIME);

    assertThat(written).hasSize(1);
    assertThat(written.get(0).file()).isEqualTo(target);
    assertThat(written.get(0).size()).isEqualTo(Files.size(target));
    assertThat(written.get(0).sha256()).isEqualTo(Evidence.sha256(Files.readAllBytes(target)));
    Map<String, Integer> methods = new LinkedHashMap<>();
    Map<String, byte[]> entries = read(target, methods);
    List<String> names = new ArrayList<>(entries.keySet());
    assertThat(names.subList(0, 2)).containsExactly("loadfile.csv", "loadfile.dat");
    assertThat(new String(entries.get("loadfile.dat"), StandardCharsets.UTF_8)).contains("þAþ");
    assertThat(names.subList(2, names.size())).containsExactlyElementsOf(before.keySet());
    for (String name : before.keySet()) {
      assertThat(entries.get(name)).as(name).isEqualTo(before.get(name));
      assertThat(methods.get(name)).as(name).isEqualTo(bodyMethods.get(name));
    }
    assertThat(Files.exists(dir.resolve("Vol_part002.zip"))).isFalse();
    try (var left = Files.list(dir)) {
      assertThat(left.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }

  @Test
  void documentsThatDoNotFitBesideTheLoadFilesGoWholeToOneMorePart() throws Exception {
    Path body = body();
    Map<String, byte[]> before = read(body, new LinkedHashMap<>());
    Path target = dir.resolve("Vol_part001.zip");
    Path overflow = dir.resolve("Vol_part002.zip");
    // Room for the load files and the first document's two entries, not for the second document
    // (10,000 bytes, stored).
    FirstPart.assemble(body, loadFiles(), dir, dir.resolve("probe.zip"), overflow, 1L << 32, TIME);
    long limit = Files.size(dir.resolve("probe.zip")) - 5_000;

    List<FirstPart.Written> written =
        FirstPart.assemble(body, loadFiles(), dir, target, overflow, limit, TIME);

    assertThat(written).extracting(FirstPart.Written::file).containsExactly(target, overflow);
    assertThat(Files.size(target)).isLessThanOrEqualTo(limit);
    Map<String, byte[]> first = read(target, new LinkedHashMap<>());
    Map<String, byte[]> rest = read(overflow, new LinkedHashMap<>());
    assertThat(first.keySet())
        .containsExactly(
            "loadfile.csv", "loadfile.dat", "natives/DOC0000001.eml", "text/DOC0000001.txt");
    assertThat(rest.keySet())
        .containsExactly("natives/src/DOC0000002_lease.pdf", "natives/DOC0000003.txt");
    Map<String, byte[]> all = new LinkedHashMap<>(first);
    all.putAll(rest);
    before.forEach((name, bytes) -> assertThat(all.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aDocumentIdIsReadFromAnEntrysName() {
    assertThat(FirstPart.docId("natives/DOC0000001.eml")).isEqualTo("DOC0000001");
    assertThat(FirstPart.docId("natives/a/b/DOC0000012_lease.pdf")).isEqualTo("DOC0000012");
    assertThat(FirstPart.docId("text/DOC0000003.txt")).isEqualTo("DOC0000003");
    assertThat(FirstPart.docId("loadfile.csv")).isNull();
    // Read without a regular expression, it agrees with the pattern that says what it reads.
    for (String name :
        List.of(
            "DOC1",
            "DOC",
            "DOCx.eml",
            "natives/xDOC0000001.eml",
            "natives/DOC0000001/readme.txt",
            "natives/DOC0000001/",
            "a/b/DOC\u0661\u0662.eml",
            "DOC0000007 notes",
            "",
            "/DOC42")) {
      java.util.regex.Matcher m = FirstPart.DOC_ID.matcher(name);
      assertThat(FirstPart.docId(name)).as(name).isEqualTo(m.find() ? m.group(1) : null);
    }
  }
}
