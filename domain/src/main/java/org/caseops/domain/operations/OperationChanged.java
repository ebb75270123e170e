package org.caseops.domain.operations;

/**
 * An operation's stored state changed (created, started, progressed, ended, cancelled, retried):
 * fired by the repository with each change, for those who watch operations live.
 */
public record OperationChanged(String operationId) {}
