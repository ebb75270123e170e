package org.caseops.batch.searchexport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.caseops.batch.Outcome;
import org.caseops.batch.contentexport.ExportNames;
import org.caseops.batch.contentexport.ZipPart;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.extraction.TextExtractor;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.exports.ExportFolders;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;

/**
 * Writes a search export. Each item's report row goes into the current segment of rows (a file
 * under the export's {@code .work} folder, written to a temporary name and renamed when whole);
 * with natives (exportResult), the item's bytes go into the current ZIP part, read from the case's
 * copy when a hold or review set keeps one and from its source otherwise, their SHA-256 checked
 * against the catalog's as they are read. A segment ends at the end of each chunk (exportReport) or
 * with its ZIP part, when the part would grow past {@code partSize} bytes or holds {@code
 * partEntries} entries (exportResult; a ZIP writer keeps every entry of a part until it writes the
 * part's central directory, so this bounds the memory a part takes): that is the step's checkpoint.
 * After the last item, the report (item report and summary) is written beside the parts from the
 * segments, when asked, and the operation's result is concluded. A restart begins again after the
 * last finished segment: what was written after it is discarded and written anew, so every row and
 * every native is there exactly once.
 */
@Dependent
@Named
public class SearchExportWriter extends AbstractItemWriter {
  private static final Logger LOG = Logger.getLogger(SearchExportWriter.class.getName());
  static final String WORK = ".work";
  static final long DEFAULT_PART_SIZE = 4L * 1024 * 1024 * 1024;

  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject CaseOperationRepository operations;
  @Inject ContentStore store;
  @Inject ExportFolders folders;
  @Inject ExportFileRepository exportFiles;
  @Inject ReviewTagRepository tags;
  @Inject TextExtractor extractor;

  @Inject @BatchProperty String natives;
  @Inject @BatchProperty String partSize;
  @Inject @BatchProperty String partEntries;
  @Inject @BatchProperty String maxItemBytes;

