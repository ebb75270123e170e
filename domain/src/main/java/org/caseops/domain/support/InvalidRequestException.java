package org.caseops.domain.support;

/**
 * The request is well formed but asks for something the rules do not allow (a missing target, an
 * unknown reference).
 */
public class InvalidRequestException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String message) {
    super(message);
  }
}
