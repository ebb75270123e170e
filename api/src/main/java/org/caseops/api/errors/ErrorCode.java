package org.caseops.api.errors;

/**
 * The {@code error.code} values caseops writes. Each code goes with the HTTP statuses listed here
 * and nowhere else.
 */
public enum ErrorCode {
  /**
   * 400: the request cannot be read: malformed JSON, a body that is not an object, a malformed
   * query option.
   */
  badRequest,
  /**
   * 400 or 413: the request is readable but wrong: a missing, unknown, read-only or mistyped
   * property, an invalid value, a malformed id, an action without a job; 413 for a body above the
   * size limit. Also 414 and 431 (a URL or headers larger than the server takes) and any other 4xx
   * that the server's container answers on its own.
   */
  invalidRequest,
  /**
   * 401: the request carries no bearer token, or one that is malformed, wrongly signed, expired, or
   * meant for another issuer or audience; the response carries {@code WWW-Authenticate: Bearer}.
   */
  InvalidAuthenticationToken,
  /**
   * 403: the token is valid but does not grant the permission the request needs; the message names
   * it.
   */
  accessDenied,
  /** 404: the URL names nothing, or a case, custodian, source or operation that does not exist. */
  itemNotFound,
  /**
   * 400, 405, 406, 415: a feature, method, response type or request media type this service does
   * not offer.
   */
  notSupported,
  /** 409: the request conflicts with what is stored: a duplicate, or a concurrent change. */
  conflict,
  /** 429: a throttling limit is used up; the response carries {@code Retry-After} in seconds. */
  activityLimitReached,
  /**
   * 429: the server runs or is starting as many jobs as it takes at once ({@code
   * caseops.jobs.max}), so a submission is refused before anything is stored; the response carries
   * {@code Retry-After} in seconds.
   */
  tooManyRequests,
  /**
   * 503: the server cannot take the request now (its batch runtime queues as many jobs as it can);
   * the response carries {@code Retry-After} in seconds.
   */
  serviceNotAvailable,
  /** 500 and any other 5xx: a failure of the server; the message never carries internals. */
  generalException
}
