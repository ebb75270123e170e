package org.caseops.domain.items;

import java.io.IOException;

/**
 * Content handed to the {@link ContentStore} is not the content that was expected: its SHA-256
 * differs.
 */
public class ContentMismatchException extends IOException {
  private static final long serialVersionUID = 1L;

  public ContentMismatchException(String expected, String actual) {
    super("the content's SHA-256 is " + actual + ", not the expected " + expected);
  }
}
