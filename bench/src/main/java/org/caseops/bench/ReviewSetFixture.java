package org.caseops.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;

/**
 * A review set made directly, without the index and addToReviewSet jobs: each file's content goes
 * into the case's content store and its catalog entry and review-set file are added as
 * addToReviewSet adds them, a thousand at a time, from files generated one by one (so that a review
 * set of 100,000 files is made in a small heap). The jobs that read review sets (contentExport,
 * convertToPdf) cannot tell it from one the jobs made.
 */
final class ReviewSetFixture {
  /** One file to put in the review set: an RFC 822 message ({@code email}) or a document. */
  record Native(
      String location,
      boolean email,
      String name,
      String contentType,
      byte[] bytes,
      String subject,
      String from,
      String to,
      String cc,
      Instant sent) {}

  /** The review set made: its case, its id, how many files and their bytes. */
  record Made(String caseId, String reviewSetId, long files, long bytes) {}

  private static final IdentitySet BENCH =
      IdentitySet.application("caseops-bench", "caseops bench");
  private static final int BATCH = 1000;

  private ReviewSetFixture() {}

  /** A new case with one custodian and one mailbox source, and a review set of the files. */
  static Made make(JobRunner runner, String name, Iterator<Native> natives) throws IOException {
    CaseRepository cases = runner.bean(CaseRepository.class);
    CustodianRepository custodians = runner.bean(CustodianRepository.class);
    ItemRepository catalog = runner.bean(ItemRepository.class);
    ReviewSetRepository reviewSets = runner.bean(ReviewSetRepository.class);
    ContentStore store = runner.bean(ContentStore.class);
    Instant now = Instant.now();
    EdiscoveryCase c = EdiscoveryCase.open(name + " " + now, name, null, BENCH, now);
    cases.add(c);
    Custodian custodian = Custodian.add(c.getId(), "megan@contoso.com", null, now);
    custodians.add(custodian);
    CustodianSource source =
        CustodianSource.mailbox(
            c.getId(), custodian.getId(), "megan@contoso.com", null, BENCH, now);
    custodians.addSource(source);
    ReviewSet set = ReviewSet.create(c.getId(), name, BENCH, now);
    reviewSets.add(set);
    long files = 0;
    long bytes = 0;
    List<Item> items = new ArrayList<>(BATCH);
    List<ReviewSetItem> copies = new ArrayList<>(BATCH);
    while (natives.hasNext()) {
      Native n = natives.next();
      String sha = store.put(c.getId(), new ByteArrayInputStream(n.bytes()));
      Item item =
          Item.catalogued(
              c.getId(), source.getId(), n.location(), n.bytes().length, sha, null, now);
      if (n.email()) {
        item.withMessage(n.subject(), n.from(), n.to(), n.cc(), n.sent(), null, 0);
      }
      item.withContentType(n.contentType());
      items.add(item);
      copies.add(
          ReviewSetItem.copyOf(
              set.getId(), item, n.email() ? "email" : "docs", n.name(), null, now));
      files++;
      bytes += n.bytes().length;
      if (items.size() == BATCH) {
        flush(catalog, reviewSets, items, copies);
      }
    }
    flush(catalog, reviewSets, items, copies);
    return new Made(c.getId(), set.getId(), files, bytes);
  }

  private static void flush(
      ItemRepository catalog,
      ReviewSetRepository reviewSets,
      List<Item> items,
      List<ReviewSetItem> copies) {
    if (items.isEmpty()) {
      return;
    }
    catalog.saveAll(List.copyOf(items));
    reviewSets.addItems(List.copyOf(copies));
    items.clear();
    copies.clear();
  }
}
