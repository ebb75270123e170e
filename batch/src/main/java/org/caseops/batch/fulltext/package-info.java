/** The full-text index of each case: one Lucene index per case, its writer and its fields. */
package org.caseops.batch.fulltext;
