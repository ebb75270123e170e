package org.caseops.api.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ListQuery;

/** Review tags in a map, in insertion order, and the tags on files as file id → tag ids. */
public class InMemoryReviewTags implements ReviewTagRepository {
  public final Map<String, ReviewTag> stored = new LinkedHashMap<>();
  public final Map<String, Set<String>> fileTags = new LinkedHashMap<>();

  private static final InMemoryListQueries<ReviewTag> QUERIES =
      new InMemoryListQueries<>(
          Map.of(
              "id", ReviewTag::getId,
              "displayName", ReviewTag::getDisplayName,
              "childSelectability", ReviewTag::getChildSelectability,
              "lastModifiedDateTime", ReviewTag::getLastModifiedDateTime,
              "createdDateTime", ReviewTag::getCreatedDateTime),
          List.of(new ListQuery.OrderKey("createdDateTime", false)));

  @Override
  public void add(ReviewTag tag) {
    stored.put(tag.getId(), tag);
  }

  @Override
  public Optional<ReviewTag> find(String caseId, String tagId) {
    ReviewTag t = stored.get(tagId);
    return t != null && t.getCaseId().equals(caseId) ? Optional.of(t) : Optional.empty();
  }

  @Override
  public Optional<ReviewTag> findByName(String caseId, String displayName) {
    String name = displayName.toLowerCase(Locale.ROOT);
    return listAll(caseId).stream()
        .filter(t -> t.getDisplayName().toLowerCase(Locale.ROOT).equals(name))
        .findFirst();
  }

  @Override
  public List<ReviewTag> list(String caseId, ListQuery query) {
    return QUERIES.list(listAll(caseId), query);
  }

  @Override
  public long count(String caseId, ListQuery.Condition filter) {
    return QUERIES.count(listAll(caseId), filter);
  }

  @Override
  public List<ReviewTag> listAll(String caseId) {
    return stored.values().stream().filter(t -> t.getCaseId().equals(caseId)).toList();
  }

  private List<ReviewTag> childrenOf(String caseId, String parentId) {
    return listAll(caseId).stream().filter(t -> parentId.equals(t.getParentId())).toList();
  }

  @Override
  public List<ReviewTag> children(String caseId, String parentId, ListQuery query) {
    return QUERIES.list(childrenOf(caseId, parentId), query);
  }

  @Override
  public long countChildren(String caseId, String parentId, ListQuery.Condition filter) {
    return QUERIES.count(childrenOf(caseId, parentId), filter);
  }

  @Override
  public ReviewTag update(ReviewTag tag) {
    stored.put(tag.getId(), tag);
    return tag;
  }

  @Override
  public void delete(String caseId, String tagId) {
    if (find(caseId, tagId).isEmpty()) {
      return;
    }
    List<String> doomed = new ArrayList<>();
    collect(caseId, tagId, doomed);
    doomed.forEach(stored::remove);
    fileTags.values().forEach(tags -> tags.removeAll(doomed));
  }

  private void collect(String caseId, String tagId, List<String> into) {
    into.add(tagId);
    for (ReviewTag child : children(caseId, tagId)) {
      collect(caseId, child.getId(), into);
    }
  }

  @Override
  public Map<String, Set<String>> tagsOf(Collection<String> reviewSetItemIds) {
    Map<String, Set<String>> tags = new HashMap<>();
    for (String id : reviewSetItemIds) {
      Set<String> on = fileTags.get(id);
      if (on != null && !on.isEmpty()) {
        tags.put(id, new LinkedHashSet<>(on));
      }
    }
    return tags;
  }

  @Override
  public Map<String, Set<String>> tagsOfItems(String caseId, Collection<String> itemIds) {
    // Tags here are kept by file id only, without the files' items.
    return Map.of();
  }

  @Override
  public Set<String> itemIdsWithTag(String reviewSetId, String tagId) {
    Set<String> ids = new HashSet<>();
    fileTags.forEach(
        (file, tags) -> {
          if (tags.contains(tagId)) {
            ids.add(file);
          }
        });
    return ids;
  }

  @Override
  public void retag(
      String reviewSetId, Map<String, Set<String>> add, Map<String, Set<String>> remove) {
    remove.forEach((file, tags) -> fileTags.getOrDefault(file, new HashSet<>()).removeAll(tags));
    add.forEach(
        (file, tags) -> fileTags.computeIfAbsent(file, k -> new LinkedHashSet<>()).addAll(tags));
  }
}
