/** The estimateStatistics job: counts what a search matches in the case's index and catalog. */
package org.caseops.batch.estimatestatistics;