  private final ItemContent contents = new ItemContent();
  private SearchExportSettings settings;
  private String caseId;
  private String operationId;
  private Path folder;
  private Path work;
  private long partLimit;
  private long entryLimit;
  private long maxBytes;
  private ZipPart part;
  private Path rowsTemporary;
  private long entryTime;
  private CSVPrinter rows;
  private String lastKey;
  private final Map<String, String> tagNames = new HashMap<>();
  private Map<String, Set<String>> chunkTags = Map.of();

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    caseId = run.caseId();
    operationId = run.operationId();
    CaseOperation operation = operations.find(operationId).orElseThrow();
    settings = SearchExportSettings.of(operation, Boolean.parseBoolean(natives));
    // Entries are dated when the export was asked for: a part written again is the same.
    entryTime = operation.getCreatedDateTime().toEpochMilli();
    partLimit = number(partSize, DEFAULT_PART_SIZE);
    entryLimit = number(partEntries, 65_535L);
    maxBytes = number(maxItemBytes, 52_428_800L);
    for (ReviewTag tag : tags.listAll(caseId)) {
      tagNames.put(tag.getId(), tag.getDisplayName());
    }
    folder = folders.folder(caseId, operationId);
    work = folder.resolve(WORK);
    Files.createDirectories(work);
    SearchExportCheckpoint committed = SearchExportState.of(stepContext).committed;
    int segmentsDone = committed.segmentsDone();
    lastKey = committed.lastKey();
    // A part finished after the checkpoint is written again, with the same name: none stays behind.
    int after = committed.partsDone() + 1;
    while (Files.deleteIfExists(folder.resolve(settings.partName(after)))) {
      after++;
    }
    // What a failed execution left: the part and segment it was writing, and anything after the
    // checkpoint.
    try (Stream<Path> files = Files.list(work)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp")
            || (name.startsWith("rows-") && segmentNumber(name) > segmentsDone)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static long number(String value, long fallback) {
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }

  private static int segmentNumber(String rowsName) {
    try {
      return Integer.parseInt(rowsName.substring(5, rowsName.indexOf('.')));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  private static String segmentName(int number) {
    return String.format(Locale.ROOT, "rows-%05d.csv", number);
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    SearchExportState state = SearchExportState.of(stepContext);
    int nextIndex = -1;
    List<String> itemIds = new ArrayList<>();
    for (Object object : items) {
      SearchExportItem item = (SearchExportItem) object;
      if (!item.isEnd()) {
        itemIds.add(item.item().getId());
      }
    }
    // The tags the items' files carry in the case's review sets, for the chunk at once.
    chunkTags = itemIds.isEmpty() ? Map.of() : tags.tagsOfItems(caseId, itemIds);
    for (Object object : items) {
      SearchExportItem item = (SearchExportItem) object;
      if (item.isEnd()) {
        if (rows != null) {
          finishSegment(state, state.total);
        }
        finishExport(state);
        return;
      }
      write(state, item);
      lastKey = item.item().getId();
      nextIndex = item.index() + 1;
    }
    if (!settings.natives() && rows != null) {
      finishSegment(state, nextIndex);
    }
  }

  private void write(SearchExportState state, SearchExportItem entry) throws IOException {
    Item item = entry.item();
    String extension = extension(entry);
    if (settings.natives()) {
      if (part != null
          && part.entries() > 0
          && (part.written() + item.getSize() > partLimit || part.entries() >= entryLimit)) {
        finishSegment(state, entry.index());
      }
      if (part == null) {
        String name = settings.partName(state.committed.partsDone() + 1);
        part = new ZipPart(work.resolve(name + ".tmp"), folder.resolve(name), entryTime);
      }
    }
    if (rows == null) {
      rowsTemporary = work.resolve(segmentName(state.committed.segmentsDone() + 1) + ".tmp");
      rows =
          new CSVPrinter(
              new OutputStreamWriter(Files.newOutputStream(rowsTemporary), StandardCharsets.UTF_8),
              SearchReport.CSV);
    }
    byte[] bytes = null;
    if (settings.natives()) {
      String path =
          ExportNames.nativePath(
              entry.docId(),
              entry.source(),
              item.getLocation(),
              fileName(entry),
              extension,
              settings.folderAndPath(),
              settings.condensePaths(),
              settings.friendlyName());
      boolean stored = ZipPart.alreadyCompressed(extension, item.getContentType());
      try {
        if (item.getSize() <= maxBytes) {
          bytes = read(entry);
          part.add(path, bytes, stored);
        } else {
          addLarge(path, entry, stored);
        }
        state.exported++;
      } catch (IOException e) {
        LOG.log(Level.FINE, () -> "item " + item.getId() + " cannot be exported: " + e);
        state.failed(displayName(entry));
      }
    }
    String bcc = "";
    if (entry.message()) {
      // The catalog does not keep a message's Bcc: it is read from the message's header block.
      if (bytes == null && !settings.natives() && item.getSize() <= maxBytes) {
        try {
          bytes = read(entry);
        } catch (IOException e) {
          LOG.log(Level.FINE, () -> "item " + item.getId() + " cannot be read for its Bcc: " + e);
        }
      }
      String found =
          bytes == null || !TextExtractor.hasBccField(bytes)
              ? null
              : extractor.bcc(bytes, fileName(entry));
      if (found != null) {
        bcc = found;
      }
    }
    rows.printRecord(
        entry.docId(),
        "",
        "",
        entry.custodian(),
        entry.source(),
        item.getLocation(),
        nz(item.getFrom()),
        nz(item.getTo()),
        nz(item.getCc()),
        bcc,
        nz(item.getSubject()),
        item.getSentDateTime() == null ? "" : item.getSentDateTime().toString(),
        fileName(entry),
        extension,
        Long.toString(item.getSize()),
        item.getSha256(),
        tagsOf(item),
        Boolean.toString(item.isIndexed()),
        item.isIndexed() ? "" : nz(item.getUnindexedReason()));
    state.items++;
  }

  /** The names of the tags the item's files carry in the case, sorted, joined by {@code ;}. */
  private String tagsOf(Item item) {
    List<String> names = new ArrayList<>();
    for (String tagId : chunkTags.getOrDefault(item.getId(), Set.of())) {
      String name = tagNames.get(tagId);
      if (name != null) {
        names.add(name);
      }
    }
    names.sort(String.CASE_INSENSITIVE_ORDER);
    return String.join(";", names);
  }

  /**
   * Opens the item's bytes: the case's copy of them when it keeps one (a hold or a review set),
   * else the source.
   */
  private InputStream open(SearchExportItem entry) throws IOException {
    Item item = entry.item();
    Optional<InputStream> held = store.open(caseId, item.getSha256());
    if (held.isPresent()) {
      return held.get();
    }
    if (entry.folder() == null) {
      throw new IOException("the case no longer has its source");
    }
    return contents.open(entry.folder(), item.getLocation(), item.getSize(), maxBytes);
  }

  /** The item's bytes, checked against the catalog's SHA-256. */
  private byte[] read(SearchExportItem entry) throws IOException {
    byte[] bytes;
    try (InputStream in = open(entry)) {
      bytes = in.readAllBytes();
    }
    String sha = HexFormat.of().formatHex(ZipPart.sha256().digest(bytes));
    if (!sha.equals(entry.item().getSha256())) {
      throw new IOException(
          "the content's SHA-256 is " + sha + ", not " + entry.item().getSha256());
    }
    return bytes;
  }

  /** An item too large to hold in memory: hashed in a first pass, copied in a second. */
  private void addLarge(String path, SearchExportItem entry, boolean stored) throws IOException {
    MessageDigest sha = ZipPart.sha256();
    CRC32 crc = new CRC32();
    long size = 0;
    try (InputStream in = open(entry)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!hex.equals(entry.item().getSha256())) {
      throw new IOException(
          "the content's SHA-256 is " + hex + ", not " + entry.item().getSha256());
    }
    try (InputStream in = open(entry)) {
      String copied = part.add(path, in, size, crc.getValue(), stored);
      if (!copied.equals(hex)) {
        // The part now holds other bytes than were checked: write the part again.
        throw new IllegalStateException(
            "the content of " + entry.item().getId() + " changed as it was copied");
      }
    }
  }

  /** The item's extension, lower case: {@code eml} for a message of an mbox. */
  static String extension(SearchExportItem entry) {
    String location = entry.item().getLocation();
    if (entry.message() && location.indexOf('#') >= 0) {
      return "eml";
    }
    String name = ItemContent.fileName(location);
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1
        ? ""
        : ExportNames.safe(name.substring(dot + 1).toLowerCase(Locale.ROOT), 16);
  }

  /** The item's name: a message's subject, a document's file name. */
  static String fileName(SearchExportItem entry) {
    Item item = entry.item();
    if (entry.message() && item.getSubject() != null) {
      return item.getSubject();
    }
    return ItemContent.fileName(item.getLocation());
  }

  private static String displayName(SearchExportItem entry) {
    String name = fileName(entry);
    if (name.isEmpty()) {
      name = entry.item().getLocation();
    }
    return name.length() <= 200 ? name : name.substring(0, 200);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Ends the segment (and the ZIP part) being written: the checkpoint moves to nextIndex. */
  private void finishSegment(SearchExportState state, int nextIndex) throws IOException {
    int number = state.committed.segmentsDone() + 1;
    rows.close();
    rows = null;
    boolean withPart = part != null;
    if (withPart) {
      String name = settings.partName(state.committed.partsDone() + 1);
      String sha = part.finish();
      part = null;
      register(name, sha);
    }
    Files.move(
        rowsTemporary,
        work.resolve(segmentName(number)),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    state.segmentFinished(nextIndex, lastKey, withPart);
  }

  private void register(String name, String sha) throws IOException {
    exportFiles.put(
        ExportFile.of(
            caseId,
            operationId,
            name,
            Files.size(folder.resolve(name)),
            sha,
            folders.relativePath(caseId, operationId, name),
            Instant.now()));
  }

  private void finishExport(SearchExportState state) throws IOException {
    if (settings.report()) {
      writeReport(state);
    }
    OperationRun run = OperationRun.of(jobContext);
    run.doneWork(state.total);
    Outcome outcome = outcome(state, settings);
    run.conclude(outcome.status(), outcome.resultInfo());
  }

  /**
   * The item report, the segments' rows in order, and the summary, counting the rows of each source
   * as they pass.
   */
  private void writeReport(SearchExportState state) throws IOException {
    Map<String, long[]> reported = new LinkedHashMap<>();
    writeFile(
        settings.itemReportName(),
        SearchReport.CSV,
        printer -> {
          int source = SearchReport.COLUMNS.indexOf("Source");
          int size = SearchReport.COLUMNS.indexOf("Size");
          for (int number = 1; number <= state.committed.segmentsDone(); number++) {
            try (Reader in =
                    Files.newBufferedReader(
                        work.resolve(segmentName(number)), StandardCharsets.UTF_8);
                CSVParser parser =
                    SearchReport.CSV
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in)) {
              for (CSVRecord record : parser) {
                printer.printRecord(record.toList());
                long[] tally = reported.computeIfAbsent(record.get(source), k -> new long[2]);
                tally[0]++;
                tally[1] += Long.parseLong(record.get(size));
              }
            }
          }
        });
    writeFile(
        settings.summaryName(),
        SearchReport.SUMMARY,
        printer -> {
          for (SearchExportState.SourceSummary s : state.sources) {
            long[] tally = reported.getOrDefault(s.source(), new long[2]);
            printer.printRecord(
                s.custodian(),
                s.source(),
                s.sourceType(),
                Boolean.toString(s.responsive()),
                s.hits(),
                s.hitsSize(),
                s.unindexed(),
                s.unindexedSize(),
                Boolean.toString(s.selected()),
                tally[0],
                tally[1]);
          }
        });
  }

  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  /** Writes a report file to a temporary name, renames it when whole and registers it. */
  private void writeFile(String name, CSVFormat format, Rows content) throws IOException {
    Path temporary = work.resolve(name + ".tmp");
    MessageDigest sha = ZipPart.sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format)) {
      content.print(printer);
    }
    Files.move(
        temporary,
        folder.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    register(name, HexFormat.of().formatHex(sha.digest()));
  }

  static Outcome outcome(SearchExportState state, SearchExportSettings settings) {
    int parts = state.committed.partsDone();
    StringBuilder message = new StringBuilder();
    if (settings.natives()) {
      message.append(
          String.format(
              Locale.ROOT,
              "Exported %d of %d %s in %d ZIP %s",
              state.exported,
              state.items,
              state.items == 1 ? "item" : "items",
              parts,
              parts == 1 ? "part" : "parts"));
      message.append(
          settings.report()
              ? ", with " + settings.itemReportName() + " and " + settings.summaryName() + "."
              : ".");
    } else {
      message.append(
          String.format(
              Locale.ROOT,
              "Reported %d %s from %d %s in %s, with %s.",
              state.items,
              state.items == 1 ? "item" : "items",
              state.sources.stream().filter(SearchExportState.SourceSummary::selected).count(),
              state.sources.stream().filter(SearchExportState.SourceSummary::selected).count() == 1
                  ? "source"
                  : "sources",
              settings.itemReportName(),
              settings.summaryName()));
    }
    if (state.failures > 0) {
      String names = "'" + String.join("', '", state.failed) + "'";
      if (state.failures > state.failed.size()) {
        names += " and " + (state.failures - state.failed.size()) + " more";
      }
      message.append(
          String.format(
              Locale.ROOT,
              " %d %s could not be exported (content unreadable, gone from its source or not"
                  + " matching the catalog's SHA-256): %s.",
              state.failures,
              state.failures == 1 ? "item" : "items",
              names));
      return Outcome.partiallySucceeded(message.toString());
    }
    return Outcome.succeeded(message.toString());
  }

  @Override
  public void close() throws Exception {
    if (rows != null) {
      try {
        rows.close();
      } catch (IOException ignored) {
        // The rows of an unfinished segment are written again.
      }
    }
    if (part != null) {
      part.close();
    }
  }
}
