package org.caseops.api.lookup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Optional;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.NoncustodialSourceRepository;
import org.caseops.domain.holds.LegalHold;
import org.caseops.domain.holds.LegalHoldRepository;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.InvalidRequestException;
import org.caseops.domain.support.ResourceNotFoundException;

/**
 * Turns the ids of searches, review sets, review-set queries and files, and review tags into stored
 * resources, in two ways. An id from the URL that names nothing is a 404 {@code itemNotFound}
 * naming the first missing level (as {@link Lookups} does); an id from the request body (a
 * reference such as {@code "search": {"id": ...}}) that names nothing is a 400 {@code
 * invalidRequest} naming the property and the id, because the URL itself was right.
 */
@Dependent
public class ResourceLookups {
  private final Lookups lookups;
  private final SearchRepository searches;
  private final ReviewSetRepository reviewSets;
  private final ReviewTagRepository tags;

  // Injected apart from the constructor: tests that build this for other resources leave them out.
  @Inject NoncustodialSourceRepository noncustodial;
  @Inject LegalHoldRepository legalHolds;

  @Inject
  public ResourceLookups(
      Lookups lookups,
      SearchRepository searches,
      ReviewSetRepository reviewSets,
      ReviewTagRepository tags) {
    this.lookups = lookups;
    this.searches = searches;
    this.reviewSets = reviewSets;
    this.tags = tags;
  }

  public Lookups cases() {
    return lookups;
  }

  public static String searchId(String raw) {
    return Lookups.urlGuid(raw, "ediscoverySearch");
  }

  public static String reviewSetId(String raw) {
    return Lookups.urlGuid(raw, "ediscoveryReviewSet");
  }

  public static String queryId(String raw) {
    return Lookups.urlGuid(raw, "ediscoveryReviewSetQuery");
  }

  public static String tagId(String raw) {
    return Lookups.urlGuid(raw, "ediscoveryReviewTag");
  }

  /** A review-set file id from a URL: 32 hexadecimal characters, returned in lower case. */
  public static String fileId(String raw) {
    return Lookups.urlHex32(raw, "ediscoveryFile");
  }

  // ---- ids from the URL: 404

  public EdiscoverySearch findSearch(String caseId, String searchId) {
    Optional<EdiscoverySearch> search = searches.find(caseId, searchId);
    if (search.isPresent()) {
      return search.get();
    }
    lookups.requireCase(caseId);
    throw new ResourceNotFoundException(
        "No ediscoverySearch with id '" + searchId + "' in case '" + caseId + "'.");
  }

  public ReviewSet findReviewSet(String caseId, String reviewSetId) {
    Optional<ReviewSet> set = reviewSets.find(caseId, reviewSetId);
    if (set.isPresent()) {
      return set.get();
    }
    lookups.requireCase(caseId);
    throw new ResourceNotFoundException(
        "No ediscoveryReviewSet with id '" + reviewSetId + "' in case '" + caseId + "'.");
  }

  public ReviewSetQuery findQuery(String caseId, String reviewSetId, String queryId) {
    Optional<ReviewSetQuery> query = reviewSets.findQuery(caseId, reviewSetId, queryId);
    if (query.isPresent()) {
      return query.get();
    }
    findReviewSet(caseId, reviewSetId);
    throw new ResourceNotFoundException(
        "No ediscoveryReviewSetQuery with id '"
            + queryId
            + "' in review set '"
            + reviewSetId
            + "'.");
  }

  public ReviewSetItem findFile(String caseId, String reviewSetId, String fileId) {
    findReviewSet(caseId, reviewSetId);
    return reviewSets
        .findItem(reviewSetId, fileId)
        .orElseThrow(
            () ->
                new ResourceNotFoundException(
                    "No ediscoveryFile with id '"
                        + fileId
                        + "' in review set '"
                        + reviewSetId
                        + "'."));
  }

  public ReviewTag findTag(String caseId, String tagId) {
    Optional<ReviewTag> tag = tags.find(caseId, tagId);
    if (tag.isPresent()) {
      return tag.get();
    }
    lookups.requireCase(caseId);
    throw new ResourceNotFoundException(
        "No ediscoveryReviewTag with id '" + tagId + "' in case '" + caseId + "'.");
  }

  // ---- references from the body: 400

  /** The search a body property refers to; the case must exist. */
  public EdiscoverySearch searchRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoverySearch");
    return searches
        .find(caseId, id)
        .orElseThrow(() -> missingRef(caseId, property, "ediscoverySearch", id));
  }

  /** The custodian a body property refers to; the case must exist. */
  public Custodian custodianRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryCustodian");
    try {
      return lookups.findCustodian(caseId, id);
    } catch (ResourceNotFoundException e) {
      lookups.requireCase(caseId);
      throw missingRef(caseId, property, "ediscoveryCustodian", id);
    }
  }

  /**
   * The id of the custodian or non-custodial data source a hold change's {@code ids} names; the
   * case must exist.
   */
  public String containerRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryCustodian");
    if (noncustodial != null && noncustodial.find(caseId, id).isPresent()) {
      return id;
    }
    return custodianRef(caseId, id, property).getId();
  }

  /**
   * The legal hold a body property refers to; the case must exist. A deleted hold counts while it
   * is still there (its deletion's sync has not ended well): a holdPolicySync of it completes the
   * deletion.
   */
  public LegalHold legalHoldRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryHoldPolicy");
    lookups.requireCase(caseId);
    return Optional.ofNullable(legalHolds)
        .flatMap(repository -> repository.findAny(caseId, id))
        .orElseThrow(() -> missingRef(caseId, property, "ediscoveryHoldPolicy", id));
  }

  public ReviewSet reviewSetRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryReviewSet");
    return reviewSets
        .find(caseId, id)
        .orElseThrow(() -> missingRef(caseId, property, "ediscoveryReviewSet", id));
  }

  public ReviewSetQuery queryRef(String caseId, String reviewSetId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryReviewSetQuery");
    return reviewSets
        .findQuery(caseId, reviewSetId, id)
        .orElseThrow(
            () ->
                new InvalidRequestException(
                    "The '"
                        + property
                        + "' refers to ediscoveryReviewSetQuery '"
                        + id
                        + "', which does not exist in review set '"
                        + reviewSetId
                        + "'."));
  }

  public ReviewTag tagRef(String caseId, String rawId, String property) {
    String id = Lookups.guid(rawId, "ediscoveryReviewTag");
    return tags.find(caseId, id)
        .orElseThrow(() -> missingRef(caseId, property, "ediscoveryReviewTag", id));
  }

  private static InvalidRequestException missingRef(
      String caseId, String property, String type, String id) {
    return new InvalidRequestException(
        "The '"
            + property
            + "' refers to "
            + type
            + " '"
            + id
            + "', which does not exist in case '"
            + caseId
            + "'.");
  }
}
