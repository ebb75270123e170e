package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job's updates of its operation survive a test (or client) that reads the operation from another
 * thread all the while, as every job test does. With EclipseLink's internal connection pool on H2,
 * some of them were lost.
 */
class ConcurrentWritesTest {
  private static final int OPERATIONS = 1000;

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void updatesMadeWhileAnotherThreadReadsAreKept(TestDatabase.Kind kind) throws Exception {
    try (TestDatabase db =
            kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CaseOperationRepository operations = weld.select(CaseOperationRepository.class).get();
      IdentitySet alice = IdentitySet.user("u-1", "Alice");
      EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, alice, Instant.now());
      weld.select(CaseRepository.class).get().add(c);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < OPERATIONS; i++) {
        CaseOperation op = CaseOperation.submit(c.getId(), CaseAction.index, alice, Instant.now());
        operations.add(op);
        ids.add(op.getId());
      }
      AtomicReference<String> watched = new AtomicReference<>(ids.get(0));
      AtomicBoolean done = new AtomicBoolean();
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  operations.find(watched.get());
                }
              });
      reader.start();
      List<String> notRunning = new ArrayList<>();
      try {
        for (int i = 0; i < OPERATIONS; i++) {
          String id = ids.get(i);
          watched.set(id);
          operations.markRunning(id, i);
          if (operations.find(id).orElseThrow().getStatus() != CaseOperationStatus.running) {
            notRunning.add(id);
          }
          operations.complete(
              id, CaseOperationStatus.succeeded, new ResultInfo(200, 0, "done"), Instant.now());
        }
      } finally {
        done.set(true);
        reader.join();
      }

      assertThat(notRunning).isEmpty();
      assertThat(ids)
          .allSatisfy(
              id ->
                  assertThat(operations.find(id).orElseThrow().getStatus())
                      .isEqualTo(CaseOperationStatus.succeeded));
    }
  }
}
