package org.caseops.batch.testing;

import static org.assertj.core.api.Assertions.fail;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.persistence.storage.CaseopsPaths;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.bootstrap.api.helpers.RegistrySingletonProvider;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Runs jobs on JBeret SE against a fresh database, with the data folder and evidence root in a
 * temporary folder. The Weld container uses the id JBeret SE looks for, so jobs and tests share the
 * same beans.
 */
public final class IndexJobHarness implements AutoCloseable {
  private static final long WAIT_MILLIS = 60_000;

  public final Path base;
  public final Path evidence;
  public final TestDatabase db;
  public final WeldContainer weld;
  public final JobOperator jobs;
  public final CaseRepository cases;
  public final CustodianRepository custodians;
  public final ItemRepository items;
  public final CaseOperationRepository operations;

  public IndexJobHarness(TestDatabase.Kind kind) throws IOException {
    base = Files.createTempDirectory("caseops-batch-");
    evidence = base.resolve("evidence");
    Files.createDirectories(evidence);
    System.setProperty(CaseopsPaths.DATA_DIR_PROPERTY, base.resolve("data").toString());
    System.setProperty(CaseopsPaths.EVIDENCE_ROOT_PROPERTY, evidence.toString());
    db = kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
    SeTransactions.use(db.entityManagerFactory());
    weld = new Weld(RegistrySingletonProvider.STATIC_INSTANCE).initialize();
    jobs = org.caseops.batch.operations.JobOperatorJobs.tuned(BatchRuntime.getJobOperator());
    cases = weld.select(CaseRepository.class).get();
    custodians = weld.select(CustodianRepository.class).get();
    items = weld.select(ItemRepository.class).get();
    operations = weld.select(CaseOperationRepository.class).get();
    InducedFailures.reset();
    OperationJournal.reset();
  }

  public EdiscoveryCase newCase() {
    EdiscoveryCase c =
        EdiscoveryCase.open(
            "Contoso v. Fabrikam", null, null, IdentitySet.user("u1", "Alice"), now());
    cases.add(c);
    return c;
  }

  public Custodian newCustodian(String caseId, String email) {
    Custodian custodian = Custodian.add(caseId, email, null, now());
    custodians.add(custodian);
    return custodian;
  }

  public CustodianSource mailbox(Custodian custodian) {
    CustodianSource source =
        CustodianSource.mailbox(
            custodian.getCaseId(), custodian.getId(), custodian.getEmail(), null, null, now());
    custodians.addSource(source);
    return source;
  }

  public CustodianSource site(Custodian custodian, String url) {
    CustodianSource source =
        CustodianSource.site(custodian.getCaseId(), custodian.getId(), url, null, null, now());
    custodians.addSource(source);
    return source;
  }

  /** The evidence folder of a source (created). */
  public Path folderOf(CustodianSource source) throws IOException {
    Path folder = evidence;
    for (String segment : source.evidencePath()) {
      folder = folder.resolve(segment);
    }
    return Files.createDirectories(folder);
  }

  /** Submits an index operation as the API does, starts its job and returns the operation id. */
  public String submitIndex(String caseId, Properties extra) {
    CaseOperation operation =
        CaseOperation.submit(caseId, CaseAction.index, IdentitySet.user("u1", "Alice"), now());
    operations.add(operation);
    Properties params = parameters(operation.getId(), caseId, extra);
    jobs.start(CaseAction.index.jobName(), params);
    return operation.getId();
  }

  public static Properties parameters(String operationId, String caseId, Properties extra) {
    Properties params = new Properties();
    if (extra != null) {
      params.putAll(extra);
    }
    params.setProperty("operationId", operationId);
    params.setProperty("caseId", caseId);
    return params;
  }

