/**
 * The Jakarta Batch side of caseops: one job per case action, and what those jobs share; every
 * artifact takes the operation's identity (operationId, caseId) from {@code
 * OperationRun.of(jobContext)} only, and its tuning values (itemCount, pageSize, maxItemBytes,
 * copyThreads, batchSize, textLimit, ...) through {@code @Inject @BatchProperty}.
 */
package org.caseops.batch;
