package org.caseops.batch.contentexport;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;
import org.caseops.domain.reviewsets.ReviewSetItem;

/**
 * Writes the production: each document's native (from the case's content store, its SHA-256 checked
 * against the catalog's as it is read), its text (extracted again, UTF-8) and its load-file row
 * into the current ZIP part; a part that would grow past {@code partSize} bytes is finished
 * (renamed from its temporary file, registered as an export file) and the next begins. After the
 * last document, the load files are written beside the parts from the rows kept per part, and the
 * operation's result is concluded. A restart begins again with the part that was not finished: its
 * temporary file and rows are discarded and written anew.
 *
 * <p>Already-compressed natives (PDF, ZIP, Office Open XML, images, audio, video) are stored, the
 * others deflated.
 */
@Dependent
@Named
public class ExportPartWriter extends AbstractItemWriter {
  private static final Logger LOG = Logger.getLogger(ExportPartWriter.class.getName());
  static final String WORK = ".work";
  static final long DEFAULT_PART_SIZE = 4L * 1024 * 1024 * 1024;

  private static final Set<String> COMPRESSED =
      Set.of(
          "pdf", "zip", "gz", "tgz", "7z", "rar", "bz2", "xz", "docx", "docm", "dotx", "xlsx",
          "xlsm", "xltx", "pptx", "pptm", "potx", "ppsx", "vsdx", "odt", "ods", "odp", "epub",
          "jar", "jpg", "jpeg", "png", "gif", "webp", "heic", "tif", "tiff", "mp3", "m4a", "aac",
          "ogg", "oga", "opus", "flac", "wma", "mp4", "m4v", "mov", "avi", "mkv", "webm", "wmv");

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
  @Inject @BatchProperty String maxItemBytes;
  @Inject @BatchProperty String textLimit;

