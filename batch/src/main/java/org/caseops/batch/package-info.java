/** The Jakarta Batch side of caseops: one job per case action, and what those jobs share. */
package org.caseops.batch;
