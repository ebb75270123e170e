/**
 * Case operations: submitting a caseOperation starts its batch job; reading one shows the job's
 * progress.
 */
package org.caseops.api.operations;
