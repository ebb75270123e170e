package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.caseops.api.CaseopsApplication;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the runtime serves through MicroProfile for caseops: Health at its standard paths ({@code
 * /health/ready}, {@code /health/live}) beside caseops' own {@code /health}, and the OpenAPI
 * document at {@code /openapi}, which names every JAX-RS resource method of the application.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MicroProfileIT {
  @Deployment(testable = false)
  static WebArchive war() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL url;

  private static Map<String, String> checks(JsonObject health) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
  }

  @Test
  void readinessAndLivenessAreServedAtTheStandardPathsAndHealthKeepsItsMeaning() throws Exception {
    GraphClient own = new GraphClient(url).withToken(null);
    // WildFly serves MicroProfile Health on its management port; Payara on the application's.
    GraphClient anonymous =
        "wildfly".equals(System.getProperty("caseops.it.runtime"))
            ? new GraphClient(
                    new URL(
                        "http://localhost:" + System.getProperty("wildfly.managementPort") + "/"))
                .withToken(null)
            : own;
    java.nio.file.Path evidence =
        java.nio.file.Path.of(System.getProperty("caseops.it.evidence.root", "target/it-evidence"));
    Files.createDirectories(evidence);

    GraphClient.Reply ready = anonymous.get("/health/ready");
    assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
    assertThat(ready.json().getString("status")).isEqualTo("UP");
    // caseops' four checks (WildFly adds its server's own beside them).
    assertThat(checks(ready.json()))
        .containsAllEntriesOf(
            Map.of(
                "database", "UP",
                "dataDirectory", "UP",
                "evidenceRoot", "UP",
                "batchRuntime", "UP"));
    GraphClient.Reply live = anonymous.get("/health/live");
    assertThat(live.status()).as(live.toString()).isEqualTo(200);
    assertThat(checks(live.json())).containsEntry("caseops", "UP");
    GraphClient.Reply caseops = own.get("/health");
    assertThat(caseops.status()).as(caseops.toString()).isEqualTo(200);
    assertThat(caseops.body()).isEqualTo("{\"status\":\"UP\"}");

    // An evidence root that cannot be read makes the server not ready; /health (the server and its
    // database answer) is not changed by it.
    java.nio.file.Path away = evidence.resolveSibling(evidence.getFileName() + "-away");
    Files.move(evidence, away);
    try {
      GraphClient.Reply notReady = anonymous.get("/health/ready");
      assertThat(notReady.status()).as(notReady.toString()).isEqualTo(503);
      assertThat(notReady.json().getString("status")).isEqualTo("DOWN");
      assertThat(checks(notReady.json()))
          .containsEntry("evidenceRoot", "DOWN")
          .containsEntry("database", "UP");
      assertThat(anonymous.get("/health/live").status()).isEqualTo(200);
      assertThat(own.get("/health").status()).isEqualTo(200);
    } finally {
      Files.move(away, evidence);
    }
    assertThat(anonymous.get("/health/ready").status()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentNamesEveryResourceMethodAndTheTypes() {
    GraphClient.Reply served = new GraphClient(url).withToken(null).get("/openapi");
    assertThat(served.status()).as(served.toString()).isEqualTo(200);
    JsonObject document = served.json();
    JsonObject paths = document.getJsonObject("paths");

    List<String> expected = resourceMethods();
    assertThat(expected).hasSizeGreaterThan(60);
    List<String> missing = new ArrayList<>();
    for (String methodAndPath : expected) {
      String method = methodAndPath.substring(0, methodAndPath.indexOf(' '));
      String path = methodAndPath.substring(method.length() + 1);
      JsonObject item = paths.getJsonObject(path);
      if (item == null || !item.containsKey(method.toLowerCase(Locale.ROOT))) {
        missing.add(methodAndPath);
      }
    }
    assertThat(missing).as("resource methods missing from /openapi").isEmpty();

    JsonObject components = document.getJsonObject("components");
    assertThat(components.getJsonObject("schemas").keySet())
        .contains(
            "microsoft.graph.security.ediscoveryCase",
            "microsoft.graph.security.ediscoveryCustodian",
            "microsoft.graph.security.userSource",
            "microsoft.graph.security.siteSource",
            "microsoft.graph.security.ediscoverySearch",
            "microsoft.graph.security.ediscoveryReviewSet",
            "microsoft.graph.security.ediscoveryReviewSetQuery",
            "microsoft.graph.security.ediscoveryFile",
            "microsoft.graph.security.ediscoveryReviewTag",
            "microsoft.graph.security.dataSource",
            "microsoft.graph.security.ediscoveryNoncustodialDataSource",
            "microsoft.graph.security.ediscoveryHoldPolicy",
            "microsoft.graph.security.caseOperation",
            "microsoft.graph.security.ediscoveryIndexOperation",
            "microsoft.graph.security.ediscoveryEstimateOperation",
            "microsoft.graph.security.ediscoveryAddToReviewSetOperation",
            "microsoft.graph.security.ediscoveryExportOperation",
            "microsoft.graph.security.ediscoveryPurgeDataOperation",
            "microsoft.graph.ODataErrors.ODataError");
    // The derived operation types behind the base type's @odata.type discriminator.
    JsonObject discriminator =
        components
            .getJsonObject("schemas")
            .getJsonObject("microsoft.graph.security.caseOperation")
            .getJsonObject("discriminator");
    assertThat(discriminator.getString("propertyName")).isEqualTo("@odata.type");
    assertThat(discriminator.getJsonObject("mapping"))
        .containsEntry(
            "#microsoft.graph.security.ediscoveryIndexOperation",
            Json.createValue(
                "#/components/schemas/microsoft.graph.security.ediscoveryIndexOperation"));
    // Every operation: a success, a schema for every body it answers, the Graph error for 404.
    List<String> shallow = new ArrayList<>();
    for (Map.Entry<String, JsonValue> item : paths.entrySet()) {
      for (Map.Entry<String, JsonValue> operation : item.getValue().asJsonObject().entrySet()) {
        String name = operation.getKey() + " " + item.getKey();
        JsonObject responses = operation.getValue().asJsonObject().getJsonObject("responses");
        if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
          shallow.add(name + ": no success");
        }
        for (Map.Entry<String, JsonValue> response : responses.entrySet()) {
          JsonObject content = response.getValue().asJsonObject().getJsonObject("content");
          if (content != null
              && content.values().stream()
                  .anyMatch(media -> !media.asJsonObject().containsKey("schema"))) {
            shallow.add(name + " " + response.getKey() + ": a body without a schema");
          }
        }
        JsonObject notFound = responses.getJsonObject("404");
        if (notFound == null
            || !notFound
                .toString()
                .contains("#/components/schemas/microsoft.graph.ODataErrors.ODataError")) {
          shallow.add(name + ": 404 is not the Graph error");
        }
      }
    }
    assertThat(shallow).isEmpty();
    JsonObject bearer = components.getJsonObject("securitySchemes").getJsonObject("bearer");
    assertThat(bearer.getString("type")).isEqualTo("http");
    assertThat(bearer.getString("scheme")).isEqualTo("bearer");
    JsonObject getCase =
        paths
            .getJsonObject("/{version}/security/cases/ediscoveryCases/{caseId}")
            .getJsonObject("get");
    assertThat(getCase.toString())
        .contains("#/components/schemas/microsoft.graph.security.ediscoveryCase")
        .contains("bearer");
    // An action's body lists its own parameters, with their members, as the runtime serves them.
    JsonObject export =
        paths
            .getJsonObject(
                "/{version}/security/cases/ediscoveryCases/{caseId}/reviewSets/{reviewSetId}/export")
            .getJsonObject("post")
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("schema");
    assertThat(export.getJsonObject("properties").keySet())
        .contains("outputName", "exportOptions", "exportStructure", "batesStart", "query");
    assertThat(export.getJsonArray("required")).containsExactly(Json.createValue("outputName"));
    JsonObject exportOptions = export.getJsonObject("properties").getJsonObject("exportOptions");
    assertThat(exportOptions.getJsonArray("enum")).contains(Json.createValue("originalFiles"));
    assertThat(exportOptions.getJsonArray("enum"))
        .doesNotContain(Json.createValue("unknownFutureValue"));
    JsonObject schemas = components.getJsonObject("schemas");
    assertThat(
            schemas
                .getJsonObject("caseops.operationRequest")
                .getJsonObject("discriminator")
                .getString("propertyName"))
        .isEqualTo("action");
    assertThat(
            schemas
                .getJsonObject("microsoft.graph.security.caseOperation")
                .getJsonObject("properties")
                .getJsonObject("percentProgress")
                .getBoolean("readOnly"))
        .isTrue();
  }

  /**
   * {@code METHOD /path} of every resource method of the application, found here by reflection on
   * its own (sub-resources included), each path parameter written {@code {name}}.
   */
  private static List<String> resourceMethods() {
    List<String> found = new ArrayList<>();
    for (Class<?> type : new CaseopsApplication().getClasses()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        walk(type, "/" + path.value(), found);
      }
    }
    return found.stream()
        .map(s -> s.replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replace("//", "/"))
        .distinct()
        .toList();
  }

  private static void walk(Class<?> type, String prefix, List<String> found) {
    for (Method method : type.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String full = path == null ? prefix : prefix + "/" + path.value();
      String http = null;
      for (Annotation a : method.getAnnotations()) {
        HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
        if (h != null) {
          http = h.value();
        }
      }
      if (http != null) {
        found.add(http + " " + (full.endsWith("/") ? full.substring(0, full.length() - 1) : full));
      } else if (path != null) {
        walk(method.getReturnType(), full, found);
      }
    }
  }
}
