package org.caseops.batch.extraction;

import java.util.Locale;

/**
 * The reasons an item is catalogued but not indexed. Each reason starts with its category ({@code
 * corrupt}, {@code encrypted}, {@code too large}, {@code empty}, {@code unsupported}), then a colon
 * and the detail, so results can be summed up per category.
 */
public final class UnindexedReasons {
  public static final String CORRUPT = "corrupt";
  public static final String ENCRYPTED = "encrypted";
  public static final String TOO_LARGE = "too large";
  public static final String EMPTY = "empty";
  public static final String UNSUPPORTED = "unsupported";

  private static final int MAX_DETAIL = 300;

  private UnindexedReasons() {}

  public static String corrupt(String detail) {
    return CORRUPT + ": " + clip(detail == null ? "the content cannot be parsed" : detail);
  }

  public static String encrypted() {
    return ENCRYPTED + ": the content is password-protected or encrypted";
  }

  public static String tooLarge(long size, long limit) {
    return String.format(
        Locale.ROOT,
        "%s: %,d bytes is more than the %,d bytes one item may have",
        TOO_LARGE,
        size,
        limit);
  }

  /** Too large in a way other than its size in bytes, as the detail says. */
  public static String tooLarge(String detail) {
    return TOO_LARGE + ": " + clip(detail);
  }

  public static String empty() {
    return EMPTY + ": the item has no content";
  }

  public static String unsupported(String contentType) {
    return UNSUPPORTED
        + ": no text can be extracted from "
        + (contentType == null ? "this type" : contentType);
  }

  /** The category of a reason: the text before its first colon. */
  public static String categoryOf(String reason) {
    if (reason == null || reason.isBlank()) {
      return "unknown reason";
    }
    int colon = reason.indexOf(':');
    return (colon < 0 ? reason : reason.substring(0, colon)).trim();
  }

  private static String clip(String detail) {
    String line = detail.strip().lines().findFirst().orElse("");
    return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
  }
}
