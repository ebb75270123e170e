package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caseops.api.testing.GraphErrors.assertThatRefusedBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.api.audit.AuditLogResource;
import org.caseops.api.custodians.CustodianService;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.reviewsets.FilesResource;
import org.caseops.api.reviewsets.ReviewSetService;
import org.caseops.api.searches.SearchesResource;
import org.caseops.api.tags.TagsResource;
import org.caseops.api.testing.CaseFixture;
import org.caseops.api.testing.Fields;
import org.caseops.api.testing.InMemoryAuditLog;
import org.caseops.domain.audit.AuditEntry;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.custodians.DataSourceHoldStatus;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewSet;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewTag;
import org.caseops.domain.searches.EdiscoverySearch;
import org.junit.jupiter.api.Test;

/**
 * {@code $filter}, {@code $orderby} and paging on the collections under another resource (sources
 * of a custodian and of a search, files of a review set, child tags) and on the audit log: the
 * property tables their resources declare, and what the services answer for the options they parse
 * to.
 */
class NestedCollectionQueryTest {
  private static final Instant JAN = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant FEB = Instant.parse("2026-02-05T10:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-05T10:00:00Z");

  private final CaseFixture f = new CaseFixture();
  private final CustodianService custodianService =
      new CustodianService(
          new Lookups(f.cases, f.custodians, f.operations),
          f.custodians,
          f.operations,
          Clock.fixed(MAR, ZoneOffset.UTC));

