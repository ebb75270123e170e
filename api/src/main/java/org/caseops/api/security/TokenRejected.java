package org.caseops.api.security;

/** A bearer token that is not accepted; the message says why, in words fit for the caller. */
public class TokenRejected extends Exception {
  private static final long serialVersionUID = 1L;

  public TokenRejected(String message) {
    super(message);
  }
}
