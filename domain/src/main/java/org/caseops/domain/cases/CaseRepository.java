package org.caseops.domain.cases;

import java.util.List;
import java.util.Optional;

/** The cases the server keeps. */
public interface CaseRepository {
  void add(EdiscoveryCase ediscoveryCase);

  Optional<EdiscoveryCase> find(String caseId);

  boolean exists(String caseId);

  /** Cases ordered by creation time, oldest first. */
  List<EdiscoveryCase> list(int offset, int limit);

  long count();

  /** Saves changes made to a detached case; fails on a concurrent change. */
  EdiscoveryCase update(EdiscoveryCase ediscoveryCase);

  /** Deletes the case and everything under it. */
  void delete(String caseId);
}
