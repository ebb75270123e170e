package org.caseops.domain.kql;

import java.util.List;
import java.util.Objects;

/**
 * A parsed KQL query: a tree of the nodes below. Text is kept as written; indexes analyze it their
 * own way.
 */
public sealed interface KqlQuery
    permits KqlQuery.MatchAll,
        KqlQuery.Term,
        KqlQuery.Phrase,
        KqlQuery.Compare,
        KqlQuery.Range,
        KqlQuery.Tag,
        KqlQuery.And,
        KqlQuery.Or,
        KqlQuery.Not {

  /** Every item (the empty query). */
  record MatchAll() implements KqlQuery {}

  /**
   * One word, in any searchable text when {@code property} is null, else in that property's value.
   * With {@code prefix}, the word written {@code text*}: values starting with {@code text} (which
   * has no {@code *}).
   */
  record Term(KqlProperty property, String text, boolean prefix) implements KqlQuery {
    public Term {
      Objects.requireNonNull(text);
    }
  }

  /** Words in this order ({@code "..."}), in any searchable text when {@code property} is null. */
  record Phrase(KqlProperty property, String text) implements KqlQuery {
    public Phrase {
      Objects.requireNonNull(text);
    }
  }

  /** An ordered property compared with a value ({@code sent>=2024-01-01}, {@code size=1234}). */
  record Compare(KqlProperty property, KqlComparison op, KqlValue value) implements KqlQuery {
    /** The lowest matching value (inclusive), {@code Long.MIN_VALUE} when unbounded. */
    public long lower() {
      return switch (op) {
        case EQ, GE -> value.first();
        case GT -> value.last() == Long.MAX_VALUE ? Long.MAX_VALUE : value.last() + 1;
        case LT, LE -> Long.MIN_VALUE;
      };
    }

    /** The highest matching value (inclusive), {@code Long.MAX_VALUE} when unbounded. */
    public long upper() {
      return switch (op) {
        case EQ, LE -> value.last();
        case LT -> value.first() == Long.MIN_VALUE ? Long.MIN_VALUE : value.first() - 1;
        case GT, GE -> Long.MAX_VALUE;
      };
    }
  }

  /**
   * An ordered property between two values, both included ({@code sent:2024-01-01..2024-02-01}).
   */
  record Range(KqlProperty property, KqlValue from, KqlValue to) implements KqlQuery {
    /** The lowest matching value (inclusive). */
    public long lower() {
      return from.first();
    }

    /** The highest matching value (inclusive). */
    public long upper() {
      return to.last();
    }
  }

  /** Items tagged with this tag ({@code tag:name}), in review-set queries only. */
  record Tag(String name) implements KqlQuery {}

  /** Items matching every clause (two or more). */
  record And(List<KqlQuery> clauses) implements KqlQuery {
    public And {
      clauses = List.copyOf(clauses);
    }
  }

  /** Items matching any clause (two or more). */
  record Or(List<KqlQuery> clauses) implements KqlQuery {
    public Or {
      clauses = List.copyOf(clauses);
    }
  }

  /** Items not matching the child. */
  record Not(KqlQuery child) implements KqlQuery {}
}
