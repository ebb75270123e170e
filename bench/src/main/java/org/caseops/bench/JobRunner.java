package org.caseops.bench;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.caseops.batch.operations.JobOperatorJobs;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.SourceItemStats;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.persistence.testing.SeTransactions;
import org.jboss.weld.bootstrap.api.helpers.RegistrySingletonProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs the caseops {@code index} job on JBeret SE the way the API starts it: a case with one
 * custodian and one mailbox source per corpus mailbox, the operation added first, then the job
 * started with {@code operationId} and {@code caseId}, then the execution recorded. Waits for the
 * job and its operation to end, then reads back the operation and the catalog.
 */
final class JobRunner implements AutoCloseable {
  /** What a run did and how the operation ended. */
  record Result(
      long items,
      long indexedItems,
      long bytes,
      long nanos,
      long documents,
      String batchStatus,
      String operationStatus,
      int percentProgress,
      String resultInfo,
      String caseId) {
    double seconds() {
      return nanos / 1e9;
    }

    double itemsPerSecond() {
      return items / seconds();
    }
  }

  static final String JOB_NAME = CaseAction.index.jobName();
  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");
  private static final Set<BatchStatus> ENDED =
      EnumSet.of(
          BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED, BatchStatus.ABANDONED);

  private final WeldContainer weld;
  private final Duration timeout;

  JobRunner(Duration timeout) {
    // JBeret SE takes its artifacts from the Weld container with this id (and starts its own when
    // there is none): the job must see the same repositories as the benchmark.
    this.weld = new Weld(RegistrySingletonProvider.STATIC_INSTANCE).initialize();
    this.timeout = timeout;
  }

  /** A bean of the container the jobs run in (a repository, say). */
  <T> T bean(Class<T> type) {
    return weld.select(type).get();
  }

  /** Whether the index job's XML is on the class path, as the API checks before it starts a job. */
  static boolean jobAvailable() {
    return Thread.currentThread()
            .getContextClassLoader()
            .getResource("META-INF/batch-jobs/" + JOB_NAME + ".xml")
        != null;
  }

  /**
   * Indexes the given mailboxes of the corpus into a new case of the database, with the case data
   * under {@code dataDir}.
   */
  Result run(BenchDatabase database, Path corpus, List<String> mailboxes, Path dataDir)
      throws IOException, InterruptedException {
    SeTransactions.use(database.entityManagerFactory());
    System.setProperty("caseops.data.dir", dataDir.toAbsolutePath().toString());
    System.setProperty("caseops.evidence.root", corpus.toAbsolutePath().toString());
    CaseRepository cases = weld.select(CaseRepository.class).get();
    CustodianRepository custodians = weld.select(CustodianRepository.class).get();
    CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
    ItemRepository items = weld.select(ItemRepository.class).get();

    Instant now = Instant.now();
    EdiscoveryCase c = EdiscoveryCase.open("Benchmark " + now, "Index benchmark", null, BENCH, now);
    cases.add(c);
    for (String email : mailboxes) {
      Custodian custodian = Custodian.add(c.getId(), email, null, now);
      custodians.add(custodian);
      custodians.addSource(
          CustodianSource.mailbox(c.getId(), custodian.getId(), email, null, BENCH, now));
    }

    long start = System.nanoTime();
    CaseOperation op = CaseOperation.submit(c.getId(), CaseAction.index, BENCH, Instant.now());
    operations.add(op);
    Properties parameters = op.jobParameters();
    JobOperator jobOperator = JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
    long executionId = jobOperator.start(JOB_NAME, parameters);

    long deadline = start + timeout.toNanos();
    BatchStatus status = jobOperator.getJobExecution(executionId).getBatchStatus();
    while (!ENDED.contains(status)) {
      if (System.nanoTime() > deadline) {
        jobOperator.stop(executionId);
        throw new IllegalStateException("the index job did not end within " + timeout);
      }
      Thread.sleep(20);
      status = jobOperator.getJobExecution(executionId).getBatchStatus();
    }
    // The job listener completes the operation as the job ends; give it a moment to land.
    CaseOperation done = operations.find(op.getId()).orElseThrow();
    long listenerDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!done.getStatus().isTerminal() && System.nanoTime() < listenerDeadline) {
      Thread.sleep(20);
      done = operations.find(op.getId()).orElseThrow();
    }
    long nanos = System.nanoTime() - start;

    long itemCount = 0;
    long indexed = 0;
    long bytes = 0;
    for (SourceItemStats s : items.statsOfCase(c.getId())) {
      itemCount += s.itemCount();
      indexed += s.indexedItemCount();
      bytes += s.size();
    }
    ResultInfo info = done.getResultInfo();
    String resultInfo =
        info == null ? "-" : info.getCode() + "/" + info.getSubcode() + " " + info.getMessage();
    return new Result(
        itemCount,
        indexed,
        bytes,
        nanos,
        countDocuments(dataDir.resolve("indexes").resolve(c.getId())),
        status.name(),
        done.getStatus().name(),
        done.getPercentProgress(),
        resultInfo,
        c.getId());
  }

  private static long countDocuments(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return -1;
    }
    try (FSDirectory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        return -1;
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        return reader.numDocs();
      }
    }
  }

  @Override
  public void close() {
    weld.shutdown();
  }
}
