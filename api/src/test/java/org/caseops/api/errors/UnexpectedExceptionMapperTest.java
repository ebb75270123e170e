package org.caseops.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {
  @Test
  void anOptimisticLockFailureIsFoundHoweverTheTransactionWrappedIt() {
    OptimisticLockException lost = new OptimisticLockException("row changed");
    assertThat(UnexpectedExceptionMapper.lostARace(lost)).isTrue();
    assertThat(
            UnexpectedExceptionMapper.lostARace(
                new TransactionalException(
                    "rolled back", new PersistenceException("flush failed", lost))))
        .isTrue();
  }

  @Test
  void otherFailuresStayServerFaults() {
    assertThat(UnexpectedExceptionMapper.lostARace(new IllegalStateException("boom"))).isFalse();
    assertThat(
            UnexpectedExceptionMapper.lostARace(
                new TransactionalException(
                    "rolled back", new PersistenceException("connection lost"))))
        .isFalse();
  }
}
