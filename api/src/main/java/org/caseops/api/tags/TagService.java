package org.caseops.api.tags;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.api.errors.GraphError;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ConflictException;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Review tags of a case: a tree of uniquely named tags (names compared ignoring case, so that
 * {@code tag:"name"} in a review-set query names one tag). Deleting a tag deletes its descendants
 * and takes them all off the files.
 */
@Dependent
public class TagService {
  private final ResourceLookups lookups;
  private final ReviewTagRepository tags;
  private final Clock clock;

  @Inject
  public TagService(ResourceLookups lookups, ReviewTagRepository tags, Clock clock) {
    this.lookups = lookups;
    this.tags = tags;
    this.clock = clock;
  }

  /**
   * @throws ConflictException 409 when the name is taken in the case
   * @throws InvalidRequestException 400 when the parent does not exist
   */
  public ReviewTag create(String caseId, TagRequests.NewTag request, IdentitySet by) {
    lookups.cases().requireCase(caseId);
    String parentId =
        request.parentId() == null
            ? null
            : lookups.tagRef(caseId, request.parentId(), "parent").getId();
    requireFreeName(caseId, request.displayName(), null);
    ReviewTag tag =
        ReviewTag.create(
            caseId,
            request.displayName(),
            request.description(),
            request.childSelectability(),
            parentId,
            by,
            now());
    tags.add(tag);
    return tag;
  }

  private void requireFreeName(String caseId, String displayName, String exceptTagId) {
    Optional<ReviewTag> existing = tags.findByName(caseId, displayName);
    if (existing.isPresent() && !existing.get().getId().equals(exceptTagId)) {
      throw new ConflictException(
          "The case '"
              + caseId
              + "' already has a review tag named '"
              + GraphError.clip(displayName)
              + "' (tag '"
              + existing.get().getId()
              + "'; names are compared ignoring case).");
    }
  }

  public ReviewTag get(String caseId, String tagId) {
    return lookups.findTag(caseId, tagId);
  }

  public List<ReviewTag> list(String caseId, ListQuery query) {
    lookups.cases().requireCase(caseId);
    return tags.list(caseId, query);
  }

  public long count(String caseId, ListQuery.Condition filter) {
    return tags.count(caseId, filter);
  }

  public ReviewTag update(String caseId, String tagId, TagRequests.TagChanges changes) {
    ReviewTag tag = lookups.findTag(caseId, tagId);
    if (changes.displayName() != null) {
      requireFreeName(caseId, changes.displayName(), tagId);
      tag.rename(changes.displayName());
    }
    if (changes.descriptionGiven()) {
      tag.describe(changes.description());
    }
    if (changes.childSelectability() != null) {
      tag.childSelectability(changes.childSelectability());
    }
    tag.modified(now());
    return tags.update(tag);
  }

  /** Deletes the tag and its descendants. */
  public void delete(String caseId, String tagId) {
    lookups.findTag(caseId, tagId);
    tags.delete(caseId, tagId);
  }

  public List<ReviewTag> children(String caseId, String tagId) {
    lookups.findTag(caseId, tagId);
    return tags.children(caseId, tagId);
  }

  /** A page of the tag's direct children; 404 when the tag is not the case's. */
  public List<ReviewTag> children(String caseId, String tagId, ListQuery query) {
    lookups.findTag(caseId, tagId);
    return tags.children(caseId, tagId, query);
  }

  public long countChildren(String caseId, String tagId, ListQuery.Condition filter) {
    return tags.countChildren(caseId, tagId, filter);
  }

  /** The tag's parent; 404 for a top-level tag. */
  public ReviewTag parent(String caseId, String tagId) {
    ReviewTag tag = lookups.findTag(caseId, tagId);
    if (tag.getParentId() == null) {
      throw new ResourceNotFoundException(
          "The review tag '" + tagId + "' is a top-level tag: it has no parent.");
    }
    return lookups.findTag(caseId, tag.getParentId());
  }

  /** Every tag of the case by parent id (null for the top level), each list oldest first. */
  public Map<String, List<ReviewTag>> hierarchy(String caseId) {
    lookups.cases().requireCase(caseId);
    Map<String, List<ReviewTag>> byParent = new LinkedHashMap<>();
    for (ReviewTag tag : tags.listAll(caseId)) {
      byParent.computeIfAbsent(tag.getParentId(), k -> new ArrayList<>()).add(tag);
    }
    return byParent;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
