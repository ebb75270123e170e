/**
 * Test support for the batch jobs: a JBeret SE harness, a harness that calls the jobs' services
 * directly, generated evidence, and injected failures.
 */
package org.caseops.batch.testing;
