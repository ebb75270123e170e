package org.caseops.batch.contentexport;

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
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseops.batch.Outcome;
import org.caseops.batch.extraction.Extraction;
import org.caseops.batch.extraction.TextExtractor;
import org.caseops.batch.operations.OperationRun;
import org.caseops.batch.pdf.FileRenderer;
import org.caseops.batch.pdf.PdfRenderer;
import org.caseops.domain.exports.BatesRange;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.exports.ExportFolders;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.persistence.config.CaseopsConfig;

/**
 * Writes the production: each document's native (from the case's content store, its SHA-256 checked
 * against the catalog's as it is read), its text (extracted again, UTF-8) and its load-file row
 * into the current ZIP part; a part that would grow past {@code partSize} bytes, or that holds
 * {@code partEntries} entries (a ZIP writer keeps every entry of a part until it writes the part's
 * central directory, so this bounds the memory a part takes), is finished (renamed from its
 * temporary file, registered as an export file) and the next begins. After the last document, the
 * load files are written from the rows kept per part, beside the parts and at the root of the first
 * part: the first part's documents are written to a ZIP in the work folder while the export runs
 * (its body), and at the end the load files are appended to it and it is renamed to the first part
 * ({@link FirstPart}). Then the operation's result is concluded. A restart begins again with the
 * part that was not finished: its temporary file and rows are discarded and written anew.
 *
 * <p>Already-compressed natives (PDF, ZIP, Office Open XML, images, audio, video) are stored, the
 * others deflated.
 */
@Dependent
@Named
public class ExportPartWriter extends AbstractItemWriter {
  private static final Logger LOG = Logger.getLogger(ExportPartWriter.class.getName());
  static final String WORK = ".work";

  /** The first part's documents, in the work folder, until the first part is written at the end. */
  static final String FIRST_BODY = "part00001-body.zip";

  /**
   * The first part's body's own central directory, kept while the load files are appended to the
   * body, so that an interrupted append can be undone ({@link FirstPart#restore}).
   */
  static final String FIRST_TAIL = "part00001-body.tail";

  /** The load files, in the order they stand at the root of the first part. */
  static final List<String> LOAD_FILES = List.of("loadfile.csv", "loadfile.dat");

  /** At most this many entries in a part: what a ZIP without ZIP64 records can count. */
  static final long DEFAULT_PART_ENTRIES = 65_535;

  @Inject JobContext jobContext;
  @Inject StepContext stepContext;
  @Inject CaseOperationRepository operations;
  @Inject ContentStore store;
  @Inject ExportFolders folders;
  @Inject ExportFileRepository exportFiles;
  @Inject TextExtractor extractor;
  @Inject PdfRenditionRepository renditions;
  @Inject FileRenderer renderer;
  @Inject ItemFailureRepository failures;

  @Inject @BatchProperty String partSize;
  @Inject @BatchProperty String partEntries;
  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String textLimit;

  private ExportSettings settings;
  private long entryTime;
  private String caseId;
  private String operationId;
  private Path folder;
  private Path work;
  private long partLimit;
  private long entryLimit;
  private long maxBytes;
  private int maxText;
  private ZipPart part;

  /** The SHA-256 state of the first part's body's entries, when it was finished by this writer. */
  private ZipPart.Prefix firstBodyDigest;

  /** Whether {@link #part} is the first part's body. */
  private boolean firstPart;

  /** Whether the document being written is due in the next part, once it adds an entry. */
  private boolean cutPending;

  /** The part's load-file rows as they will stand in loadfile.csv and loadfile.dat. */
  private final RowFile[] rows = new RowFile[2];

  private static final String[] ROW_SUFFIX = {"csv", "dat"};
  private static final CSVFormat[] ROW_FORMAT = {LoadFile.CSV, LoadFile.DAT};

  /** A load-file row being formatted. */
  private final StringBuilder line = new StringBuilder(2048);

