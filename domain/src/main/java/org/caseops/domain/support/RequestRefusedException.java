package org.caseops.domain.support;

/**
 * A request that the rules refuse, with a message that names what is wrong and what would be right,
 * in the client's terms and without internals. Services throw its subclasses by meaning; the REST
 * layer maps each to its Graph error.
 */
public abstract class RequestRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected RequestRefusedException(String message) {
    super(message, null, false, false);
  }
}
