package org.caseops.domain.support;

/** The resource a request names does not exist (or is not the case's). */
public class ResourceNotFoundException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super(message);
  }
}
