package org.caseops.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.caseops.batch.testing.IndexJobHarness;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.ItemFailure;
import org.caseops.domain.operations.ItemFailureRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * {@link UnreadableItemListener} on JBeret SE, in a test job (META-INF/batch-jobs of the tests)
 * whose reader fails chosen items as unreadable: each unreadable item the step skips becomes one of
 * the operation's failed items, with the step's name, the item and the reason; items skipped for
 * another reason are not recorded; and a job run without an operation records nothing.
 */
class UnreadableItemListenerTest {
  private static final String JOB = "unreadable-items-test";

  @Test
  void recordsEachUnreadableItemTheStepSkipsAmongTheOperationsFailedItems() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = h.newCase().getId();
      String operationId = operation(h, caseId);

      JobExecution done =
          run(h, IndexJobHarness.parameters(operationId, caseId, failures("2,7", "5", "")));

      assertThat(done.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(metric(h, done, Metric.MetricType.READ_SKIP_COUNT)).isEqualTo(3);
      assertThat(WrittenItems.ITEMS).containsExactly(1, 3, 4, 6, 8, 9, 10);
      List<ItemFailure> recorded = failures(h, operationId);
      assertThat(recorded)
          .extracting(
              ItemFailure::getOperationId,
              ItemFailure::getCaseId,
              ItemFailure::getStep,
              ItemFailure::getItem,
              ItemFailure::getReason)
          .containsExactlyInAnyOrder(
              tuple(operationId, caseId, "readEvidence", "Mailbox: item 2", "cannot be read: 2"),
              tuple(operationId, caseId, "readEvidence", "Mailbox: item 7", "cannot be read: 7"));
      assertThat(recorded).allSatisfy(f -> assertThat(f.getRecordedDateTime()).isNotNull());
    }
  }

  @Test
  void anUnreadableItemReadAgainAfterARolledBackChunkIsRecordedOnce() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = h.newCase().getId();
      String operationId = operation(h, caseId);

      // The chunk of items 5 to 8 fails to write once: it is rolled back, then read again.
      JobExecution done =
          run(h, IndexJobHarness.parameters(operationId, caseId, failures("6", "", "7")));

      assertThat(done.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(metric(h, done, Metric.MetricType.ROLLBACK_COUNT)).isPositive();
      assertThat(WrittenItems.ITEMS).doesNotContain(6);
      assertThat(failures(h, operationId))
          .extracting(ItemFailure::getItem)
          .containsExactly("Mailbox: item 6");
    }
  }

  @Test
  void aJobWithoutAnOperationRecordsNothing() throws Exception {
    try (IndexJobHarness h = new IndexJobHarness(TestDatabase.Kind.H2)) {
      String caseId = h.newCase().getId();
      String operationId = operation(h, caseId);

      Properties parameters = failures("3", "", "");
      parameters.setProperty("caseId", caseId);
      JobExecution done = run(h, parameters);

      assertThat(done.getBatchStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(metric(h, done, Metric.MetricType.READ_SKIP_COUNT)).isEqualTo(1);
      assertThat(failures(h, operationId)).isEmpty();
    }
  }

  private static String operation(IndexJobHarness h, String caseId) {
    CaseOperation operation =
        CaseOperation.submit(
            caseId, CaseAction.index, IdentitySet.user("u1", "Alice"), java.time.Instant.now());
    h.operations.add(operation);
    return operation.getId();
  }

  private static Properties failures(String unreadable, String other, String failWriteAt) {
    Properties p = new Properties();
    p.setProperty("unreadable", unreadable);
    p.setProperty("otherFailures", other);
    p.setProperty("failWriteAt", failWriteAt);
    return p;
  }

  private static JobExecution run(IndexJobHarness h, Properties parameters) throws Exception {
    WrittenItems.ITEMS.clear();
    FailOnceTestWriter.FAILED.set(false);
    return h.awaitExecution(h.jobs.start(JOB, parameters));
  }

  private static long metric(IndexJobHarness h, JobExecution execution, Metric.MetricType type) {
    return h.jobs.getStepExecutions(execution.getExecutionId()).get(0).getMetrics().length == 0
        ? 0
        : Arrays.stream(h.jobs.getStepExecutions(execution.getExecutionId()).get(0).getMetrics())
            .filter(m -> m.getType() == type)
            .mapToLong(Metric::getValue)
            .sum();
  }

  private static List<ItemFailure> failures(IndexJobHarness h, String operationId) {
    return h.weld
        .select(ItemFailureRepository.class)
        .get()
        .list(operationId, ListQuery.page(0, 50));
  }

  private static Set<Integer> numbers(String list) {
    return list == null || list.isBlank()
        ? Set.of()
        : Arrays.stream(list.split(","))
            .map(String::trim)
            .map(Integer::valueOf)
            .collect(Collectors.toSet());
  }

  /** The items the test job wrote, in order. */
  static final class WrittenItems {
    static final List<Integer> ITEMS = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WrittenItems() {}
  }

  /** Thrown once by the test job's writer; the job retries it with a rollback. */
  public static class WriteFailedOnce extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WriteFailedOnce(String message) {
      super(message);
    }
  }

  /** Reads items 1 to {@code items}, failing the chosen ones. */
  @Dependent
  @Named
  public static class UnreadableTestReader extends AbstractItemReader {
    @Inject @BatchProperty String items;

    @Inject @BatchProperty String unreadable;

    @Inject @BatchProperty String otherFailures;

    private int next;

    @Override
    public void open(Serializable checkpoint) {
      next = checkpoint == null ? 1 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() throws UnreadableItemException {
      if (next > Integer.parseInt(items)) {
        return null;
      }
      int item = next++;
      if (numbers(unreadable).contains(item)) {
        throw new UnreadableItemException("Mailbox: item " + item, "cannot be read: " + item);
      }
      if (numbers(otherFailures).contains(item)) {
        throw new IllegalStateException("item " + item + " fails for another reason");
      }
      return item;
    }

    @Override
    public Serializable checkpointInfo() {
      return next;
    }
  }

  /**
   * Writes the items to {@link WrittenItems}; fails once on the chunk that holds the chosen one.
   */
  @Dependent
  @Named
  public static class FailOnceTestWriter extends AbstractItemWriter {
    static final AtomicBoolean FAILED = new AtomicBoolean();

    @Inject @BatchProperty String failWriteAt;

    @Override
    public void writeItems(List<Object> chunk) {
      if (!numbers(failWriteAt).isEmpty()
          && chunk.stream().anyMatch(i -> numbers(failWriteAt).contains((Integer) i))
          && FAILED.compareAndSet(false, true)) {
        throw new WriteFailedOnce("the chunk " + chunk + " fails to write once");
      }
      for (Object item : chunk) {
        WrittenItems.ITEMS.add((Integer) item);
      }
    }
  }
}
