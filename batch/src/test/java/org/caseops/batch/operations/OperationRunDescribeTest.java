package org.caseops.batch.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class OperationRunDescribeTest {
  @Test
  void aDatabaseFailureIsDescribedByWhatTheDatabaseSaidNotByItsWrappers() {
    java.sql.SQLException lock =
        new java.sql.SQLException("ERROR: canceling statement due to lock timeout", "55P03");
    Throwable wrapped =
        new PersistenceException(
            "Exception [EclipseLink-4002] (Eclipse Persistence Services - 4.0.7):"
                + " org.eclipse.persistence.exceptions.DatabaseException",
            new RuntimeException(
                "Exception [EclipseLink-4002]\\nInternal Exception: org.postgresql.util.PSQLException",
                lock));
    assertThat(OperationRun.describe(wrapped))
        .isEqualTo(
            "the database refused a statement: ERROR: canceling statement due to lock timeout"
                + " (SQL state 55P03)");
  }

  @Test
  void aBatchWhoseEntryWasAbortedIsDescribedByItsNextException() {
    java.sql.SQLException batch =
        new java.sql.SQLException(
            "Batch entry 0 insert into item ... was aborted. Call getNextException", "25P02");
    batch.setNextException(
        new java.sql.SQLException(
            "ERROR: canceling statement due to lock timeout\n  Where: while inserting", "55P03"));
    assertThat(OperationRun.describe(new PersistenceException("flush failed", batch)))
        .isEqualTo(
            "the database refused a statement: ERROR: canceling statement due to lock timeout"
                + " (SQL state 55P03)");
  }

  @Test
  void otherFailuresKeepTheirFirstMessage() {
    assertThat(
            OperationRun.describe(
                new IllegalStateException("the export folder is full", new RuntimeException("x"))))
        .isEqualTo("the export folder is full");
    assertThat(OperationRun.describe(new IllegalStateException()))
        .isEqualTo("IllegalStateException");
  }
}
