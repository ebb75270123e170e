package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.testing.Json;
import org.junit.jupiter.api.Test;

class QueryOptionsTest {

  private static QueryOptions parse(String... nameValue) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parameters.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
    }
    return QueryOptions.parse(parameters);
  }

  @Test
  void pageSizeIsTopCappedOrTheDefault() {
    assertThat(parse().pageSize()).isEqualTo(QueryOptions.DEFAULT_PAGE_SIZE);
    assertThat(parse("$top", "5").pageSize()).isEqualTo(5);
    assertThat(parse("$TOP", "5", "$skip", "10").skip()).isEqualTo(10);
    assertThat(parse("$top", "100000").pageSize()).isEqualTo(QueryOptions.MAX_PAGE_SIZE);
    assertThat(parse("$count", "true", "other", "x").pageSize()).isEqualTo(QueryOptions.DEFAULT_PAGE_SIZE);
  }

  @Test
  void malformedValuesAreBadRequests() {
    for (String[] bad :
        new String[][] {
          {"$top", "-1"}, {"$top", "ten"}, {"$skip", ""}, {"$count", "yes"}, {"$top", "1", "$top", "2"}
        }) {
      assertThatThrownBy(() -> parse(bad))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.badRequest));
    }
  }

  @Test
  void unsupportedOptionsAreRefused() {
    assertThatThrownBy(() -> parse("$filter", "action eq 'index'"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(ErrorCode.notSupported);
              assertThat(e.getMessage()).isEqualTo("The query option '$filter' is not supported by this resource.");
            });
  }

  @Test
  void nextLinkKeepsOtherParametersAndAdvancesSkip() {
    QueryOptions options = parse("$top", "2", "$skip", "2");
    URI request = URI.create("http://h:8080/v1.0/security/cases/ediscoveryCases?$top=2&%24skip=2&$select=id");

    assertThat(options.nextLinkAfter(request, 2, 5))
        .isEqualTo("http://h:8080/v1.0/security/cases/ediscoveryCases?$select=id&$top=2&$skip=4");
    assertThat(options.nextLinkAfter(request, 2, 4)).isNull();
    assertThat(parse().nextLinkAfter(URI.create("http://h/x"), 100, 250)).isEqualTo("http://h/x?$skip=100");
    assertThat(parse("$top", "0").nextLinkAfter(URI.create("http://h/x?$top=0"), 0, 250)).isNull();
  }

  @Test
  void selectProjectsTopLevelPropertiesKeepingIdAndAnnotations() {
    QueryOptions options = parse("$select", "status, action");
    options.checkSelect(List.of("id", "status", "action", "percentProgress"), "t");

    assertThat(options.project(Json.object("{'@odata.type': 't', 'id': '1', 'status': 's', 'action': 'a', 'x': 1}")))
        .isEqualTo(Json.object("{'@odata.type': 't', 'id': '1', 'status': 's', 'action': 'a'}"));
    assertThat(parse("$select", "*").project(Json.object("{'x': 1}"))).isEqualTo(Json.object("{'x': 1}"));
    assertThatThrownBy(
            () -> parse("$select", "nope").checkSelect(List.of("id"), "microsoft.graph.security.caseOperation"))
        .hasMessage(
            "The query option '$select' names 'nope', which is not a property of type"
                + " 'microsoft.graph.security.caseOperation'.");
  }
}