  private static QueryOptions parse(PropertyTable table, String... nameValue) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parameters.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
    }
    return QueryOptions.parse(parameters, table, false);
  }

  private static void assertRefused(Runnable parse, ErrorCode code, String inMessage) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(inMessage);
  }

  private CustodianSource mailbox(
      String email, String name, Instant created, DataSourceHoldStatus hold) {
    CustodianSource s =
        CustodianSource.mailbox(
            f.caseId, f.custodian.getId(), email, name, CaseFixture.ALICE, created);
    Fields.set(s, "holdStatus", hold);
    f.custodians.addSource(s);
    return s;
  }

  @Test
  void aCustodiansUserSourcesAreFilteredOrderedAndCounted() {
    CustodianSource archive =
        mailbox("archive@example.com", "Archive", FEB, DataSourceHoldStatus.applied);
    CustodianSource shared =
        mailbox("shared@example.com", "Shared", JAN, DataSourceHoldStatus.applied);
    PropertyTable users = CustodiansResource.sourcesQueryable(SourceKind.USER);
    String custodianId = f.custodian.getId();

    QueryOptions held =
        parse(
            users,
            "$filter",
            "holdStatus eq 'applied' and createdDateTime ge 2026-01-01T00:00:00Z",
            "$orderby",
            "displayName desc",
            "$top",
            "1");
    assertThat(
            custodianService.listSources(f.caseId, custodianId, SourceKind.USER, held.listQuery()))
        .containsExactly(shared);
    assertThat(custodianService.countSources(f.caseId, custodianId, SourceKind.USER, held.filter()))
        .isEqualTo(2);

    // Without $orderby the order stays the creation order; the fixture's mailbox is the oldest.
    QueryOptions all = parse(users, "$filter", "not (email eq 'nobody@example.com')");
    assertThat(
            custodianService.listSources(f.caseId, custodianId, SourceKind.USER, all.listQuery()))
        .containsExactly(f.mailbox, shared, archive);
    assertThat(custodianService.countSources(f.caseId, custodianId, SourceKind.SITE, null))
        .isEqualTo(1);

    // siteWebUrl belongs to siteSources, email to userSources.
    QueryOptions bySite =
        parse(
            CustodiansResource.sourcesQueryable(SourceKind.SITE), "$filter", "siteWebUrl ne null");
    assertThat(
            custodianService.listSources(
                f.caseId, custodianId, SourceKind.SITE, bySite.listQuery()))
        .containsExactly(f.site);
    assertRefused(
        () ->
            parse(CustodiansResource.sourcesQueryable(SourceKind.SITE), "$filter", "email eq 'a'"),
        ErrorCode.notSupported,
        "'email'");
    assertRefused(
        () -> parse(users, "$filter", "holdStatus eq 'frozen'"),
        ErrorCode.invalidRequest,
        "holdStatus");
    assertRefused(
        () -> parse(users, "$orderby", "includedSources"),
        ErrorCode.notSupported,
        "includedSources");
    assertThatRefusedBy(
            () ->
                custodianService.listSources(f.caseId, "missing", SourceKind.USER, all.listQuery()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aSearchsSourcesAreFilteredAmongTheBoundOnes() {
    CustodianSource archive =
        mailbox("archive@example.com", "Archive", FEB, DataSourceHoldStatus.notApplied);
    EdiscoverySearch search =
        EdiscoverySearch.create(
            f.caseId,
            "S",
            null,
            "",
            java.util.Set.of(),
            List.of(f.mailbox.getId(), archive.getId()),
            List.of(f.site.getId()),
            CaseFixture.ALICE,
            JAN);
    f.searches.add(search);
    PropertyTable table = SearchesResource.SOURCES_QUERYABLE;

    QueryOptions archived =
        parse(table, "$filter", "displayName eq 'Archive' or email eq 'nobody@example.com'");
    assertThat(f.searchService.custodianSources(f.caseId, search.getId(), archived.listQuery()))
        .containsExactly(archive);
    assertThat(f.searchService.countCustodianSources(f.caseId, search.getId(), archived.filter()))
        .isEqualTo(1);
    QueryOptions newestFirst = parse(table, "$orderby", "createdDateTime desc");
    assertThat(f.searchService.custodianSources(f.caseId, search.getId(), newestFirst.listQuery()))
        .containsExactly(archive, f.mailbox);

    QueryOptions sites = parse(table, "$filter", "email eq null and siteWebUrl ne null");
    assertThat(f.searchService.additionalSources(f.caseId, search.getId(), sites.listQuery()))
        .containsExactly(f.site);
    assertThat(f.searchService.countAdditionalSources(f.caseId, search.getId(), null)).isEqualTo(1);
    assertThat(f.searchService.countCustodianSources(f.caseId, search.getId(), sites.filter()))
        .isZero();
  }

  @Test
  void filesAreFilteredByNameSizeAndDateTimeAndKeepTheirOrderWithoutOrderby() throws IOException {
    ReviewSet set = f.reviewSet("R");
    ReviewSetItem mail = f.file(set, f.mailbox, "email", "Budget", new byte[40]);
    ReviewSetItem doc = f.file(set, f.site, "docs", "plan.pdf", new byte[3]);
    ReviewSetItem memo = f.file(set, f.site, "docs", "memo.docx", new byte[10]);
    // dateTime: the mail was sent in March; the documents were added in February and January.
    Fields.set(mail, "sentDateTime", MAR);
    Fields.set(mail, "addedDateTime", JAN);
    Fields.set(doc, "addedDateTime", FEB);
    Fields.set(memo, "addedDateTime", JAN.plusSeconds(3600));
    PropertyTable table = FilesResource.QUERYABLE;
    ReviewSetService service = f.reviewSetService;

    assertThat(service.files(f.caseId, set.getId(), parse(table).listQuery()))
        .extracting(v -> v.file().getId())
        .containsExactly(mail.getId(), memo.getId(), doc.getId());
    QueryOptions byDateTime = parse(table, "$orderby", "dateTime desc");
    assertThat(service.files(f.caseId, set.getId(), byDateTime.listQuery()))
        .extracting(v -> v.file().getId())
        .containsExactly(mail.getId(), doc.getId(), memo.getId());
    QueryOptions small =
        parse(table, "$filter", "size le 10 and dateTime lt 2026-03-01T00:00:00Z", "$top", "1");
    assertThat(service.files(f.caseId, set.getId(), small.listQuery()))
        .extracting(v -> v.file().getId())
        .containsExactly(memo.getId());
    assertThat(service.countFiles(set.getId(), small.filter())).isEqualTo(2);
    assertThat(small.nextLinkAfter(java.net.URI.create("http://h/files?$top=1"), 1, 2))
        .contains("$skiptoken=");
    QueryOptions named =
        parse(table, "$filter", "name eq 'Budget' or subjectTitle eq 'Subject of Budget'");
    assertThat(service.countFiles(set.getId(), named.filter())).isEqualTo(1);

    // A size beyond 32 bits is a valid Edm.Int64 literal.
    QueryOptions huge = parse(table, "$filter", "size gt 5000000000");
    assertThat(service.countFiles(set.getId(), huge.filter())).isZero();
    assertRefused(
        () -> parse(table, "$filter", "extension eq 'pdf'"), ErrorCode.notSupported, "extension");
    assertRefused(
        () -> parse(table, "$orderby", "sourceType"), ErrorCode.notSupported, "sourceType");
    assertRefused(
        () -> parse(table, "$filter", "size eq '3'"), ErrorCode.invalidRequest, "integer");
  }

  @Test
  void childTagsAreFilteredWithinTheirParent() {
    ReviewTag top = f.tag("Responsive", null);
    ReviewTag hot = f.tag("Hot", top);
    ReviewTag cold = f.tag("Cold", top);
    Fields.set(hot, "childSelectability", ChildSelectability.One);
    Fields.set(cold, "childSelectability", ChildSelectability.Many);
    f.tag("Elsewhere", null);
    PropertyTable table = TagsResource.QUERYABLE;

    QueryOptions many = parse(table, "$filter", "childSelectability eq 'Many'");
    assertThat(f.tagService.children(f.caseId, top.getId(), many.listQuery()))
        .containsExactly(cold);
    assertThat(f.tagService.countChildren(f.caseId, top.getId(), many.filter())).isEqualTo(1);
    QueryOptions byName = parse(table, "$orderby", "displayName", "$skip", "1");
    assertThat(f.tagService.children(f.caseId, top.getId(), byName.listQuery()))
        .containsExactly(hot);
    assertThat(f.tagService.countChildren(f.caseId, top.getId(), null)).isEqualTo(2);
  }

  @Test
  void theAuditLogIsFilteredAndStaysNewestFirst() {
    List<AuditEntry> entries = new ArrayList<>();
    InMemoryAuditLog log = new InMemoryAuditLog(entries);
    String cases = "/v1.0/security/cases/ediscoveryCases";
    log.record(AuditEntry.of(JAN, "POST", cases, 201, "r-1", null, null, CaseFixture.ALICE));
    log.record(
        AuditEntry.of(MAR, "DELETE", cases + "/c-9", 409, "r-3", null, "c-9", CaseFixture.ALICE));
    log.record(
        AuditEntry.of(FEB, "PATCH", cases + "/c-9", 204, "r-2", null, "c-9", CaseFixture.ALICE));
    PropertyTable table = AuditLogResource.QUERYABLE;

    assertThat(log.list(parse(table).listQuery()))
        .extracting(AuditEntry::getRequestId)
        .containsExactly("r-3", "r-2", "r-1");
    QueryOptions case9 = parse(table, "$filter", "caseId eq 'c-9' and status lt 400");
    assertThat(log.list(case9.listQuery()))
        .extracting(AuditEntry::getRequestId)
        .containsExactly("r-2");
    assertThat(log.count(case9.filter())).isEqualTo(1);
    QueryOptions oldestFirst =
        parse(table, "$filter", "dateTime ge 2026-02-01T00:00:00Z", "$orderby", "dateTime");
    assertThat(log.list(oldestFirst.listQuery()))
        .extracting(AuditEntry::getRequestId)
        .containsExactly("r-2", "r-3");
    assertThat(log.count(parse(table, "$filter", "method ne 'POST'").filter())).isEqualTo(2);
    assertRefused(() -> parse(table, "$filter", "actor eq 'x'"), ErrorCode.notSupported, "actor");
    assertRefused(
        () -> parse(table, "$filter", "status eq 'ok'"), ErrorCode.invalidRequest, "integer");
  }
}
