package org.caseops.api.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationsResource;
import org.caseops.api.testing.Json;
import org.caseops.domain.support.ListQuery;
import org.junit.jupiter.api.Test;

class QueryOptionsTest {

  private static QueryOptions parse(String... nameValue) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parameters
          .computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>())
          .add(nameValue[i + 1]);
    }
    return QueryOptions.parse(parameters);
  }

  @Test
  void pageSizeIsTopCappedOrTheDefault() {
    assertThat(parse().pageSize()).isEqualTo(QueryOptions.DEFAULT_PAGE_SIZE);
    assertThat(parse("$top", "5").pageSize()).isEqualTo(5);
    assertThat(parse("$TOP", "5", "$skip", "10").skip()).isEqualTo(10);
    assertThat(parse("$top", "100000").pageSize()).isEqualTo(QueryOptions.MAX_PAGE_SIZE);
    assertThat(parse("$count", "true", "other", "x").pageSize())
        .isEqualTo(QueryOptions.DEFAULT_PAGE_SIZE);
  }

  @Test
  void malformedValuesAreBadRequests() {
    for (String[] bad :
        new String[][] {
          {"$top", "-1"},
          {"$top", "ten"},
          {"$skip", ""},
          {"$count", "yes"},
          {"$top", "1", "$top", "2"}
        }) {
      assertThatThrownBy(() -> parse(bad))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.badRequest));
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
              assertThat(e.getMessage())
                  .isEqualTo("The query option '$filter' is not supported by this resource.");
            });
  }

  private static Map<String, List<String>> decoded(URI uri) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        int equals = parameter.indexOf('=');
        String name = URLDecoder.decode(parameter.substring(0, equals), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
        parameters.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
      }
    }
    return parameters;
  }

  @Test
  void nextLinkKeepsOtherParametersAndReplacesSkipByASkiptoken() {
    QueryOptions options = parse("$top", "2", "$skip", "2", "$select", "id", "x$", "$y");
    URI request =
        URI.create(
            "http://h:8080/v1.0/security/cases/ediscoveryCases?%24top=2&%24skip=2&$select=id&x%24=%24y");

    String next = options.nextLinkAfter(request, 2, 5);
    assertThat(next)
        .startsWith(
            "http://h:8080/v1.0/security/cases/ediscoveryCases?$top=2&$select=id&x%24=%24y&$skiptoken=");
    QueryOptions following = QueryOptions.parse(decoded(URI.create(next)));
    assertThat(following.skip()).isEqualTo(4);
    assertThat(following.pageSize()).isEqualTo(2);
    assertThat(following.nextLinkAfter(URI.create(next), 1, 5)).isNull();
    assertThat(options.nextLinkAfter(request, 2, 4)).isNull();
    assertThat(parse().nextLinkAfter(URI.create("http://h/x"), 100, 250))
        .isEqualTo("http://h/x?$skiptoken=" + QueryOptions.token(100, ""));
    assertThat(parse("$top", "0").nextLinkAfter(URI.create("http://h/x?$top=0"), 0, 250)).isNull();
  }

  @Test
  void aSkiptokenOnlyWorksUnalteredAndWithTheOptionsItWasMadeFor() {
    String token = QueryOptions.token(40, "");
    String filtered =
        parse(OperationsResource.QUERYABLE, "$filter", "status eq 'running'", "$top", "5")
            .nextLinkAfter(URI.create("http://h/x?$filter=status%20eq%20'running'&$top=5"), 5, 50);
    Map<String, List<String>> following = decoded(URI.create(filtered));
    assertThat(QueryOptions.parse(following, OperationsResource.QUERYABLE, false).skip())
        .isEqualTo(5);

    Map<String, List<String>> otherFilter = new LinkedHashMap<>(following);
    otherFilter.put("$filter", List.of("status eq 'failed'"));
    Map<String, List<String>> otherTop = new LinkedHashMap<>(following);
    otherTop.put("$top", List.of("6"));
    String original = following.get("$skiptoken").get(0);
    char last = original.charAt(original.length() - 1);
    Map<String, List<String>> tampered = new LinkedHashMap<>(following);
    tampered.put(
        "$skiptoken",
        List.of(original.substring(0, original.length() - 1) + (last == 'A' ? 'B' : 'A')));
    Map<String, List<String>> withSkip = new LinkedHashMap<>(following);
    withSkip.put("$skip", List.of("5"));
    for (Map<String, List<String>> bad :
        List.of(
            otherFilter,
            otherTop,
            tampered,
            withSkip,
            Map.of("$skiptoken", List.of("!!")),
            Map.of("$skiptoken", List.of(token.substring(1))))) {
      assertThatThrownBy(() -> QueryOptions.parse(bad, OperationsResource.QUERYABLE, false))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.badRequest));
    }
    assertThat(QueryOptions.parse(Map.of("$skiptoken", List.of(token))).skip()).isEqualTo(40);
  }

  @Test
  void theDefaultPageSizeIsConfigurable() {
    String before = System.getProperty(QueryOptions.PAGE_SIZE_PROPERTY);
    try {
      System.clearProperty(QueryOptions.PAGE_SIZE_PROPERTY);
      int unset = parse().pageSize();
      System.setProperty(QueryOptions.PAGE_SIZE_PROPERTY, "7");
      assertThat(parse().pageSize()).isEqualTo(7);
      assertThat(parse("$top", "3").pageSize()).isEqualTo(3);
      assertThat(unset).isEqualTo(QueryOptions.DEFAULT_PAGE_SIZE);
      assertThat(parse("$top", "5000").pageSize()).isEqualTo(QueryOptions.MAX_PAGE_SIZE);
      // A value caseops cannot use is refused with its name and form (start-up checks them all).
      System.setProperty(QueryOptions.PAGE_SIZE_PROPERTY, "-3");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> parse().pageSize())
          .hasMessageContaining("caseops.page.size (CASEOPS_PAGE_SIZE) is '-3'")
          .hasMessageContaining("from 1 to 1000");
    } finally {
      if (before == null) {
        System.clearProperty(QueryOptions.PAGE_SIZE_PROPERTY);
      } else {
        System.setProperty(QueryOptions.PAGE_SIZE_PROPERTY, before);
      }
    }
  }

  @Test
  void filterAndOrderByBecomeTheListQueryOnCollectionsOnly() {
    QueryOptions options =
        parse(
            OperationsResource.QUERYABLE,
            "$filter",
            "percentProgress ge 50",
            "$orderby",
            "status desc, createdDateTime",
            "$skip",
            "3",
            "$top",
            "4");
    assertThat(options.listQuery())
        .isEqualTo(
            new ListQuery(
                new ListQuery.Comparison("percentProgress", ListQuery.Operator.GE, 50L),
                List.of(
                    new ListQuery.OrderKey("status", true),
                    new ListQuery.OrderKey("createdDateTime", false)),
                3,
                4));
    assertThatThrownBy(() -> parse("$orderby", "status"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.notSupported));
    for (String bad : new String[] {"status sideways", "", "status,", "status desc desc"}) {
      assertThatThrownBy(() -> parse(OperationsResource.QUERYABLE, "$orderby", bad))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.badRequest));
    }
    assertThatThrownBy(() -> parse(OperationsResource.QUERYABLE, "$orderby", "caseId"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.notSupported));
  }

  private static QueryOptions parse(PropertyTable table, String... nameValue) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      parameters
          .computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>())
          .add(nameValue[i + 1]);
    }
    return QueryOptions.parse(parameters, table, false);
  }

  @Test
  void selectProjectsTopLevelPropertiesKeepingIdAndAnnotations() {
    QueryOptions options = parse("$select", "status, action");
    options.checkSelect(List.of("id", "status", "action", "percentProgress"), "t");

    assertThat(
            options.project(
                Json.object(
                    "{'@odata.type': 't', 'id': '1', 'status': 's', 'action': 'a', 'x': 1}")))
        .isEqualTo(Json.object("{'@odata.type': 't', 'id': '1', 'status': 's', 'action': 'a'}"));
    assertThat(parse("$select", "*").project(Json.object("{'x': 1}")))
        .isEqualTo(Json.object("{'x': 1}"));
    assertThatThrownBy(
            () ->
                parse("$select", "nope")
                    .checkSelect(List.of("id"), "microsoft.graph.security.caseOperation"))
        .hasMessage(
            "The query option '$select' names 'nope', which is not a property of type"
                + " 'microsoft.graph.security.caseOperation'.");
  }

  @Test
  void collectionMapsAndProjectsThePageAndLinksToTheNext() {
    QueryOptions options = parse("$top", "2", "$select", "name");
    URI request = URI.create("http://h/v1.0/things?$top=2&$select=name");

    JsonObject body =
        options.collection(
            "http://h/v1.0/$metadata#things",
            List.of("a", "b"),
            3,
            n -> Json.object("{'id': '" + n + "', 'name': '" + n + n + "', 'x': 1}"),
            request);

    assertThat(body.getString("@odata.context")).isEqualTo("http://h/v1.0/$metadata#things");
    assertThat(body.getJsonNumber("@odata.count").longValue()).isEqualTo(3);
    assertThat(body.getString("@odata.nextLink")).isEqualTo(options.nextLinkAfter(request, 2, 3));
    assertThat(body.getJsonArray("value"))
        .containsExactly(
            Json.object("{'id': 'a', 'name': 'aa'}"), Json.object("{'id': 'b', 'name': 'bb'}"));
    assertThat(options.collection("c", List.of("a"), 1, n -> Json.object("{'id': 'a'}"), request))
        .isEqualTo(
            Json.object("{'@odata.context': 'c', '@odata.count': 1, 'value': [{'id': 'a'}]}"));
  }
}
