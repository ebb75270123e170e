package org.caseops.api.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.operations.OperationService;
import org.caseops.api.operations.OperationTargets;
import org.caseops.api.reviewsets.ReviewSetService;
import org.caseops.api.searches.SearchService;
import org.caseops.api.tags.TagService;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.searches.EdiscoverySearch;

/**
 * One case with in-memory repositories and the services of searches, review sets, tags and
 * operations wired over them, with the jobs of the three search and review actions declared.
 */
public class CaseFixture {
  public static final IdentitySet ALICE = IdentitySet.user("u1", "Alice");
  public static final Instant NOW = Instant.parse("2024-03-01T10:15:30.123456Z");

  public final InMemoryCases cases = new InMemoryCases();
  public final InMemoryCustodians custodians = new InMemoryCustodians();
  public final InMemoryOperations operations = new InMemoryOperations();
  public final InMemorySearches searches = new InMemorySearches();
  public final InMemoryReviewSets reviewSets = new InMemoryReviewSets();
  public final InMemoryReviewTags tags = new InMemoryReviewTags();
  public final InMemoryContentStore contents = new InMemoryContentStore();
  public final InMemoryPdfRenditions renditions = new InMemoryPdfRenditions();
  public final FakeJobLauncher jobs =
      new FakeJobLauncher(
          "index",
          "estimateStatistics",
          "addToReviewSet",
          "applyTags",
          "convertToPdf",
          "holdUpdate",
          "contentExport",
          "exportReport",
          "exportResult",
          "holdPolicySync",
          "purgeData");
  public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  public final Lookups lookups = new Lookups(cases, custodians, operations);
  public final ResourceLookups resources = new ResourceLookups(lookups, searches, reviewSets, tags);

  /**
   * How many items every search matches, as the full-text index would say (for the purge limit).
   */
  public long searchMatches;

  public final OperationService operationService =
      new OperationService(lookups, operations, jobs, clock, custodians, (c, s) -> searchMatches);
  public final OperationTargets targets = new OperationTargets(resources);
  public final SearchService searchService =
      new SearchService(resources, searches, custodians, operations, operationService, clock);
  public final ReviewSetService reviewSetService =
      new ReviewSetService(
          resources,
          reviewSets,
          tags,
          custodians,
          contents,
          renditions,
          operationService,
          targets,
          clock);
  public final TagService tagService = new TagService(resources, tags, clock);

  public final String caseId;
  public final Custodian custodian;
  public final CustodianSource mailbox;
  public final CustodianSource site;

  public CaseFixture() {
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, NOW);
    cases.add(c);
    caseId = c.getId();
    custodian = Custodian.add(caseId, "alice@example.com", "Alice", NOW);
    custodians.add(custodian);
    mailbox =
        CustodianSource.mailbox(caseId, custodian.getId(), "alice@example.com", null, ALICE, NOW);
    custodians.addSource(mailbox);
    site =
        CustodianSource.site(
            caseId, custodian.getId(), "https://example.com/sites/legal", null, ALICE, NOW);
    custodians.addSource(site);
  }

  /** Another case, empty. */
  public String otherCase() {
    EdiscoveryCase c = EdiscoveryCase.open("Other", null, null, ALICE, NOW);
    cases.add(c);
    return c.getId();
  }

  public EdiscoverySearch search(String name) {
    EdiscoverySearch s =
        EdiscoverySearch.create(
            caseId, name, null, "", Set.of(), List.of(mailbox.getId()), List.of(), ALICE, NOW);
    searches.add(s);
    return s;
  }

  public ReviewSet reviewSet(String name) {
    ReviewSet r = ReviewSet.create(caseId, name, ALICE, NOW);
    reviewSets.add(r);
    return r;
  }

  public ReviewSetQuery query(ReviewSet set, String name, String kql) {
    ReviewSetQuery q = ReviewSetQuery.create(caseId, set.getId(), name, kql, ALICE, NOW);
    reviewSets.addQuery(q);
    return q;
  }

  public ReviewTag tag(String name, ReviewTag parent) {
    ReviewTag t =
        ReviewTag.create(
            caseId, name, null, null, parent == null ? null : parent.getId(), ALICE, NOW);
    tags.add(t);
    return t;
  }

  /**
   * A file copied into the set from an item of the given source, whose content is {@code bytes}.
   */
  public ReviewSetItem file(
      ReviewSet set, CustodianSource source, String kind, String name, byte[] bytes)
      throws java.io.IOException {
    String sha = contents.put(caseId, new java.io.ByteArrayInputStream(bytes));
    Item item =
        Item.catalogued(caseId, source.getId(), "/evidence/" + name, bytes.length, sha, "op", NOW);
    Fields.set(item, "subject", kind.equals("email") ? "Subject of " + name : null);
    Fields.set(item, "from", kind.equals("email") ? "bob@example.com" : null);
    Fields.set(item, "contentType", kind.equals("email") ? "message/rfc822" : "application/pdf");
    ReviewSetItem file = ReviewSetItem.copyOf(set.getId(), item, kind, name, "op", NOW);
    reviewSets.addItems(List.of(file));
    return file;
  }
}
