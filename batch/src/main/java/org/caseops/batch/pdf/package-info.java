/** The convertToPdf job: renders review-set files as PDF renditions kept in the content store. */
package org.caseops.batch.pdf;
