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
import java.util.Set;
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

  /** The body of {@link #body()}, hashed as it is written; its entries' SHA-256 state. */
  private ZipPart.Prefix hashedBody(Path body) throws IOException {
    try (ZipPart part = new ZipPart(dir.resolve("hashed.zip.tmp"), body, TIME, true)) {
      Path plain = body();
      try (ZipFile file = new ZipFile(plain.toFile())) {
        for (ZipEntry e : Collections.list(file.entries())) {
          try (InputStream in = file.getInputStream(e)) {
            part.add(e.getName(), in.readAllBytes(), e.getMethod() == ZipEntry.STORED);
          }
        }
      }
      Files.delete(plain);
      part.finish();
      return part.entriesDigest();
    }
  }

  /** The entries of a ZIP as a streaming reader finds them, from its local headers, in order. */
  private static List<String> streamed(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        in.readAllBytes();
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void theLoadFilesAreAppendedToTheBodyWhichBecomesTheFirstPartWithoutMovingAnEntry()
      throws Exception {
    Path body = dir.resolve("body.zip");
    ZipPart.Prefix prefix = hashedBody(body);
    byte[] bodyBytes = Files.readAllBytes(body);
    Map<String, Integer> bodyMethods = new LinkedHashMap<>();
    Map<String, byte[]> before = read(body, bodyMethods);
    Path target = dir.resolve("Vol_part001.zip");
    Path tail = dir.resolve("body.tail");

    FirstPart.Written written =
        FirstPart.append(body, tail, loadFiles(), dir, target, 1L << 32, TIME, prefix);

    assertThat(written.file()).isEqualTo(target);
    assertThat(Files.exists(body)).as("the body became the part").isFalse();
    assertThat(Files.exists(tail)).isFalse();
    byte[] part = Files.readAllBytes(target);
    assertThat(written.size()).isEqualTo(part.length);
    assertThat(written.sha256())
        .as("the part's hash, from the body's entries' hash and what was appended")
        .isEqualTo(Evidence.sha256(part));
    // Without the body's hash state, the body is read again: the same hash.
    assertThat(appendAgain(bodyBytes, null).sha256()).isEqualTo(written.sha256());
    // The body's entries are where they were, byte for byte.
    long entriesEnd;
    Files.write(dir.resolve("copy.zip"), bodyBytes);
    try (var channel = java.nio.channels.FileChannel.open(dir.resolve("copy.zip"))) {
      entriesEnd = FirstPart.directory(channel).offset();
    }
    assertThat(java.util.Arrays.copyOf(part, (int) entriesEnd))
        .isEqualTo(java.util.Arrays.copyOf(bodyBytes, (int) entriesEnd));
    Map<String, Integer> methods = new LinkedHashMap<>();
    Map<String, byte[]> entries = read(target, methods);
    List<String> names = new ArrayList<>(entries.keySet());
    assertThat(names.subList(0, 2)).containsExactly("loadfile.csv", "loadfile.dat");
    assertThat(new String(entries.get("loadfile.dat"), StandardCharsets.UTF_8)).contains("þAþ");
    assertThat(new String(entries.get("loadfile.csv"), StandardCharsets.UTF_8))
        .isEqualTo("DocID\r\nA\r\n");
    assertThat(names.subList(2, names.size())).containsExactlyElementsOf(before.keySet());
    for (String name : before.keySet()) {
      assertThat(entries.get(name)).as(name).isEqualTo(before.get(name));
      assertThat(methods.get(name)).as(name).isEqualTo(bodyMethods.get(name));
    }
    // A reader of local headers finds every entry once too.
    assertThat(streamed(target)).containsExactlyInAnyOrderElementsOf(names).doesNotHaveDuplicates();
    try (var left = Files.list(dir)) {
      assertThat(left.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
    }
  }

  /** Appends the load files to a body of these bytes, in a folder of its own. */
  private FirstPart.Written appendAgain(byte[] bodyBytes, ZipPart.Prefix prefix)
      throws IOException {
    Path again = Files.createDirectories(dir.resolve("again-" + System.nanoTime()));
    Path body = Files.write(again.resolve("body.zip"), bodyBytes);
    return FirstPart.append(
        body,
        again.resolve("body.tail"),
        loadFiles(),
        again,
        again.resolve("Vol_part001.zip"),
        1L << 32,
        TIME,
        prefix);
  }

  @Test
  void anAppendInterruptedAnywhereIsUndoneAndDoneAgainWithEveryEntryOnce() throws Exception {
    Path body = dir.resolve("body.zip");
    hashedBody(body);
    byte[] bodyBytes = Files.readAllBytes(body);
    Set<String> bodyNames = read(body, new LinkedHashMap<>()).keySet();
    byte[] whole = Files.readAllBytes(appendAgain(bodyBytes, null).file());
    long entriesEnd;
    try (var channel = java.nio.channels.FileChannel.open(body)) {
      entriesEnd = FirstPart.directory(channel).offset();
    }
    // Where an append can stop: its tail kept and nothing else done; the body cut at its entries'
    // end; part of what is appended written (in the load files' entries, in the central
    // directory); all of it written, not renamed yet.
    List<Integer> stops =
        List.of(
            bodyBytes.length,
            (int) entriesEnd,
            (int) entriesEnd + 17,
            (whole.length + (int) entriesEnd) / 2,
            whole.length - 30,
            whole.length);
    for (int stop : stops) {
      Path at = Files.createDirectories(dir.resolve("stop-" + stop));
      Path interrupted = at.resolve("body.zip");
      Path tail = at.resolve("body.tail");
      Files.write(interrupted, bodyBytes);
      try (var channel =
          java.nio.channels.FileChannel.open(interrupted, java.nio.file.StandardOpenOption.READ)) {
        FirstPart.keepTail(channel, FirstPart.directory(channel), tail);
      }
      Files.write(
          interrupted, stop == bodyBytes.length ? bodyBytes : java.util.Arrays.copyOf(whole, stop));

      // The restart: the body put back, then the append again.
      FirstPart.restore(interrupted, tail);
      assertThat(Files.readAllBytes(interrupted)).as("restored at %d", stop).isEqualTo(bodyBytes);
      Path target = at.resolve("Vol_part001.zip");
      FirstPart.Written written =
          FirstPart.append(interrupted, tail, loadFiles(), at, target, 1L << 32, TIME, null);

      assertThat(Files.readAllBytes(target)).as("stopped at %d", stop).isEqualTo(whole);
      assertThat(written.sha256()).isEqualTo(Evidence.sha256(whole));
      List<String> names = new ArrayList<>();
      try (ZipFile file = new ZipFile(target.toFile())) {
        Collections.list(file.entries()).forEach(e -> names.add(e.getName()));
      }
      List<String> expected = new ArrayList<>(List.of("loadfile.csv", "loadfile.dat"));
      expected.addAll(bodyNames);
      assertThat(names).as("stopped at %d", stop).containsExactlyElementsOf(expected);
      assertThat(streamed(target)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void loadFilesThatDoNotFitBesideTheBodyLeaveItAsItWasForACopy() throws Exception {
    Path body = dir.resolve("body.zip");
    hashedBody(body);
    byte[] bodyBytes = Files.readAllBytes(body);
    Path target = dir.resolve("Vol_part001.zip");
    Path tail = dir.resolve("body.tail");

    assertThat(
            FirstPart.append(
                body, tail, loadFiles(), dir, target, bodyBytes.length + 50, TIME, null))
        .isNull();

    assertThat(Files.readAllBytes(body)).isEqualTo(bodyBytes);
    assertThat(Files.exists(target)).isFalse();
    assertThat(Files.exists(tail)).isFalse();
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