  private ExportSettings settings;
  private String caseId;
  private String operationId;
  private Path folder;
  private Path work;
  private long partLimit;
  private long maxBytes;
  private int maxText;
  private ZipPart part;
  private Path rowsTemporary;
  private CSVPrinter rows;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    caseId = run.caseId();
    operationId = run.operationId();
    settings = ExportSettings.of(operations.find(operationId).orElseThrow());
    partLimit = number(partSize, DEFAULT_PART_SIZE);
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
        if (name.endsWith(".tmp") || (name.startsWith("rows-") && partNumber(name) > partsDone)) {
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
          finishPart(state, state.total);
        }
        finishExport(state);
      } else {
        write(state, doc);
      }
    }
  }

  private void write(ExportState state, ExportDocument doc) throws IOException {
    ReviewSetItem file = doc.file();
    if (part != null && part.entries() > 0 && part.written() + file.getSize() > partLimit) {
      finishPart(state, doc.index());
    }
    if (part == null) {
      startPart(state.committed.partsDone() + 1);
    }
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
          if (bytes != null) {
            part.add(path, new ByteArrayInputStream(bytes), bytes.length, crc(bytes), stored(file));
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
    if (bytes != null && (settings.text() || "email".equals(file.getKind()))) {
      Extraction extraction =
          extractor.extract(bytes, fileName(file), "email".equals(file.getKind()), maxText);
      if (extraction.bcc() != null) {
        bcc = extraction.bcc();
      }
      if (settings.text() && extraction.text() != null) {
        textPath = "text/" + doc.docId() + ".txt";
        part.add(textPath, extraction.text().getBytes(StandardCharsets.UTF_8));
      }
    }
    String pdfPath = "";
    String begBates = "";
    String endBates = "";
    if (settings.pdf() && verified) {
      byte[] pdf = pdfOf(file);
      BatesStamper.Stamped stamped = null;
      if (pdf != null) {
        try {
          stamped = BatesStamper.stamp(pdf, state.batesPrefix, state.nextBates);
        } catch (IOException e) {
          LOG.log(Level.FINE, () -> "the PDF of " + file.getId() + " cannot be stamped: " + e);
        }
      }
      if (stamped == null) {
        state.noPdf(displayName(file));
        recordFailure(
            doc.docId(),
            file,
            "exported without a PDF: it could not be rendered or its rendition stamped");
      } else {
        pdfPath = "pdf/" + doc.docId() + ".pdf";
        byte[] stampedPdf = stamped.pdf();
        part.add(
            pdfPath,
            new ByteArrayInputStream(stampedPdf),
            stampedPdf.length,
            crc(stampedPdf),
            true);
        begBates = BatesStamper.number(state.batesPrefix, stamped.first());
        endBates = BatesStamper.number(state.batesPrefix, stamped.last());
        state.nextBates = stamped.last() + 1;
      }
    }
    String cc = doc.item() == null ? null : doc.item().getCc();
    rows.printRecord(
        doc.docId(),
        begBates,
        endBates,
        doc.custodian(),
        doc.source(),
        file.getLocation(),
        nz(file.getFrom()),
        nz(file.getTo()),
        nz(cc),
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
        pdfPath);
    state.documents++;
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
   * for the file; null when none can be made.
   */
  private byte[] pdfOf(ReviewSetItem file) throws IOException {
    PdfRendition rendition =
        renditions
            .find(file.getId())
            .filter(r -> r.isCurrentFor(file, PdfRenderer.VERSION))
            .orElse(null);
    if (rendition == null) {
      try {
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
      } catch (FileRenderer.NotRenderableException e) {
        LOG.log(Level.FINE, () -> "file " + file.getId() + " cannot be rendered: " + e);
        return null;
      }
    }
    Optional<InputStream> in = store.open(caseId, rendition.getPdfSha256());
    if (in.isEmpty()) {
      return null;
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

  private static long crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private boolean stored(ReviewSetItem file) {
    String type =
        file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
    return COMPRESSED.contains(extension(file))
        || type.startsWith("image/")
        || type.startsWith("audio/")
        || type.startsWith("video/")
        || type.equals("application/pdf")
        || type.equals("application/zip");
  }

  private String nativePath(ExportDocument doc, String extension) {
    ReviewSetItem file = doc.file();
    StringBuilder path = new StringBuilder("natives/");
    if (settings.folderAndPath()) {
      path.append(ExportSettings.safe(doc.source(), 120)).append('/');
      String location = file.getLocation();
      int hash = location.indexOf('#');
      String inSource = hash >= 0 ? location.substring(0, hash) : location;
      String[] segments = inSource.split("/");
      int from = settings.condensePaths() ? Math.max(0, segments.length - 2) : 0;
      for (int i = from; i < segments.length - 1; i++) {
        String segment = ExportSettings.safe(segments[i], 120);
        if (!segment.isEmpty()) {
          path.append(segment).append('/');
        }
      }
    }
    path.append(doc.docId());
    if (settings.friendlyName()) {
      String name = ExportSettings.safe(fileName(file), 120);
      String suffix = "." + extension;
      if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
      }
      if (!name.isEmpty()) {
        path.append('_').append(name);
      }
    }
    if (!extension.isEmpty()) {
      path.append('.').append(extension);
    }
    return path.toString();
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
    part = new ZipPart(work.resolve(name + ".tmp"), folder.resolve(name));
    rowsTemporary = work.resolve(String.format(Locale.ROOT, "rows-%05d.csv.tmp", number));
    rows =
        LoadFile.printer(
            new OutputStreamWriter(Files.newOutputStream(rowsTemporary), StandardCharsets.UTF_8),
            LoadFile.CSV);
  }

  private void finishPart(ExportState state, int nextIndex) throws IOException {
    int number = state.committed.partsDone() + 1;
    String name = settings.partName(number);
    rows.close();
    rows = null;
    String sha = part.finish();
    part = null;
    Files.move(
        rowsTemporary,
        work.resolve(String.format(Locale.ROOT, "rows-%05d.csv", number)),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    register(name, sha);
    state.partFinished(nextIndex);
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
    List<List<String>> all = new ArrayList<>();
    for (int number = 1; number <= parts; number++) {
      Path rowsFile = work.resolve(String.format(Locale.ROOT, "rows-%05d.csv", number));
      try (Reader in = Files.newBufferedReader(rowsFile, StandardCharsets.UTF_8)) {
        all.addAll(LoadFile.read(in, LoadFile.CSV));
      }
    }
    writeLoadFile("loadfile.csv", LoadFile.CSV, all);
    writeLoadFile("loadfile.dat", LoadFile.DAT, all);
    long first = state.committed.batesFirst();
    if (state.nextBates > first) {
      exportFiles.recordBates(
          BatesRange.of(caseId, operationId, state.batesPrefix, first, state.nextBates - 1));
    }
    OperationRun.of(jobContext).doneWork(state.total);
    OperationRun.of(jobContext)
        .conclude(outcome(state, parts).status(), outcome(state, parts).resultInfo());
  }

  private void writeLoadFile(String name, CSVFormat format, List<List<String>> rowsOfAll)
      throws IOException {
    Path temporary = work.resolve(name + ".tmp");
    MessageDigest sha = ZipPart.sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = LoadFile.printer(writer, format)) {
      for (List<String> row : rowsOfAll) {
        printer.printRecord(row);
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
                "Exported %d %s in %d ZIP %s, with loadfile.csv and loadfile.dat.",
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
              names(state.missingPdf, state.withoutPdf)));
    }
    return state.failures > 0 || state.withoutPdf > 0
        ? Outcome.partiallySucceeded(message.toString())
        : Outcome.succeeded(message.toString());
  }

  private static String names(List<String> kept, long count) {
    String joined = "'" + String.join("', '", kept) + "'";
    return count > kept.size() ? joined + " and " + (count - kept.size()) + " more" : joined;
  }

  @Override
  public void close() throws Exception {
    if (rows != null) {
      try {
        rows.close();
      } catch (IOException ignored) {
        // The rows of an unfinished part are written again.
      }
    }
    if (part != null) {
      part.close();
    }
  }
}
