package org.caseops.reliability;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/** Checks of what a job left: its files in the data directory, its ZIP parts, its Lucene index. */
final class Checks {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private Checks() {}

  /** Live documents of a Lucene index and how many distinct item ids they have. */
  record LuceneCount(int docs, int distinctIds) {}

  static LuceneCount lucene(Path indexDir) throws IOException {
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Set<String> ids = new HashSet<>();
      int docs = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader r = leaf.reader();
        Bits live = r.getLiveDocs();
        StoredFields fields = r.storedFields();
        for (int i = 0; i < r.maxDoc(); i++) {
          if (live != null && !live.get(i)) {
            continue;
          }
          docs++;
          ids.add(fields.document(i).get("id"));
        }
      }
      return new LuceneCount(docs, ids.size());
    }
  }

  /**
   * Every file of the case's content store named by a SHA-256 must hold bytes of that hash (a torn
   * copy would not); returns the problems, and counts the other files (temporary ones) in {@code
   * others}.
   */
  static List<String> contentStore(Path dir, List<String> others) throws IOException {
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return problems;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = p.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (HEX64.matcher(stem).matches() && (name.equals(stem) || !name.endsWith(".tmp"))) {
          String actual = sha256(p);
          if (!actual.equals(stem)) {
            problems.add("content store file " + dir.relativize(p) + " holds bytes of " + actual);
          }
        } else {
          others.add(dir.relativize(p).toString());
        }
      }
    }
    return problems;
  }

  static String sha256(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return sha256(in);
    }
  }

  static String sha256(InputStream in) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream d = new DigestInputStream(in, md)) {
        d.transferTo(OutputStreamSink.INSTANCE);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Discards what is written. */
  static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  static List<CSVRecord> csv(byte[] bytes) throws IOException {
    try (Reader r =
        new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(r)
          .getRecords();
    }
  }

  /** The files an export operation lists, downloaded by their downloadUrl into {@code into}. */
  static Map<String, Path> downloadAll(Api api, JsonObject op, String key, Path into)
      throws IOException {
    Files.createDirectories(into);
    Map<String, Path> out = new HashMap<>();
    for (JsonValue v : Api.arr(op, key)) {
      JsonObject f = v.asJsonObject();
      String name = f.getString("fileName");
      Path target = into.resolve(name);
      try (InputStream in = api.download(f.getString("downloadUrl"))) {
        Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      long size = Api.num(f, "size");
      if (size >= 0 && Files.size(target) != size) {
        throw new IOException(
            name + " is " + Files.size(target) + " bytes; the operation says " + size);
      }
      out.put(name, target);
    }
    return out;
  }

  /**
   * Reads every entry of the ZIP parts (a torn part fails to open or fails its CRC), and returns
   * the SHA-256 of each entry under {@code natives/}, by DocID, with every DocID met twice in
   * {@code problems}.
   */
  static Map<String, String> natives(List<Path> parts, List<String> problems) throws IOException {
    Map<String, String> out = new HashMap<>();
    for (Path part : parts) {
      try (ZipFile zip = new ZipFile(part.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          String sha;
          try (InputStream in = zip.getInputStream(e)) {
            sha = sha256(in);
          }
          if (e.getName().startsWith("natives/") && !e.isDirectory()) {
            String file = e.getName().substring(e.getName().lastIndexOf('/') + 1);
            String docId = file.contains(".") ? file.substring(0, file.indexOf('.')) : file;
            if (docId.contains("_")) {
              docId = docId.substring(0, docId.indexOf('_'));
            }
            if (out.put(docId, sha) != null) {
              problems.add(docId + " is exported twice (again in " + part.getFileName() + ")");
            }
          }
        }
      } catch (IOException e) {
        problems.add(part.getFileName() + " is not a whole ZIP: " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Files in an export folder that look like parts ({@code .zip}) but are not listed by the
   * operation.
   */
  static List<String> unlistedParts(Path exportDir, Set<String> listed) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(exportDir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(exportDir)) {
      for (Path p : files.toList()) {
        String n = p.getFileName().toString();
        if ((n.endsWith(".zip") || n.endsWith(".csv") || n.endsWith(".dat"))
            && !listed.contains(n)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  static byte[] read(Api api, String url) throws IOException {
    try (InputStream in = api.download(url)) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toByteArray();
    }
  }
}
