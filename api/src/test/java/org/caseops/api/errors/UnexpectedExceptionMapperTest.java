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

  /** Payara's failure when the pool cannot make a connection, as EclipseLink wraps it. */
  private static Throwable payaraPoolFailure() {
    java.sql.SQLException allocation =
        new java.sql.SQLException(
            "Error in allocating a connection. Cause: Connection could not be allocated because:"
                + " The connection attempt failed.");
    return new PersistenceException("Exception [EclipseLink-4002]", allocation);
  }

  @Test
  void aDatabaseThatCannotBeReachedIsFoundHoweverItIsWrapped() {
    assertThat(UnexpectedExceptionMapper.databaseUnreachable(payaraPoolFailure())).isTrue();
    // WildFly: IronJacamar's ResourceException behind the SQLException.
    assertThat(
            UnexpectedExceptionMapper.databaseUnreachable(
                new TransactionalException(
                    "rolled back",
                    new PersistenceException(
                        new java.sql.SQLException(
                            "IJ031084: Unable to create connection",
                            new jakarta.resource.spi.ResourceAllocationException(
                                "IJ000453: Unable to get managed connection"))))))
        .isTrue();
    // The driver's own: SQL state class 08 (connection exception), on an exception or a next one.
    assertThat(
            UnexpectedExceptionMapper.databaseUnreachable(
                new PersistenceException(
                    new java.sql.SQLException("An I/O error occurred while sending", "08006"))))
        .isTrue();
    java.sql.SQLException batch = new java.sql.SQLException("Batch entry 0 was aborted", "25P02");
    batch.setNextException(new java.sql.SQLException("This connection has been closed.", "08003"));
    assertThat(UnexpectedExceptionMapper.databaseUnreachable(batch)).isTrue();
    assertThat(
            UnexpectedExceptionMapper.databaseUnreachable(
                new java.sql.SQLTransientConnectionException("timed out")))
        .isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNotTakenForAnOutage() {
    assertThat(
            UnexpectedExceptionMapper.databaseUnreachable(
                new PersistenceException(
                    new java.sql.SQLException("duplicate key value violates", "23505"))))
        .isFalse();
    assertThat(UnexpectedExceptionMapper.databaseUnreachable(new IllegalStateException("boom")))
        .isFalse();
    Throwable loop = new RuntimeException("a");
    Throwable other = new RuntimeException("b", loop);
    loop.initCause(other);
    assertThat(UnexpectedExceptionMapper.databaseUnreachable(loop)).isFalse();
  }

  /** PostgreSQL's lock timeout as EclipseLink and the transaction wrap it. */
  private static Throwable lockTimeout() {
    return new TransactionalException(
        "rolled back",
        new PersistenceException(
            "Exception [EclipseLink-4002]",
            new java.sql.SQLException("ERROR: canceling statement due to lock timeout", "55P03")));
  }

  @Test
  void aLockOrStatementTimeoutIsTheDatabaseBeingBusyNotAnOutage() {
    assertThat(UnexpectedExceptionMapper.databaseBusy(lockTimeout())).isTrue();
    assertThat(UnexpectedExceptionMapper.databaseUnreachable(lockTimeout())).isFalse();
    assertThat(
            UnexpectedExceptionMapper.databaseBusy(
                new PersistenceException(
                    new java.sql.SQLException(
                        "ERROR: canceling statement due to statement timeout", "57014"))))
        .isTrue();
    assertThat(
            UnexpectedExceptionMapper.databaseBusy(
                new PersistenceException(
                    new java.sql.SQLTimeoutException("Timeout trying to lock table", "HYT00"))))
        .isTrue();
    java.sql.SQLException batch = new java.sql.SQLException("Batch entry 0 was aborted", "25P02");
    batch.setNextException(new java.sql.SQLException("ERROR: deadlock detected", "40P01"));
    assertThat(UnexpectedExceptionMapper.databaseBusy(batch)).isTrue();
  }

  @Test
  void otherDatabaseFailuresAreNotTakenForABusyDatabase() {
    assertThat(
            UnexpectedExceptionMapper.databaseBusy(
                new PersistenceException(
                    new java.sql.SQLException("duplicate key value violates", "23505"))))
        .isFalse();
    assertThat(UnexpectedExceptionMapper.databaseBusy(payaraPoolFailure())).isFalse();
    assertThat(UnexpectedExceptionMapper.databaseBusy(new IllegalStateException("boom"))).isFalse();
  }
}