  /**
   * Waits for the execution to end: its batch status and end time are set. The job's listeners may
   * still be running then.
   */
  public JobExecution awaitExecution(long executionId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    JobExecution execution = jobs.getJobExecution(executionId);
    while (!ended(execution.getBatchStatus()) || execution.getEndTime() == null) {
      if (System.currentTimeMillis() > deadline) {
        fail("execution " + executionId + " did not end within " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(20);
      execution = jobs.getJobExecution(executionId);
    }
    return execution;
  }

  /**
   * Waits for the execution to end, then for its listener to have ended the operation; returns the
   * batch status.
   */
  public BatchStatus awaitEnd(long executionId, String operationId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    BatchStatus status = jobs.getJobExecution(executionId).getBatchStatus();
    while (!ended(status)) {
      if (System.currentTimeMillis() > deadline) {
        String what = "execution " + executionId + " did not end within " + WAIT_MILLIS + " ms";
        fail(stuck(what, executionId, operationId));
      }
      Thread.sleep(20);
      status = jobs.getJobExecution(executionId).getBatchStatus();
    }
    while (!operations.find(operationId).orElseThrow().getStatus().isTerminal()) {
      if (System.currentTimeMillis() > deadline) {
        String what = "operation " + operationId + " was not ended within " + WAIT_MILLIS + " ms";
        fail(stuck(what, executionId, operationId));
      }
      Thread.sleep(20);
    }
    return status;
  }

  /**
   * The failure message of a wait that ran out: what the execution and the operation say, and every
   * thread's stack.
   */
  private String stuck(String what, long executionId, String operationId) {
    JobExecution execution = jobs.getJobExecution(executionId);
    CaseOperation operation = operations.find(operationId).orElseThrow();
    StringBuilder b =
        new StringBuilder(what)
            .append("; execution ")
            .append(executionId)
            .append(" of ")
            .append(execution.getJobName())
            .append(" is ")
            .append(execution.getBatchStatus())
            .append(" (exit status ")
            .append(execution.getExitStatus())
            .append("), the operation is ")
            .append(operation.getStatus())
            .append(" with execution ")
            .append(operation.getExecutionId())
            .append(" and result ")
            .append(
                operation.getResultInfo() == null ? null : operation.getResultInfo().getMessage())
            .append("; its journal: ")
            .append(OperationJournal.of(operationId))
            .append("\nthreads:");
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              b.append("\n\"").append(thread.getName()).append("\" ").append(thread.getState());
              for (StackTraceElement frame : stack) {
                b.append("\n    at ").append(frame);
              }
            });
    return b.toString();
  }

  /**
   * Waits for the operation to have an execution and returns it. The job's listener records the
   * execution when it marks the operation running; until then the operation has none, or, when a
   * restart is on its way, the one before.
   */
  public long awaitExecutionId(String operationId) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    Long executionId = operations.find(operationId).orElseThrow().getExecutionId();
    while (executionId == null) {
      if (System.currentTimeMillis() > deadline) {
        fail("operation " + operationId + " has no execution after " + WAIT_MILLIS + " ms");
      }
      Thread.sleep(10);
      executionId = operations.find(operationId).orElseThrow().getExecutionId();
    }
    return executionId;
  }

  /** Waits for the operation's current execution and the operation to end. */
  public CaseOperation awaitOperation(String operationId) throws InterruptedException {
    awaitEnd(awaitExecutionId(operationId), operationId);
    return operations.find(operationId).orElseThrow();
  }

  private static boolean ended(BatchStatus status) {
    return status == BatchStatus.COMPLETED
        || status == BatchStatus.FAILED
        || status == BatchStatus.STOPPED
        || status == BatchStatus.ABANDONED;
  }

  /** A reader of the case's full-text index as last committed. */
  public DirectoryReader openIndex(String caseId) throws IOException {
    return DirectoryReader.open(FSDirectory.open(CaseopsPaths.indexDir(caseId)));
  }

  private static Instant now() {
    return Instant.now();
  }

  @Override
  public void close() throws IOException {
    InducedFailures.reset();
    OperationJournal.reset();
    try {
      weld.shutdown();
    } finally {
      db.close();
      System.clearProperty(CaseopsPaths.DATA_DIR_PROPERTY);
      System.clearProperty(CaseopsPaths.EVIDENCE_ROOT_PROPERTY);
      try (Stream<Path> files = Files.walk(base)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
