/** Test support for the batch jobs: a JBeret SE harness, generated evidence, and injected failures. */
package org.caseops.batch.testing;
