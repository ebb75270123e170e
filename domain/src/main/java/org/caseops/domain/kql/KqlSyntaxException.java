package org.caseops.domain.kql;

/**
 * A query that is not valid KQL: what is wrong, and the 0-based character offset in the query where
 * it is.
 */
public class KqlSyntaxException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  public KqlSyntaxException(String problem, int position) {
    super(problem + " at position " + position);
    this.position = position;
  }

  /** The 0-based character offset into the query where the problem is. */
  public int position() {
    return position;
  }
}
