package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.audit.AuditLog;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.custodians.Custodian;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ListQuery.And;
import org.caseops.domain.support.ListQuery.Comparison;
import org.caseops.domain.support.ListQuery.Condition;
import org.caseops.domain.support.ListQuery.In;
import org.caseops.domain.support.ListQuery.Not;
import org.caseops.domain.support.ListQuery.Operator;
import org.caseops.domain.support.ListQuery.Or;
import org.caseops.domain.support.ListQuery.OrderKey;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filtered, ordered and paged lists of the collections under another resource (a custodian's
 * sources, a search's sources, a review set's files, a tag's children) and of the audit log, on H2
 * and on PostgreSQL.
 */
class NestedListQueryTest {
  private static final IdentitySet ALICE = IdentitySet.user("u-1", "Alice");
  private static final Instant DEC = Instant.parse("2025-12-15T10:00:00Z");
  private static final Instant JAN = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-05T10:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-05T10:00:00Z");

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  private static ListQuery query(Condition filter, List<OrderKey> order, int offset, int limit) {
    return new ListQuery(filter, order, offset, limit);
  }

  private static String newCase(WeldContainer weld) {
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, DEC);
    weld.select(CaseRepository.class).get().add(c);
    return c.getId();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void sourcesOfACustodianAndOfASearchAreFilteredOrderedAndCounted(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      CustodianRepository custodians = weld.select(CustodianRepository.class).get();
      String caseId = newCase(weld);
      Custodian adele = Custodian.add(caseId, "adele@contoso.com", "Adele", DEC);
      Custodian bob = Custodian.add(caseId, "bob@contoso.com", "Bob", DEC);
      custodians.add(adele);
      custodians.add(bob);
      CustodianSource inbox =
          CustodianSource.mailbox(caseId, adele.getId(), "adele@contoso.com", "Inbox", ALICE, DEC);
      CustodianSource archive =
          CustodianSource.mailbox(
              caseId, adele.getId(), "archive@contoso.com", "Archive", ALICE, FEB);
      CustodianSource shared =
          CustodianSource.mailbox(caseId, adele.getId(), "shared@contoso.com", null, ALICE, JAN);
      CustodianSource site =
          CustodianSource.site(
              caseId, adele.getId(), "https://contoso.sharepoint.com/sites/hr", "HR", ALICE, JAN);
      CustodianSource bobs =
          CustodianSource.mailbox(caseId, bob.getId(), "bob@contoso.com", "Bob", ALICE, DEC);
      for (CustodianSource s : List.of(inbox, archive, shared, site, bobs)) {
        custodians.addSource(s);
      }
      String a = adele.getId();

      // Without an order: oldest first; the site and Bob's mailbox are out of scope.
      assertThat(custodians.listSources(caseId, a, SourceKind.USER, ListQuery.page(0, 10)))
          .extracting(CustodianSource::getId)
          .containsExactly(inbox.getId(), shared.getId(), archive.getId());
      Condition notInboxSinceJanuary =
          new And(
              new Not(new Comparison("displayName", Operator.EQ, "Inbox")),
              new Comparison("createdDateTime", Operator.GE, JAN));
      assertThat(
              custodians.listSources(
                  caseId,
                  a,
                  SourceKind.USER,
                  query(notInboxSinceJanuary, List.of(new OrderKey("email", true)), 0, 1)))
          .extracting(CustodianSource::getId)
          .containsExactly(shared.getId());
      assertThat(custodians.countSources(caseId, a, SourceKind.USER, notInboxSinceJanuary))
          .isEqualTo(2);
      Condition notApplied = new In("holdStatus", Set.of(DataSourceHoldStatus.notApplied));
      assertThat(custodians.countSources(caseId, a, SourceKind.SITE, notApplied)).isEqualTo(1);
      assertThat(
              custodians.countSources(caseId, a, SourceKind.USER, new In("holdStatus", Set.of())))
          .isZero();
      assertThat(
              custodians.listSources(
                  caseId,
                  a,
                  SourceKind.SITE,
                  query(
                      new Comparison(
                          "siteWebUrl", Operator.EQ, "https://contoso.sharepoint.com/sites/hr"),
                      List.of(),
                      0,
                      10)))
          .extracting(CustodianSource::getId)
          .containsExactly(site.getId());
      assertThat(custodians.listSources(caseId, a, SourceKind.USER, query(null, List.of(), 0, 0)))
          .isEmpty();

      // Sources bound to a search: both kinds, only the named ids, only within the case.
      List<String> bound = List.of(site.getId(), archive.getId(), bobs.getId(), "not-a-source");
      assertThat(custodians.listSourcesIn(caseId, bound, ListQuery.page(0, 10)))
          .extracting(CustodianSource::getId)
          .containsExactly(bobs.getId(), site.getId(), archive.getId());
      Condition mailboxesOrHr =
          new Or(
              new Comparison("email", Operator.NE, null),
              new Comparison("displayName", Operator.EQ, "HR"));
      assertThat(
              custodians.listSourcesIn(
                  caseId,
                  bound,
                  query(mailboxesOrHr, List.of(new OrderKey("displayName", false)), 1, 10)))
          .extracting(CustodianSource::getId)
          .containsExactly(bobs.getId(), site.getId());
      assertThat(
              custodians.countSourcesIn(caseId, bound, new Comparison("email", Operator.EQ, null)))
          .isEqualTo(1);
      assertThat(custodians.listSourcesIn("other-case", bound, ListQuery.page(0, 10))).isEmpty();
      assertThat(custodians.listSourcesIn(caseId, List.of(), ListQuery.page(0, 10))).isEmpty();
      assertThat(custodians.countSourcesIn(caseId, List.of(), null)).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void filesAreFilteredByNameSizeAndTheirSentOrAddedTime(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      ReviewSetRepository sets = weld.select(ReviewSetRepository.class).get();
      String caseId = newCase(weld);
      ReviewSet set = ReviewSet.create(caseId, "Privileged", ALICE, DEC);
      ReviewSet otherSet = ReviewSet.create(caseId, "Other", ALICE, DEC);
      sets.add(set);
      sets.add(otherSet);

      // Sent in December, added in March; a document added in January; a message sent in March,
      // added in February.
      Item oldMail =
          Item.catalogued(caseId, "src", "/old.eml", 300, "a".repeat(64), "op", DEC)
              .withMessage("Budget", "cfo@contoso.com", null, null, DEC, "<m1>", 0);
      Item doc =
          Item.catalogued(caseId, "src", "/plan.pdf", 5_000_000_000L, "b".repeat(64), "op", JAN);
      Item newMail =
          Item.catalogued(caseId, "src", "/new.eml", 100, "c".repeat(64), "op", MAR)
              .withMessage("Re: Budget", "ceo@contoso.com", null, null, MAR, "<m2>", 0);
      ReviewSetItem oldFile =
          ReviewSetItem.copyOf(set.getId(), oldMail, "email", "Budget", "op", MAR);
      ReviewSetItem docFile = ReviewSetItem.copyOf(set.getId(), doc, "docs", "plan.pdf", "op", JAN);
      ReviewSetItem newFile =
          ReviewSetItem.copyOf(set.getId(), newMail, "email", "Re: Budget", "op", FEB);
      ReviewSetItem elsewhere =
          ReviewSetItem.copyOf(otherSet.getId(), doc, "docs", "plan.pdf", "op", JAN);
      sets.addItems(List.of(oldFile, docFile, newFile, elsewhere));
      String s = set.getId();

      // The order when none is given stays the order files were added.
      assertThat(sets.listItems(s, ListQuery.page(0, 10)))
          .extracting(ReviewSetItem::getId)
          .containsExactly(docFile.getId(), newFile.getId(), oldFile.getId());
      assertThat(sets.listItems(s, 1, 1))
          .extracting(ReviewSetItem::getId)
          .containsExactly(newFile.getId());

      // dateTime is the sent time where there is one, else the time the file was added.
      List<OrderKey> byDateTime = List.of(new OrderKey("dateTime", false));
      assertThat(sets.listItems(s, query(null, byDateTime, 0, 10)))
          .extracting(ReviewSetItem::getId)
          .containsExactly(oldFile.getId(), docFile.getId(), newFile.getId());
      Condition beforeFebruary = new Comparison("dateTime", Operator.LT, FEB);
      assertThat(sets.listItems(s, query(beforeFebruary, List.of(), 0, 10)))
          .extracting(ReviewSetItem::getId)
          .containsExactly(docFile.getId(), oldFile.getId());
      assertThat(sets.countItems(s, new Comparison("dateTime", Operator.EQ, MAR))).isEqualTo(1);
      assertThat(sets.countItems(s, new Comparison("dateTime", Operator.NE, MAR))).isEqualTo(2);
      assertThat(sets.countItems(s, new Comparison("dateTime", Operator.EQ, FEB))).isZero();
      assertThat(sets.countItems(s, new Not(new Comparison("dateTime", Operator.GE, JAN))))
          .isEqualTo(1);
      assertThat(sets.countItems(s, new Comparison("dateTime", Operator.EQ, null))).isZero();
      assertThat(sets.countItems(s, new Comparison("dateTime", Operator.NE, null))).isEqualTo(3);

      // size is a 64-bit integer.
      assertThat(
              sets.listItems(
                  s, query(new Comparison("size", Operator.GT, 4_000_000_000L), List.of(), 0, 10)))
          .extracting(ReviewSetItem::getId)
          .containsExactly(docFile.getId());
      List<OrderKey> bySizeDescending = List.of(new OrderKey("size", true));
      Condition budget =
          new Or(
              new Comparison("name", Operator.EQ, "Budget"),
              new Comparison("subjectTitle", Operator.EQ, "Re: Budget"));
      assertThat(sets.listItems(s, query(budget, bySizeDescending, 0, 10)))
          .extracting(ReviewSetItem::getId)
          .containsExactly(oldFile.getId(), newFile.getId());
      assertThat(sets.countItems(s, budget)).isEqualTo(2);
      assertThat(sets.countItems(otherSet.getId(), null)).isEqualTo(1);
      assertThatThrownBy(() -> sets.countItems(s, new Comparison("sha256", Operator.EQ, "x")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void childTagsAreFilteredWithinTheirParent(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      ReviewTagRepository tags = weld.select(ReviewTagRepository.class).get();
      String caseId = newCase(weld);
      ReviewTag top =
          ReviewTag.create(caseId, "Responsive", null, ChildSelectability.One, null, ALICE, DEC);
      tags.add(top);
      ReviewTag hot =
          ReviewTag.create(caseId, "Hot", null, ChildSelectability.Many, top.getId(), ALICE, JAN);
      ReviewTag cold =
          ReviewTag.create(caseId, "Cold", null, ChildSelectability.One, top.getId(), ALICE, FEB);
      ReviewTag warm =
          ReviewTag.create(caseId, "Warm", null, ChildSelectability.One, top.getId(), ALICE, MAR);
      ReviewTag loose =
          ReviewTag.create(caseId, "Loose", null, ChildSelectability.One, null, ALICE, MAR);
      for (ReviewTag t : List.of(hot, cold, warm, loose)) {
        tags.add(t);
      }

      assertThat(tags.children(caseId, top.getId()))
          .extracting(ReviewTag::getId)
          .containsExactly(hot.getId(), cold.getId(), warm.getId());
      Condition one = new In("childSelectability", Set.of(ChildSelectability.One));
      assertThat(
              tags.children(
                  caseId,
                  top.getId(),
                  query(one, List.of(new OrderKey("displayName", true)), 0, 10)))
          .extracting(ReviewTag::getId)
          .containsExactly(warm.getId(), cold.getId());
      assertThat(tags.countChildren(caseId, top.getId(), one)).isEqualTo(2);
      assertThat(tags.countChildren(caseId, top.getId(), null)).isEqualTo(3);
      assertThat(tags.countChildren("other-case", top.getId(), null)).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void theAuditLogIsFilteredNewestFirst(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      AuditLog log = weld.select(AuditLog.class).get();
      String cases = "/v1.0/security/cases/ediscoveryCases";
      AuditEntry created = AuditEntry.of(DEC, "POST", cases, 201, "r-1", null, null, ALICE);
      AuditEntry refused =
          AuditEntry.of(JAN, "DELETE", cases + "/case-9", 409, "r-2", null, "case-9", ALICE);
      AuditEntry patched =
          AuditEntry.of(FEB, "PATCH", cases + "/case-9", 204, "r-3", null, "case-9", ALICE);
      AuditEntry throttled =
          AuditEntry.of(MAR, "POST", cases + "/case-7/searches", 429, "r-4", null, "case-7", ALICE);
      for (AuditEntry e : List.of(created, refused, patched, throttled)) {
        log.record(e);
      }

      assertThat(log.list(ListQuery.page(0, 10)))
          .extracting(AuditEntry::getRequestId)
          .containsExactly("r-4", "r-3", "r-2", "r-1");
      Condition failedOnCase9 =
          new And(
              new Comparison("status", Operator.GE, 400L),
              new Comparison("caseId", Operator.EQ, "case-9"));
      assertThat(log.list(query(failedOnCase9, List.of(), 0, 10)))
          .extracting(AuditEntry::getRequestId)
          .containsExactly("r-2");
      Condition postsSinceJanuary =
          new And(
              new Comparison("method", Operator.EQ, "POST"),
              new Comparison("dateTime", Operator.GT, JAN));
      assertThat(log.count(postsSinceJanuary)).isEqualTo(1);
      assertThat(log.count(new Comparison("caseId", Operator.EQ, null))).isEqualTo(1);
      assertThat(log.list(query(null, List.of(new OrderKey("status", false)), 1, 2)))
          .extracting(AuditEntry::getRequestId)
          .containsExactly("r-3", "r-2");
      assertThat(
              log.list(
                  query(new Comparison("path", Operator.GT, cases + "/case-8"), List.of(), 0, 10)))
          .extracting(AuditEntry::getRequestId)
          .containsExactly("r-3", "r-2");
      assertThat(log.list(query(null, List.of(), 0, 0))).isEmpty();
    }
  }
}
