package org.caseops.domain.reviewsets;

/**
 * Graph's {@code childSelectability} of a review tag: whether a file may carry just {@link #One} of
 * the tag's children (applying one removes its siblings from that file) or {@link #Many}. The wire
 * names are capitalised, as Graph writes them.
 */
public enum ChildSelectability {
  One,
  Many
}
