/** The holdUpdate job: what a hold on custodians preserves, and what its removal frees. */
package org.caseops.batch.holds;
