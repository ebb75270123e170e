package org.caseops.api.odata.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.caseops.api.audit.AuditLogResource;
import org.caseops.api.cases.CasesResource;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.custodians.NoncustodialSourcesResource;
import org.caseops.api.errors.ApiException;
import org.caseops.api.holds.LegalHoldsResource;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.operations.AllOperationsResource;
import org.caseops.api.operations.OperationsResource;
import org.caseops.api.reviewsets.FilesResource;
import org.caseops.api.reviewsets.QueriesResource;
import org.caseops.api.reviewsets.ReviewSetsResource;
import org.caseops.api.searches.SearchesResource;
import org.caseops.api.tags.TagsResource;

/**
 * Hostile and random {@code $filter} (and the other query options) on every queryable collection:
 * the answer is a condition or an {@link ApiException} with a 4xx status, never another exception,
 * whatever the text; nesting is bounded.
 */
class FilterPropertyTest {
  private static final List<PropertyTable> TABLES =
      List.of(
          CasesResource.QUERYABLE,
          CustodiansResource.QUERYABLE,
          CustodiansResource.USER_SOURCES_QUERYABLE,
          CustodiansResource.SITE_SOURCES_QUERYABLE,
          SearchesResource.SOURCES_QUERYABLE,
          NoncustodialSourcesResource.QUERYABLE,
          SearchesResource.QUERYABLE,
          ReviewSetsResource.QUERYABLE,
          QueriesResource.QUERYABLE,
          FilesResource.QUERYABLE,
          TagsResource.QUERYABLE,
          LegalHoldsResource.QUERYABLE,
          OperationsResource.QUERYABLE,
          AllOperationsResource.QUERYABLE,
          AuditLogResource.QUERYABLE);

  private static void answersOrRefuses4xx(Map<String, List<String>> parameters, boolean include) {
    for (PropertyTable table : TABLES) {
      try {
        QueryOptions.parse(parameters, table, include);
      } catch (ApiException e) {
        assertThat(e.status()).as(e.getMessage()).isBetween(400, 499);
        assertThat(e.getMessage()).isNotBlank();
      }
    }
  }

  @Property(tries = 1500)
  void anyFilterTextIsAConditionOrA4xx(
      @ForAll @StringLength(max = 400) String filter, @ForAll boolean include) {
    answersOrRefuses4xx(Map.of("$filter", List.of(filter)), include);
  }

  @Property(tries = 3000)
  void anySequenceOfFilterTokensIsAConditionOrA4xx(
      @ForAll("filterLikeText") String filter, @ForAll boolean include) {
    answersOrRefuses4xx(Map.of("$filter", List.of(filter)), include);
  }

  @Property(tries = 1000)
  void anyQueryOptionsAreOptionsOrA4xx(
      @ForAll("optionName") String name,
      @ForAll("filterLikeText") String value,
      @ForAll boolean include) {
    answersOrRefuses4xx(Map.of(name, List.of(value)), include);
  }

  @Property(tries = 30)
  void deepNestingIsRefusedNotOverflowed(
      @ForAll @IntRange(min = 33, max = 5_000) int depth,
      @ForAll("nestings") Tuple.Tuple2<String, String> nesting) {
    String filter =
        nesting.get1().repeat(depth) + "status eq 'active'" + nesting.get2().repeat(depth);
    assertThatThrownBy(
            () -> QueryOptions.parse(Map.of("$filter", List.of(filter)), TABLES.get(0), false))
        .isInstanceOf(ApiException.class)
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
  }

  @Example
  void aLongFlatFilterIsBoundedByItsLength() {
    String one = "displayName eq 'x'";
    String filter = String.join(" or ", java.util.Collections.nCopies(80, one));
    assertThat(filter.length()).isLessThanOrEqualTo(FilterParser.MAX_LENGTH);
    assertThat(
            QueryOptions.parse(Map.of("$filter", List.of(filter)), TABLES.get(0), false).filter())
        .isNotNull();
  }

  @Example
  void numbersOfAnyExponentAreRefusedOrTaken() {
    for (String number :
        List.of(
            "1e999999999",
            "1e-999999999",
            "1e2147483648",
            "1E-2147483649",
            "9".repeat(1500),
            "0.0000000001e99999999999999999999")) {
      answersOrRefuses4xx(Map.of("$filter", List.of("percentProgress eq " + number)), false);
      answersOrRefuses4xx(Map.of("$filter", List.of("size gt " + number)), false);
    }
  }

  @Provide
  Arbitrary<Tuple.Tuple2<String, String>> nestings() {
    return Arbitraries.of(
        Tuple.of("(", ")"),
        Tuple.of("not ", ""),
        Tuple.of("not (", ")"),
        Tuple.of("(a eq 1 or ", ")"));
  }

  @Provide
  Arbitrary<String> optionName() {
    return Arbitraries.of(
        "$filter",
        "$orderby",
        "$top",
        "$skip",
        "$skiptoken",
        "$count",
        "$select",
        "$expand",
        "$search",
        "$FILTER",
        "$OrderBy",
        "$format",
        "$",
        "$$");
  }

  @Provide
  Arbitrary<String> filterLikeText() {
    Arbitrary<String> token =
        Arbitraries.frequencyOf(
            Tuple.of(
                5,
                Arbitraries.of(
                    "(",
                    ")",
                    "'",
                    "''",
                    " ",
                    " ",
                    "eq",
                    "ne",
                    "gt",
                    "ge",
                    "lt",
                    "le",
                    "and",
                    "or",
                    "not",
                    "has",
                    "in",
                    "add",
                    "contains(",
                    ",",
                    "/",
                    "$",
                    "desc",
                    "asc")),
            Tuple.of(
                4,
                Arbitraries.of(
                    "status",
                    "displayName",
                    "createdDateTime",
                    "percentProgress",
                    "action",
                    "size",
                    "id",
                    "description",
                    "externalId",
                    "lastModifiedDateTime",
                    "a/b",
                    "holdStatus",
                    "email",
                    "sourceType",
                    "isEnabled",
                    "childSelectability")),
            Tuple.of(
                4,
                Arbitraries.of(
                    "'active'",
                    "'unknownFutureValue'",
                    "'purgeData'",
                    "'holdPolicySync'",
                    "'exportResult'",
                    "'nope'",
                    "1",
                    "-1",
                    "1.5",
                    "1e5",
                    "1e999999999",
                    "99999999999999999999",
                    "2026-01-01T00:00:00Z",
                    "2026-13-45T99:99:99Z",
                    "true",
                    "false",
                    "null",
                    "'\u0000'",
                    "'\uD800'",
                    "'\uD83D\uDE00'")),
            Tuple.of(1, Arbitraries.strings().ofMaxLength(5)));
    return token.list().ofMaxSize(40).map(tokens -> String.join(" ", tokens));
  }
}
