package org.caseops.domain.kql;

/** The operator between a property and its value. */
public enum KqlComparison {
  EQ("="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  KqlComparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
