package org.caseops.domain.reviewsets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.support.ListQuery;

/** Review tags of every case, and the tags on review-set files. */
public interface ReviewTagRepository {
  void add(ReviewTag tag);

  Optional<ReviewTag> find(String caseId, String tagId);

  /** The case's tag of this display name, ignoring case. */
  Optional<ReviewTag> findByName(String caseId, String displayName);

  /**
   * The case's tags that meet the query's filter, in its order (creation time, oldest first,
   * without one). Properties: {@code id}, {@code displayName}, {@code childSelectability}, {@code
   * lastModifiedDateTime}.
   */
  List<ReviewTag> list(String caseId, ListQuery query);

  long count(String caseId, ListQuery.Condition filter);

  /** Every tag of the case. */
  List<ReviewTag> listAll(String caseId);

  /** The tag's direct children, oldest first. */
  default List<ReviewTag> children(String caseId, String parentId) {
    return children(caseId, parentId, ListQuery.page(0, Integer.MAX_VALUE));
  }

  /**
   * The tag's direct children that meet the query's filter, in its order (creation time, oldest
   * first, without one); the properties of {@link #list(String, ListQuery)}.
   */
  List<ReviewTag> children(String caseId, String parentId, ListQuery query);

  /** How many of the tag's direct children meet the filter; all of them for {@code null}. */
  long countChildren(String caseId, String parentId, ListQuery.Condition filter);

  ReviewTag update(ReviewTag tag);

  /** Deletes the tag, its descendants, and their use on files. */
  void delete(String caseId, String tagId);

  /** The tag ids on each of the given files; files without tags are absent. */
  Map<String, Set<String>> tagsOf(Collection<String> reviewSetItemIds);

  /**
   * The tag ids on the case's review-set files of each of the given catalogued items, in all of the
   * case's review sets; items whose files carry no tag are absent.
   */
  Map<String, Set<String>> tagsOfItems(String caseId, Collection<String> itemIds);

  /** The catalogued item ids of the review set's files that carry the tag. */
  Set<String> itemIdsWithTag(String reviewSetId, String tagId);

  /**
   * Puts tags on, and takes tags off, review-set files in one batch: {@code add} and {@code remove}
   * map a file's id to tag ids. Adding a tag a file has, or removing one it lacks, changes nothing.
   */
  void retag(String reviewSetId, Map<String, Set<String>> add, Map<String, Set<String>> remove);
}
