package org.caseops.batch.operations;

import java.time.Instant;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A fresh H2 database with one case and the operations repository, for tests of recovery and the
 * watch.
 */
final class OperationsOnH2 implements AutoCloseable {
  final CaseOperationRepository operations;
  final String caseId;
  private final TestDatabase db;
  private final WeldContainer weld;

  OperationsOnH2(Instant caseOpened) {
    db = TestDatabase.h2();
    SeTransactions.use(db.entityManagerFactory());
    weld = new Weld().initialize();
    operations = weld.select(CaseOperationRepository.class).get();
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, null, caseOpened);
    weld.select(CaseRepository.class).get().add(c);
    caseId = c.getId();
  }

  @Override
  public void close() {
    weld.shutdown();
    db.close();
  }
}
