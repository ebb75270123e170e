package org.caseops.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.caseops.domain.cases.CaseRepository;
import org.caseops.domain.cases.EdiscoveryCase;
import org.caseops.domain.identity.IdentitySet;
import org.caseops.domain.items.Item;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewSetQuery;
import org.caseops.domain.reviewsets.ReviewSetRepository;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.reviewsets.ReviewTagRepository;
import org.caseops.domain.searches.DataSourceScopes;
import org.caseops.domain.searches.EdiscoverySearch;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.domain.support.ListQuery;
import org.caseops.persistence.testing.SeTransactions;
import org.caseops.persistence.testing.TestDatabase;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The search, review-set and review-tag repositories, on H2 and on PostgreSQL. */
class ReviewRepositoriesTest {
  private static final IdentitySet ALICE = IdentitySet.user("u-1", "Alice");

  static Stream<TestDatabase.Kind> databases() {
    return Stream.of(TestDatabase.Kind.H2, TestDatabase.Kind.POSTGRESQL);
  }

  private static TestDatabase open(TestDatabase.Kind kind) {
    return kind == TestDatabase.Kind.H2 ? TestDatabase.h2() : TestDatabase.postgresql();
  }

  private static String newCase(WeldContainer weld, Instant now) {
    EdiscoveryCase c = EdiscoveryCase.open("Case", null, null, ALICE, now);
    weld.select(CaseRepository.class).get().add(c);
    return c.getId();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void searchesKeepTheirScopesAndSourcesAndAreFilteredWithinTheirCase(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      SearchRepository searches = weld.select(SearchRepository.class).get();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String caseId = newCase(weld, now);
      String otherCase = newCase(weld, now);

      EdiscoverySearch a =
          EdiscoverySearch.create(
              caseId,
              "Alpha",
              "d",
              "from:alice",
              Set.of(DataSourceScopes.allCaseCustodians),
              List.of("s1", "s2"),
              List.of("s3"),
              ALICE,
              now);
      EdiscoverySearch b =
          EdiscoverySearch.create(
              caseId, "Beta", null, "", Set.of(), List.of(), List.of(), ALICE, now.plusSeconds(1));
      searches.add(a);
      searches.add(b);
      searches.add(
          EdiscoverySearch.create(
              otherCase, "Alpha", null, "", Set.of(), List.of(), List.of(), ALICE, now));

      EdiscoverySearch found = searches.find(caseId, a.getId()).orElseThrow();
      assertThat(found.getDataSourceScopes()).containsExactly(DataSourceScopes.allCaseCustodians);
      assertThat(found.getCustodianSourceIds()).containsExactlyInAnyOrder("s1", "s2");
      assertThat(found.getAdditionalSourceIds()).containsExactly("s3");
      assertThat(found.getContentQuery()).isEqualTo("from:alice");
      assertThat(found.getCreatedBy()).isEqualTo(ALICE);
      assertThat(searches.find(otherCase, a.getId())).isEmpty();

      assertThat(searches.list(caseId, ListQuery.page(0, 10)))
          .extracting(EdiscoverySearch::getId)
          .containsExactly(a.getId(), b.getId());
      ListQuery.Condition beta =
          new ListQuery.Comparison("displayName", ListQuery.Operator.EQ, "Beta");
      assertThat(searches.list(caseId, new ListQuery(beta, List.of(), 0, 10)))
          .extracting(EdiscoverySearch::getId)
          .containsExactly(b.getId());
      assertThat(searches.count(caseId, null)).isEqualTo(2);
      assertThat(searches.count(caseId, beta)).isEqualTo(1);

      found.rename("Alpha 2");
      found.scope(Set.of());
      searches.update(found);
      searches.markEstimated(a.getId(), "op1");
      EdiscoverySearch changed = searches.find(caseId, a.getId()).orElseThrow();
      assertThat(changed.getDisplayName()).isEqualTo("Alpha 2");
      assertThat(changed.getDataSourceScopes()).isEmpty();
      assertThat(changed.getLastEstimateOperationId()).isEqualTo("op1");
      assertThat(changed.getCustodianSourceIds()).containsExactlyInAnyOrder("s1", "s2");

      searches.delete(caseId, a.getId());
      assertThat(searches.find(caseId, a.getId())).isEmpty();
      assertThat(searches.count(caseId, null)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void reviewSetsHoldEachItemOnceAndKeepTheirQueries(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      ReviewSetRepository sets = weld.select(ReviewSetRepository.class).get();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String caseId = newCase(weld, now);

      ReviewSet set = ReviewSet.create(caseId, "Privileged", ALICE, now);
      sets.add(set);
      assertThat(sets.nameTaken(caseId, "PRIVILEGED")).isTrue();
      assertThat(sets.nameTaken(caseId, "Other")).isFalse();
      assertThat(sets.list(caseId, ListQuery.page(0, 10)))
          .extracting(ReviewSet::getId)
          .containsExactly(set.getId());
      assertThat(sets.count(caseId, null)).isEqualTo(1);

      Item first = Item.catalogued(caseId, "src", "/a.eml", 10, "a".repeat(64), "op", now);
      Item second = Item.catalogued(caseId, "src", "/b.pdf", 20, "b".repeat(64), "op", now);
      sets.addItems(
          List.of(
              ReviewSetItem.copyOf(set.getId(), first, "email", "A", "op", now),
              ReviewSetItem.copyOf(
                  set.getId(), second, "docs", "b.pdf", "op", now.plusSeconds(1))));
      assertThat(sets.itemIdsPresent(set.getId(), List.of(first.getId(), "x")))
          .containsExactly(first.getId());
      assertThat(sets.countItems(set.getId())).isEqualTo(2);
      List<ReviewSetItem> page = sets.listItems(set.getId(), 1, 10);
      assertThat(page).extracting(ReviewSetItem::getItemId).containsExactly(second.getId());
      String fileId = ReviewSetItem.idFor(set.getId(), first.getId());
      ReviewSetItem file = sets.findItem(set.getId(), fileId).orElseThrow();
      assertThat(file.getSha256()).isEqualTo("a".repeat(64));
      assertThat(file.getKind()).isEqualTo("email");
      assertThat(sets.findItem("other-set", fileId)).isEmpty();

      String secondFileId = ReviewSetItem.idFor(set.getId(), second.getId());
      assertThat(sets.findItems(set.getId(), List.of(fileId, secondFileId, "not-a-file")))
          .extracting(ReviewSetItem::getId)
          .containsExactlyInAnyOrder(fileId, secondFileId);
      assertThat(sets.findItems("other-set", List.of(fileId))).isEmpty();
      assertThat(sets.findItems(set.getId(), List.of())).isEmpty();
      sets.removeItems(List.of(secondFileId, "not-a-file"));
      assertThat(sets.countItems(set.getId())).isEqualTo(1);
      assertThat(sets.findItem(set.getId(), secondFileId)).isEmpty();
      assertThat(sets.itemIdsPresent(set.getId(), List.of(first.getId(), second.getId())))
          .containsExactly(first.getId());

      ReviewSetQuery q = ReviewSetQuery.create(caseId, set.getId(), "Q", "tag:Hot", ALICE, now);
      sets.addQuery(q);
      ReviewSetQuery foundQuery = sets.findQuery(caseId, set.getId(), q.getId()).orElseThrow();
      assertThat(foundQuery.getContentQuery()).isEqualTo("tag:Hot");
      assertThat(sets.findQuery(caseId, "other-set", q.getId())).isEmpty();
      foundQuery.query("budget");
      sets.updateQuery(foundQuery);
      assertThat(sets.findQuery(caseId, set.getId(), q.getId()).orElseThrow().getContentQuery())
          .isEqualTo("budget");
      assertThat(sets.listQueries(set.getId(), ListQuery.page(0, 10))).hasSize(1);
      assertThat(sets.countQueries(set.getId(), null)).isEqualTo(1);
      sets.deleteQuery(caseId, set.getId(), q.getId());
      assertThat(sets.countQueries(set.getId(), null)).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void tagsFormATreeAndDeletingOneTakesItsDescendantsOffTheFiles(TestDatabase.Kind kind) {
    try (TestDatabase db = open(kind);
        WeldContainer weld = new Weld().initialize()) {
      SeTransactions.use(db.entityManagerFactory());
      ReviewTagRepository tags = weld.select(ReviewTagRepository.class).get();
      ReviewSetRepository sets = weld.select(ReviewSetRepository.class).get();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      String caseId = newCase(weld, now);

      ReviewTag top =
          ReviewTag.create(caseId, "Responsive", null, ChildSelectability.One, null, ALICE, now);
      tags.add(top);
      ReviewTag hot =
          ReviewTag.create(caseId, "Hot", "d", null, top.getId(), ALICE, now.plusSeconds(1));
      tags.add(hot);
      ReviewTag other =
          ReviewTag.create(caseId, "Other", null, null, null, ALICE, now.plusSeconds(2));
      tags.add(other);

      assertThat(tags.findByName(caseId, "HOT"))
          .get()
          .extracting(ReviewTag::getId)
          .isEqualTo(hot.getId());
      assertThat(tags.children(caseId, top.getId()))
          .extracting(ReviewTag::getId)
          .containsExactly(hot.getId());
      assertThat(tags.listAll(caseId)).hasSize(3);
      ListQuery.Condition one =
          new ListQuery.Comparison(
              "childSelectability", ListQuery.Operator.EQ, ChildSelectability.One);
      assertThat(tags.list(caseId, new ListQuery(one, List.of(), 0, 10)))
          .extracting(ReviewTag::getId)
          .containsExactly(top.getId());
      assertThat(tags.count(caseId, null)).isEqualTo(3);

      ReviewSet set = ReviewSet.create(caseId, "R", ALICE, now);
      sets.add(set);
      Item item = Item.catalogued(caseId, "src", "/a.eml", 10, "a".repeat(64), "op", now);
      ReviewSetItem file = ReviewSetItem.copyOf(set.getId(), item, "email", "A", "op", now);
      sets.addItems(List.of(file));
      tags.retag(set.getId(), Map.of(file.getId(), Set.of(hot.getId(), other.getId())), Map.of());
      assertThat(tags.tagsOf(List.of(file.getId())).get(file.getId()))
          .containsExactlyInAnyOrder(hot.getId(), other.getId());
      assertThat(tags.itemIdsWithTag(set.getId(), hot.getId())).containsExactly(item.getId());
      tags.retag(set.getId(), Map.of(), Map.of(file.getId(), Set.of(other.getId())));
      assertThat(tags.tagsOf(List.of(file.getId())).get(file.getId())).containsExactly(hot.getId());
      tags.retag(set.getId(), Map.of(file.getId(), Set.of(other.getId())), Map.of());

      ReviewTag changed = tags.find(caseId, hot.getId()).orElseThrow();
      changed.rename("Very hot");
      tags.update(changed);
      assertThat(tags.find(caseId, hot.getId()).orElseThrow().getDisplayName())
          .isEqualTo("Very hot");

      tags.delete(caseId, top.getId());
      assertThat(tags.listAll(caseId)).extracting(ReviewTag::getId).containsExactly(other.getId());
      assertThat(tags.tagsOf(List.of(file.getId())).get(file.getId()))
          .containsExactly(other.getId());
    }
  }
}
