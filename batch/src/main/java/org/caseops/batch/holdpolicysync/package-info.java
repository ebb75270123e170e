/**
 * The holdPolicySync job: what a legal hold (hold policy) preserves, and what its change, disabling
 * or deletion frees.
 */
package org.caseops.batch.holdpolicysync;
