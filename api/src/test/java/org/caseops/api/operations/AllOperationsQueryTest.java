package org.caseops.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.testing.CaseFixture;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.CaseOperation;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.OperationTarget;
import org.junit.jupiter.api.Test;

/** The operations of every case, filtered by case, action and status, newest first, and counted. */
class AllOperationsQueryTest {
  private final CaseFixture f = new CaseFixture();

  private static QueryOptions parse(String... nameValue) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parameters.computeIfAbsent(nameValue[i], k -> new ArrayList<>()).add(nameValue[i + 1]);
    }
    return QueryOptions.parse(parameters, AllOperationsResource.QUERYABLE, false);
  }

  @Test
  void operationsOfEveryCaseAreFilteredByCaseAndStatusAndWrittenWithTheirCase() {
    CaseOperation first =
        f.operationService.submit(
            f.caseId, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE);
    f.operations.complete(first.getId(), CaseOperationStatus.failed, null, CaseFixture.NOW);
    String other = f.otherCase();
    CaseOperation second =
        f.operationService.submit(
            other, CaseAction.index, OperationTarget.none(), CaseFixture.ALICE);

    QueryOptions all = parse();
    assertThat(f.operationService.listAll(all.listQuery()))
        .containsExactlyInAnyOrder(first, second);
    assertThat(f.operationService.countAll(all.filter())).isEqualTo(2);

    QueryOptions ofCase = parse("$filter", "caseId eq '" + other + "'");
    assertThat(f.operationService.listAll(ofCase.listQuery())).containsExactly(second);
    QueryOptions failed = parse("$filter", "status eq 'failed' and action eq 'index'", "$top", "5");
    assertThat(f.operationService.listAll(failed.listQuery())).containsExactly(first);
    assertThat(f.operationService.countAll(failed.filter())).isEqualTo(1);

    assertThat(AllOperationsResource.item(second, false).getString("caseId")).isEqualTo(other);
    assertThat(AllOperationsResource.item(second, false).getString("id")).isEqualTo(second.getId());
    assertThat(AllOperationsResource.PROPERTIES).contains("caseId", "status", "percentProgress");
  }
}
