package org.caseops.api.odata.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.caseops.api.cases.CasesResource;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.operations.OperationsResource;
import org.caseops.domain.cases.CaseStatus;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.support.ListQuery;
import org.caseops.domain.support.ListQuery.Operator;
import org.junit.jupiter.api.Test;

class FilterTranslatorTest {
  private static final PropertyTable OPERATIONS = OperationsResource.QUERYABLE;

  private static ListQuery.Condition operations(String filter, boolean include) {
    return FilterTranslator.translate(FilterParser.parse(filter), OPERATIONS, include);
  }

  @SuppressWarnings("unchecked")
  private static Set<Object> members(String filter, boolean include) {
    return (Set<Object>) ((ListQuery.In) operations(filter, include)).values();
  }

  @Test
  void comparisonsAndLogicBecomeTheRepositoryTree() {
    assertThat(operations("status eq 'running' and createdDateTime ge 2026-01-01T00:00:00Z", false))
        .isEqualTo(
            new ListQuery.And(
                new ListQuery.In("status", Set.of(CaseOperationStatus.running)),
                new ListQuery.Comparison(
                    "createdDateTime", Operator.GE, Instant.parse("2026-01-01T00:00:00Z"))));
    assertThat(operations("not (percentProgress lt 50 or completedDateTime eq null)", false))
        .isEqualTo(
            new ListQuery.Not(
                new ListQuery.Or(
                    new ListQuery.Comparison("percentProgress", Operator.LT, 50L),
                    new ListQuery.Comparison("completedDateTime", Operator.EQ, null))));
    assertThat(
            FilterTranslator.translate(
                FilterParser.parse("displayName eq 'Contoso' or externalId ne null"),
                CasesResource.QUERYABLE,
                false))
        .isEqualTo(
            new ListQuery.Or(
                new ListQuery.Comparison("displayName", Operator.EQ, "Contoso"),
                new ListQuery.Comparison("externalId", Operator.NE, null)));
  }

  @Test
  void enumerationsCompareByNumericValue() {
    assertThat(members("status gt 'running'", false))
        .isEqualTo(
            Set.of(
                CaseOperationStatus.succeeded,
                CaseOperationStatus.partiallySucceeded,
                CaseOperationStatus.failed,
                CaseOperationStatus.unknownFutureValue));
    assertThat(members("status ne 'running'", false))
        .doesNotContain(CaseOperationStatus.running)
        .hasSize(6);
    assertThat(
            FilterTranslator.translate(
                FilterParser.parse("status le 'active'"), CasesResource.QUERYABLE, false))
        .isEqualTo(new ListQuery.In("status", Set.of(CaseStatus.unknown, CaseStatus.active)));
  }

  @Test
  void laterMembersNeedTheHeaderAndUnknownFutureValueStandsForThem() {
    assertThatThrownBy(() -> operations("action eq 'purgeData'", false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains("Prefer: include-unknown-enum-members");
            });
    assertThat(members("action eq 'purgeData'", true)).isEqualTo(Set.of(CaseAction.purgeData));

    assertThat(members("action eq 'unknownFutureValue'", false))
        .isEqualTo(
            Set.of(
                CaseAction.unknownFutureValue,
                CaseAction.purgeData,
                CaseAction.exportReport,
                CaseAction.exportResult,
                CaseAction.holdPolicySync));
    assertThat(members("action gt 'unknownFutureValue'", false))
        .isEqualTo(
            Set.of(
                CaseAction.purgeData,
                CaseAction.exportReport,
                CaseAction.exportResult,
                CaseAction.holdPolicySync));
    assertThat(members("action lt 'unknownFutureValue'", false))
        .hasSize(7)
        .doesNotContain(CaseAction.purgeData);
    assertThat(members("action ne 'unknownFutureValue'", false))
        .hasSize(7)
        .contains(CaseAction.index);
    // With the header a client sees real names, so unknownFutureValue is a member no operation has.
    assertThat(members("action eq 'unknownFutureValue'", true))
        .isEqualTo(Set.of(CaseAction.unknownFutureValue));
  }

  private static void refused(String filter, ErrorCode code, String messagePart) {
    assertThatThrownBy(() -> operations(filter, false))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.getMessage()).contains(messagePart);
            });
  }

  @Test
  void unknownPropertiesAndMistypedLiteralsAreRefused() {
    refused(
        "caseId eq 'x'",
        ErrorCode.notSupported,
        "The property 'caseId' (position 0) cannot be used");
    refused(
        "status eq 'running' and createdBy/user eq 'y'",
        ErrorCode.notSupported,
        "'createdBy/user'");
    refused("status eq 'Running'", ErrorCode.invalidRequest, "is not a valid value of 'status'");
    refused("status eq 2", ErrorCode.invalidRequest, "takes a member name in quotes");
    refused("percentProgress eq '50'", ErrorCode.invalidRequest, "takes an integer");
    refused("percentProgress eq 5.5", ErrorCode.invalidRequest, "takes an integer");
    refused(
        "createdDateTime ge '2026-01-01T00:00:00Z'",
        ErrorCode.invalidRequest,
        "unquoted DateTimeOffset");
    refused("id eq true", ErrorCode.invalidRequest, "takes a string");
    refused("percentProgress gt 4294967296", ErrorCode.invalidRequest, "32-bit integer");
    refused("completedDateTime gt null", ErrorCode.invalidRequest, "null can only be compared");
  }
}
