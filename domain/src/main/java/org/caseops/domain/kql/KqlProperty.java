package org.caseops.domain.kql;

import java.util.Locale;
import java.util.Optional;

/**
 * The properties a KQL restriction ({@code name:value}) can name, and the kind of value each takes.
 */
public enum KqlProperty {
  FROM(Type.ADDRESS),
  TO(Type.ADDRESS),
  CC(Type.ADDRESS),
  BCC(Type.ADDRESS),
  PARTICIPANTS(Type.ADDRESS),
  SUBJECT(Type.TEXT),
  BODY(Type.TEXT),
  FILENAME(Type.TEXT),
  FILETYPE(Type.KEYWORD),
  KIND(Type.KEYWORD),
  SENT(Type.DATE),
  RECEIVED(Type.DATE),
  SIZE(Type.SIZE),
  TAG(Type.TAG);

  /** The kind of value a property takes. */
  public enum Type {
    /** Mail addresses and display names. */
    ADDRESS,
    /** Analyzed text. */
    TEXT,
    /** One exact word. */
    KEYWORD,
    /** Days or instants (UTC), compared and ranged. */
    DATE,
    /** Byte counts, compared and ranged. */
    SIZE,
    /** Review-set tag names. */
    TAG
  }

  private final Type type;

  KqlProperty(Type type) {
    this.type = type;
  }

  public Type type() {
    return type;
  }

  /** The name as written in queries ({@code from}, {@code sent}...). */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether values can be compared ({@code <}, {@code >=}...) and ranged ({@code a..b}). */
  public boolean ordered() {
    return type == Type.DATE || type == Type.SIZE;
  }

  /** The property of that name, in any case. */
  public static Optional<KqlProperty> named(String name) {
    for (KqlProperty p : values()) {
      if (p.keyword().equalsIgnoreCase(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
