package org.caseops.domain.holds;

/**
 * Graph's {@code policyStatus} of a legal hold: {@code pending} while its holdPolicySync runs,
 * {@code success} once everything it covers is preserved, {@code error} when some of it could not
 * be (its {@code errors} say what).
 */
public enum PolicyStatus {
  pending,
  error,
  success,
  unknownFutureValue
}
