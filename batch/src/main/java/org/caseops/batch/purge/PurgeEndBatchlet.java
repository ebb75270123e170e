package org.caseops.batch.purge;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.caseops.batch.Outcome;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;
import org.caseops.domain.exports.ExportFolders;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.purge.PurgeRepository;
import org.caseops.domain.purge.PurgedItem;
import org.caseops.domain.searches.SearchRepository;

/**
 * Ends a purge: writes its report ({@value #REPORT}: one row per item purged or skipped, with its
 * source, location, SHA-256, size, outcome and reason; RFC 4180, UTF-8, a header row), registers it
 * as a file of the operation (listed as {@code reportFileMetadata}, downloaded as export files
 * are), and sums the records up: the operation succeeds when nothing was skipped, and partially
 * succeeds otherwise, saying how many items were skipped and why. Everything comes from the
 * records, so the result is the same however often the work was restarted.
 */
@Dependent
@Named
public class PurgeEndBatchlet extends AbstractBatchlet {
  static final String REPORT = "purge-report.csv";
  private static final int PAGE = 1000;

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;
  @Inject PurgeRepository purges;
  @Inject ExportFileRepository files;
  @Inject ExportFolders folders;

  @Override
  public String process() throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    PurgeTarget target =
        PurgeTarget.of(operations.find(run.operationId()).orElseThrow(), searches, custodians);
    Map<String, Long> skippedBy = new TreeMap<>();
    long purged = writeReport(run, target.sources(), skippedBy);
    long skipped = skippedBy.values().stream().mapToLong(Long::longValue).sum();
    String done =
        "Purged "
            + count(purged, "item")
            + (target.permanent()
                ? ", permanently deleted"
                : ", kept in the case's recoverable store (restore with caseops.restore)");
    Outcome outcome;
    if (skipped == 0) {
      outcome = Outcome.succeeded(done + ".");
    } else {
      StringBuilder why = new StringBuilder();
      skippedBy.forEach(
          (reason, n) ->
              why.append(why.length() == 0 ? "" : "; ").append(n).append(" ").append(reason));
      outcome =
          Outcome.partiallySucceeded(
              done + "; skipped " + count(skipped, "item") + ": " + why + ".");
    }
    run.conclude(outcome.status(), outcome.resultInfo());
    return outcome.exitStatus();
  }

  /** Writes the report whole, then renames it into place; returns how many items were purged. */
  private long writeReport(
      OperationRun run, Map<String, CustodianSource> sources, Map<String, Long> skippedBy)
      throws IOException {
    Path folder = folders.folder(run.caseId(), run.operationId());
    Files.createDirectories(folder);
    Path file = folder.resolve(REPORT);
    Path temp = folder.resolve(REPORT + ".tmp");
    MessageDigest digest = Purger.sha256Digest();
    long purged = 0;
    try (FileChannel channel =
            FileChannel.open(
                temp,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv =
            CSVFormat.RFC4180
                .builder()
                .setHeader(
                    "Outcome",
                    "Source",
                    "SourceId",
                    "Location",
                    "SHA256",
                    "Size",
                    "Reason",
                    "ItemId")
                .get()
                .print(writer)) {
      String after = null;
      while (true) {
        List<PurgedItem> page = purges.listOfOperation(run.operationId(), after, PAGE);
        for (PurgedItem p : page) {
          CustodianSource source = sources.get(p.getSourceId());
          csv.printRecord(
              p.getOutcome(),
              source == null ? "" : source.getDisplayName(),
              p.getSourceId(),
              p.getLocation(),
              p.getSha256(),
              p.getSize(),
              p.getReason() == null ? "" : p.getReason(),
              p.getItemId());
          if (p.isPurged()) {
            purged++;
          } else {
            skippedBy.merge(p.getReason(), 1L, Long::sum);
          }
        }
        if (page.size() < PAGE) {
          break;
        }
        after = page.get(page.size() - 1).getId();
      }
      csv.flush();
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    files.put(
        ExportFile.of(
            run.caseId(),
            run.operationId(),
            REPORT,
            Files.size(file),
            HexFormat.of().formatHex(digest.digest()),
            folders.relativePath(run.caseId(), run.operationId(), REPORT),
            Instant.now()));
    return purged;
  }

  private static String count(long n, String noun) {
    return String.format("%,d", n) + " " + (n == 1 ? noun : noun + "s");
  }
}
