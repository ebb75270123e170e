/**
 * The full-text index of each case: one Lucene index per case, its writer, its fields, and KQL
 * searches turned into queries on it.
 */
package org.caseops.batch.fulltext;
