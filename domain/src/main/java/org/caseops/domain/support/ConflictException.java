package org.caseops.domain.support;

/**
 * The request conflicts with the state of the resource, such as an operation that has not finished.
 */
public class ConflictException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message) {
    super(message);
  }
}