  /**
   * One file of a part's rows being written: its temporary name, its printer (which wrote the
   * header row) and the bytes under it, where the rows are written already encoded.
   */
  private record RowFile(Path temporary, Path target, CSVPrinter printer, OutputStream bytes) {}

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    caseId = run.caseId();
    operationId = run.operationId();
    CaseOperation operation = operations.find(operationId).orElseThrow();
    settings = ExportSettings.of(operation);
    // Entries are dated when the export was asked for: a part written again is the same.
    entryTime = operation.getCreatedDateTime().toEpochMilli();
    // The job parameter partSize, else the server's setting caseops.export.part.size.
    partLimit = number(partSize, CaseopsConfig.current().exportPartSize());
    entryLimit = number(partEntries, DEFAULT_PART_ENTRIES);
    maxBytes = number(maxItemBytes, 52_428_800L);
    maxText = (int) number(textLimit, 10_000_000L);
    folder = folders.folder(caseId, operationId);
    work = folder.resolve(WORK);
    Files.createDirectories(work);
    int partsDone = ExportState.of(stepContext).committed.partsDone();
    // What a failed execution left: the part it was writing, and anything after the checkpoint.
    try (Stream<Path> files = Files.list(work)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp")
            || (name.startsWith("rows-") && partNumber(name) > partsDone)
            || ((name.equals(FIRST_BODY) || name.equals(FIRST_TAIL)) && partsDone == 0)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static long number(String value, long fallback) {
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }

  private static int partNumber(String rowsName) {
    try {
      return Integer.parseInt(rowsName.substring(5, rowsName.indexOf('.')));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }

  @Override
  public void writeItems(List<Object> items) throws Exception {
    ExportState state = ExportState.of(stepContext);
    for (Object item : items) {
      ExportDocument doc = (ExportDocument) item;
      if (doc.isEnd()) {
        if (part != null) {
          finishPart(state, state.total, null);
        }
        finishExport(state);
      } else {
        write(state, doc);
        // The files written so far, for the operation's percentProgress after the chunk.
        OperationRun.of(jobContext).doneWork(doc.index() + 1L);
      }
    }
  }

  private void write(ExportState state, ExportDocument doc) throws IOException {
    ReviewSetItem file = doc.file();
    // A document's entries (native, text, PDF: three at most) stay in one part. The part is
    // finished
    // before the document's first entry, not before the document: one that adds no entry (its
    // native unreadable) keeps its row in the part, and never starts a part of its own that would
    // stay empty.
    cutPending =
        part != null
            && part.entries() > 0
            && (part.written() + file.getSize() > partLimit
                || part.entries() + 3 > entryLimit - (firstPart ? LOAD_FILES.size() : 0));
    String extension = extension(file);
    String nativePath = "";
    String textPath = "";
    String bcc = "";
    byte[] bytes = null;
    boolean verified = false;
    if (settings.natives() || settings.text() || settings.pdf() || "email".equals(file.getKind())) {
      try {
        bytes = file.getSize() <= maxBytes ? read(file) : null;
        if (settings.natives()) {
          String path = nativePath(doc, extension);
          place(state, doc);
          if (bytes != null) {
            part.add(path, bytes, stored(file));
          } else {
            addLarge(path, file);
          }
          nativePath = path;
        } else if (bytes == null) {
          verifyLarge(file);
        }
        verified = true;
      } catch (IOException e) {
        LOG.log(Level.FINE, () -> "file " + file.getId() + " cannot be exported: " + e);
        state.failed(displayName(file));
        recordFailure(doc.docId(), file, "left out of the parts: " + e.getMessage());
        bytes = null;
      }
    }
    if (bytes != null
        && !settings.text()
        && "email".equals(file.getKind())
        && TextExtractor.hasBccField(bytes)) {
      // The catalog does not keep a message's Bcc: without text, it is read from the message's
      // header block when there is one (the extractor, made on first use, only then).
      String found = extractor.bcc(bytes, fileName(file));
      if (found != null) {
        bcc = found;
      }
    }
    if (bytes != null && settings.text()) {
      Extraction extraction =
          extractor.extract(bytes, fileName(file), "email".equals(file.getKind()), maxText);
      if (extraction.bcc() != null) {
        bcc = extraction.bcc();
      }
      if (extraction.text() != null) {
        textPath = "text/" + doc.docId() + ".txt";
        place(state, doc);
        part.add(textPath, extraction.text().getBytes(StandardCharsets.UTF_8));
      }
    }
    String pdfPath = "";
    String begBates = "";
    String endBates = "";
    if (settings.pdf() && verified) {
      BatesStamper.Stamped stamped = null;
      String why = null;
      try {
        byte[] pdf = pdfOf(file);
        try {
          stamped = BatesStamper.stamp(pdf, state.batesPrefix, state.nextBates);
        } catch (IOException e) {
          LOG.log(Level.FINE, () -> "the PDF of " + file.getId() + " cannot be stamped: " + e);
          why = "its PDF cannot be stamped: " + e.getMessage();
        }
      } catch (FileRenderer.NotRenderableException e) {
        LOG.log(Level.FINE, () -> "file " + file.getId() + " cannot be rendered: " + e);
        why = e.getMessage();
      }
      if (stamped == null) {
        state.noPdf("'" + displayName(file) + "' (" + why + ")");
        recordFailure(doc.docId(), file, "exported without a PDF: " + why);
      } else {
        pdfPath = "pdf/" + doc.docId() + ".pdf";
        byte[] stampedPdf = stamped.pdf();
        place(state, doc);
        part.add(pdfPath, stampedPdf, true);
        begBates = BatesStamper.number(state.batesPrefix, stamped.first());
        endBates = BatesStamper.number(state.batesPrefix, stamped.last());
        state.nextBates = stamped.last() + 1;
      }
    }
    String[] row = {
      doc.docId(),
      begBates,
      endBates,
      doc.custodian(),
      doc.source(),
      file.getLocation(),
      nz(file.getFrom()),
      nz(file.getTo()),
      nz(doc.cc()),
      bcc,
      nz(file.getSubject()),
      file.getSentDateTime() == null ? "" : file.getSentDateTime().toString(),
      fileName(file),
      extension,
      Long.toString(file.getSize()),
      file.getSha256(),
      settings.tags() ? doc.tags() : "",
      nativePath,
      textPath,
      pdfPath
    };
    cutPending = false;
    if (part == null) {
      startPart(state.committed.partsDone() + 1);
    }
    // Each row is formatted in memory and written in one piece, encoded by String.getBytes: a
    // writer's encoder took the slow path for every row of loadfile.dat (its þ qualifier is not
    // ASCII).
    line.setLength(0);
    LoadFile.appendCsvRow(line, row);
    rows[0].bytes().write(line.toString().getBytes(StandardCharsets.UTF_8));
    line.setLength(0);
    LoadFile.appendDatRow(line, row);
    rows[1].bytes().write(line.toString().getBytes(StandardCharsets.UTF_8));
    state.documents++;
  }

  /**
   * Makes the part ready for the document's next entry: finishes the current part first when the
   * document is due in the next one ({@link #cutPending}), and starts a part when none is open.
   */
  private void place(ExportState state, ExportDocument doc) throws IOException {
    if (cutPending) {
      cutPending = false;
      finishPart(state, doc.index(), doc);
    }
    if (part == null) {
      startPart(state.committed.partsDone() + 1);
    }
  }

  /** The native's bytes, checked against the catalog's SHA-256. */
  private byte[] read(ReviewSetItem file) throws IOException {
    byte[] bytes;
    try (InputStream in = open(file)) {
      bytes = in.readAllBytes();
    }
    String sha = HexFormat.of().formatHex(ZipPart.sha256().digest(bytes));
    if (!sha.equals(file.getSha256())) {
      throw new IOException("the content's SHA-256 is " + sha + ", not " + file.getSha256());
    }
    return bytes;
  }

  /**
   * The file's PDF rendition: its current one, or one made now (convertToPdf's renderer) and kept
   * for the file.
   *
   * @throws FileRenderer.NotRenderableException when none can be made, saying why
   */
  private byte[] pdfOf(ReviewSetItem file) throws IOException, FileRenderer.NotRenderableException {
    PdfRendition rendition =
        renditions
            .find(file.getId())
            .filter(r -> r.isCurrentFor(file, PdfRenderer.VERSION))
            .orElse(null);
    if (rendition == null) {
      FileRenderer.Stored stored = renderer.renderAndStore(caseId, file, maxBytes, maxText);
      rendition =
          PdfRendition.of(
              file,
              stored.sha256(),
              stored.size(),
              stored.pages(),
              PdfRenderer.VERSION,
              stored.replacedCharacters(),
              operationId,
              Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
      renditions.saveAll(List.of(rendition));
    }
    Optional<InputStream> in = store.open(caseId, rendition.getPdfSha256());
    if (in.isEmpty()) {
      throw new FileRenderer.NotRenderableException(
          "its PDF rendition is no longer in the case's content store", null);
    }
    try (InputStream pdf = in.get()) {
      return pdf.readAllBytes();
    }
  }

  /** Checks a large native's SHA-256 without copying it. */
  private void verifyLarge(ReviewSetItem file) throws IOException {
    MessageDigest sha = ZipPart.sha256();
    try (InputStream in = open(file)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!hex.equals(file.getSha256())) {
      throw new IOException("the content's SHA-256 is " + hex + ", not " + file.getSha256());
    }
  }

  /** A native too large to hold in memory: hashed in a first pass, copied in a second. */
  private void addLarge(String path, ReviewSetItem file) throws IOException {
    MessageDigest sha = ZipPart.sha256();
    CRC32 crc = new CRC32();
    long size = 0;
    try (InputStream in = open(file)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    String hex = HexFormat.of().formatHex(sha.digest());
    if (!hex.equals(file.getSha256())) {
      throw new IOException("the content's SHA-256 is " + hex + ", not " + file.getSha256());
    }
    try (InputStream in = open(file)) {
      String copied = part.add(path, in, size, crc.getValue(), stored(file));
      if (!copied.equals(hex)) {
        // The part now holds other bytes than were checked: write the part again.
        throw new IllegalStateException(
            "the content of " + file.getId() + " changed as it was copied");
      }
    }
  }

  private InputStream open(ReviewSetItem file) throws IOException {
    Optional<InputStream> in = store.open(caseId, file.getSha256());
    return in.orElseThrow(() -> new IOException("the case's content store does not hold it"));
  }

  private boolean stored(ReviewSetItem file) {
    return ZipPart.alreadyCompressed(extension(file), file.getContentType());
  }

  private String nativePath(ExportDocument doc, String extension) {
    return ExportNames.nativePath(
        doc.docId(),
        doc.source(),
        doc.file().getLocation(),
        fileName(doc.file()),
        extension,
        settings.folderAndPath(),
        settings.condensePaths(),
        settings.friendlyName());
  }

  /** The file's extension, lower case: {@code eml} for messages. */
  static String extension(ReviewSetItem file) {
    if ("email".equals(file.getKind())) {
      return "eml";
    }
    String name = fileName(file);
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1
        ? ""
        : ExportSettings.safe(name.substring(dot + 1).toLowerCase(Locale.ROOT), 16);
  }

  /** The file's name: a document's file name, a message's subject. */
  static String fileName(ReviewSetItem file) {
    if (!"email".equals(file.getKind())) {
      String location = file.getLocation();
      int hash = location.indexOf('#');
      String path = hash >= 0 ? location.substring(0, hash) : location;
      return path.substring(path.lastIndexOf('/') + 1);
    }
    return file.getName() == null ? "" : file.getName();
  }

  /** Records a file among the operation's failed items, in the chunk's transaction. */
  private void recordFailure(String docId, ReviewSetItem file, String reason) {
    failures.record(
        List.of(
            ItemFailure.of(
                operationId,
                caseId,
                stepContext.getStepName(),
                docId + " " + displayName(file),
                reason,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS))));
  }

  private static String displayName(ReviewSetItem file) {
    String name = file.getName() == null ? file.getLocation() : file.getName();
    return name.length() <= 200 ? name : name.substring(0, 200);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private void startPart(int number) throws IOException {
    String name = settings.partName(number);
    firstPart = number == 1;
    Path zipFile = firstPart ? work.resolve(FIRST_BODY) : folder.resolve(name);
    // The first part's body is hashed too: its entries' hash is where the first part's begins.
    part = new ZipPart(work.resolve(zipFile.getFileName() + ".tmp"), zipFile, entryTime, true);
    for (int i = 0; i < rows.length; i++) {
      Path target = rowsFile(number, ROW_SUFFIX[i]);
      Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
      OutputStream bytes =
          new java.io.BufferedOutputStream(Files.newOutputStream(temporary), 65536);
      CSVPrinter printer =
          LoadFile.printer(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), ROW_FORMAT[i]);
      // The header row reaches the bytes before any row is written under the printer.
      printer.flush();
      rows[i] = new RowFile(temporary, target, printer, bytes);
    }
  }

  private Path rowsFile(int number, String suffix) {
    return work.resolve(String.format(Locale.ROOT, "rows-%05d.%s", number, suffix));
  }

  private void finishPart(ExportState state, int nextIndex, ExportDocument next)
      throws IOException {
    int number = state.committed.partsDone() + 1;
    String name = settings.partName(number);
    for (RowFile r : rows) {
      r.printer().close();
    }
    String sha = part.finish();
    if (number == 1) {
      firstBodyDigest = part.entriesDigest();
    }
    part = null;
    for (int i = 0; i < rows.length; i++) {
      Files.move(
          rows[i].temporary(),
          rows[i].target(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      rows[i] = null;
    }
    if (number > 1) {
      register(name, sha);
    }
    state.partFinished(nextIndex, next);
  }

  private void register(String name, String sha) throws IOException {
    Path file = folder.resolve(name);
    exportFiles.put(
        ExportFile.of(
            caseId,
            operationId,
            name,
            Files.size(file),
            sha,
            folders.relativePath(caseId, operationId, name),
            Instant.now()));
  }

  private void finishExport(ExportState state) throws IOException {
    int parts = state.committed.partsDone();
    writeLoadFile("loadfile.csv", "csv", parts);
    writeLoadFile("loadfile.dat", "dat", parts);
    parts = writeFirstPart(parts);
    long first = state.committed.batesFirst();
    if (state.nextBates > first) {
      exportFiles.recordBates(
          BatesRange.of(caseId, operationId, state.batesPrefix, first, state.nextBates - 1));
    }
    OperationRun.of(jobContext).doneWork(state.total);
    OperationRun.of(jobContext)
        .conclude(outcome(state, parts).status(), outcome(state, parts).resultInfo());
  }

  /**
   * Writes the first part from the load files and the first part's body, and registers it (and the
   * part after the last, when documents of the first part did not fit beside the load files);
   * returns the number of parts. The load files are appended to the body, which becomes the first
   * part without its entries being copied ({@link FirstPart#append}); only when they do not fit
   * beside all of the body's documents within the part size (or the part would need ZIP64 records)
   * is the first part copied from the body and the documents that do not fit moved to one more part
   * ({@link FirstPart#assemble}). Run again after a restart, it first puts back a body whose append
   * was interrupted, then writes the same parts; once the body is gone, the parts it made are only
   * registered again.
   */
  private int writeFirstPart(int parts) throws IOException {
    Path body = work.resolve(FIRST_BODY);
    Path first = folder.resolve(settings.partName(1));
    Path overflow = folder.resolve(settings.partName(Math.max(parts, 1) + 1));
    Path tail = work.resolve(FIRST_TAIL);
    List<FirstPart.Written> written;
    if (parts == 0 || Files.exists(body)) {
      java.util.Map<String, Path> root = new java.util.LinkedHashMap<>();
      for (String name : LOAD_FILES) {
        root.put(name, folder.resolve(name));
      }
      FirstPart.Written appended = null;
      if (parts > 0) {
        FirstPart.restore(body, tail);
        appended =
            FirstPart.append(body, tail, root, work, first, partLimit, entryTime, firstBodyDigest);
      }
      written =
          appended != null
              ? List.of(appended)
              : FirstPart.assemble(
                  parts == 0 ? null : body, root, work, first, overflow, partLimit, entryTime);
    } else {
      // A restart after the first part was written and its body removed.
      written = new java.util.ArrayList<>();
      for (Path p : Files.exists(overflow) ? List.of(first, overflow) : List.of(first)) {
        written.add(new FirstPart.Written(p, sha256Of(p), Files.size(p)));
      }
    }
    for (FirstPart.Written w : written) {
      register(w.file().getFileName().toString(), w.sha256());
    }
    Files.deleteIfExists(body);
    Files.deleteIfExists(tail);
    return Math.max(parts, 1) + written.size() - 1;
  }

  private static String sha256Of(Path file) throws IOException {
    MessageDigest sha = ZipPart.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Writes a load file from the rows kept per part, already in its format: the first part's file
   * whole, the others without their header row (one line: the column names hold no line break), so
   * that neither the rows' count nor their parsing weighs on the job.
   */
  private void writeLoadFile(String name, String suffix, int parts) throws IOException {
    Path temporary = work.resolve(name + ".tmp");
    MessageDigest sha = ZipPart.sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha)) {
      if (parts == 0) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter header =
                LoadFile.printer(writer, "csv".equals(suffix) ? LoadFile.CSV : LoadFile.DAT)) {
          header.flush();
        }
      }
      for (int number = 1; number <= parts; number++) {
        try (InputStream in =
            new java.io.BufferedInputStream(Files.newInputStream(rowsFile(number, suffix)))) {
          if (number > 1) {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
              // The header row, written once.
            }
          }
          in.transferTo(out);
        }
      }
    }
    Files.move(
        temporary,
        folder.resolve(name),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    register(name, HexFormat.of().formatHex(sha.digest()));
  }

  static Outcome outcome(ExportState state, int parts) {
    StringBuilder message =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Exported %d %s in %d ZIP %s, with loadfile.csv and loadfile.dat at the root of the"
                    + " first.",
                state.documents,
                state.documents == 1 ? "file" : "files",
                parts,
                parts == 1 ? "part" : "parts"));
    if (state.nextBates > state.committed.batesFirst()) {
      message.append(
          String.format(
              Locale.ROOT,
              " PDF pages are numbered %s to %s.",
              BatesStamper.number(state.batesPrefix, state.committed.batesFirst()),
              BatesStamper.number(state.batesPrefix, state.nextBates - 1)));
    }
    if (state.failures > 0) {
      message.append(
          String.format(
              Locale.ROOT,
              " %d %s could not be exported (content unreadable or not matching the catalog's"
                  + " SHA-256): %s.",
              state.failures,
              state.failures == 1 ? "file" : "files",
              names(state.failed, state.failures)));
    }
    if (state.withoutPdf > 0) {
      message.append(
          String.format(
              Locale.ROOT,
              " %d %s could not be rendered or stamped as PDF and are exported without one: %s.",
              state.withoutPdf,
              state.withoutPdf == 1 ? "file" : "files",
              listed(state.missingPdf, state.withoutPdf)));
    }
    return state.failures > 0 || state.withoutPdf > 0
        ? Outcome.partiallySucceeded(message.toString())
        : Outcome.succeeded(message.toString());
  }

  private static String names(List<String> kept, long count) {
    String joined = "'" + String.join("', '", kept) + "'";
    return count > kept.size() ? joined + " and " + (count - kept.size()) + " more" : joined;
  }

  /** Entries written already ({@code 'name' (why)}), joined. */
  private static String listed(List<String> kept, long count) {
    String joined = String.join(", ", kept);
    return count > kept.size() ? joined + " and " + (count - kept.size()) + " more" : joined;
  }

  @Override
  public void close() throws Exception {
    for (RowFile r : rows) {
      if (r != null) {
        try {
          r.printer().close();
        } catch (IOException ignored) {
          // The rows of an unfinished part are written again.
        }
      }
    }
    if (part != null) {
      part.close();
    }
  }
}
