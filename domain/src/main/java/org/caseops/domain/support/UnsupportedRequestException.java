package org.caseops.domain.support;

/** The request asks for something caseops does not support (yet). */
public class UnsupportedRequestException extends RequestRefusedException {
  private static final long serialVersionUID = 1L;

  public UnsupportedRequestException(String message) {
    super(message);
  }
}
