package org.caseops.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.openapi.MapModels.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caseops.api.custodians.NoncustodialJson;
import org.caseops.api.custodians.SourceJson;
import org.caseops.api.holds.LegalHoldJson;
import org.caseops.api.operations.OperationJson;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.spi.OASFactoryResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document built from the code: every resource method under its path, the named schemas
 * with the derived operation types behind their {@code @odata.type} discriminator, a schema for
 * every response that has a body, the Graph error for every error status, the bearer scheme, and no
 * reference to a schema that is not there.
 */
class CaseopsOpenApiTest {
  private static final String SCHEMAS = "#/components/schemas/";
  private static Map<String, Object> schemas;
  private static Map<String, Object> paths;
  private static Map<String, Object> components;

  @BeforeAll
  static void build() {
    OASFactoryResolver.setInstance(new MapModels());
    OpenAPI document = new CaseopsOpenApi().buildModel();
    components = data(document.getComponents());
    schemas = map(components, "Schema");
    paths = map(data(document.getPaths()), "PathItem");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> data, String name) {
    Object map = data.get(name);
    return map == null ? Map.of() : (Map<String, Object>) map;
  }

  private static Map<String, Object> operation(String path, PathItem.HttpMethod method) {
    Object item = paths.get(path);
    assertThat(item).as(path).isNotNull();
    Object operation = map(data(item), "Operation").get(method);
    assertThat(operation).as(method + " " + path).isNotNull();
    return data(operation);
  }

  /** Every {@code $ref} under a model object. */
  private static List<String> refs(Object value) {
    List<String> found = new ArrayList<>();
    collect(value, found);
    return found;
  }

  private static void collect(Object value, List<String> found) {
    if (MapModels.isModel(value)) {
      Map<String, Object> data = data(value);
      if (data.get("ref") instanceof String ref) {
        found.add(ref);
      }
      data.values().forEach(v -> collect(v, found));
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, found));
    } else if (value instanceof Collection<?> list) {
      list.forEach(v -> collect(v, found));
    }
  }

  private static Map<String, Object> responses(Map<String, Object> operation) {
    return map(data(operation.get("responses")), "APIResponse");
  }

  @Test
  void everyResourceMethodIsAnOperationAtItsPath() {
    List<CaseopsOpenApi.Endpoint> endpoints = CaseopsOpenApi.endpoints();
    assertThat(endpoints).hasSizeGreaterThan(60);
    for (CaseopsOpenApi.Endpoint endpoint : endpoints) {
      operation(endpoint.path(), PathItem.HttpMethod.valueOf(endpoint.method()));
    }
  }

  @Test
  void theNamedSchemasAndTheBearerSchemeArePresent() {
    assertThat(schemas.keySet())
        .contains(
            "microsoft.graph.security.ediscoveryCase",
            "microsoft.graph.security.ediscoveryCustodian",
            "microsoft.graph.security.dataSource",
            SourceJson.USER_TYPE,
            SourceJson.SITE_TYPE,
            NoncustodialJson.TYPE,
            LegalHoldJson.TYPE,
            "microsoft.graph.security.ediscoverySearch",
            "microsoft.graph.security.ediscoveryReviewSet",
            "microsoft.graph.security.ediscoveryReviewSetQuery",
            "microsoft.graph.security.ediscoveryFile",
            "microsoft.graph.security.ediscoveryReviewTag",
            OperationJson.BASE_TYPE,
            "microsoft.graph.security.ediscoveryIndexOperation",
            "microsoft.graph.security.ediscoveryEstimateOperation",
            "microsoft.graph.security.ediscoveryAddToReviewSetOperation",
            "microsoft.graph.security.ediscoveryExportOperation",
            "microsoft.graph.security.ediscoveryPurgeDataOperation",
            CaseopsOpenApi.ERROR);
    Map<String, Object> error = data(schemas.get(CaseopsOpenApi.ERROR));
    Map<String, Object> body = data(map(error, "Property").get("error"));
    assertThat(map(body, "Property")).containsKeys("code", "message", "innerError");

    Map<String, Object> bearer = data(map(components, "SecurityScheme").get("bearer"));
    assertThat(bearer.get("type").toString()).isEqualToIgnoringCase("http");
    assertThat(bearer.get("scheme")).isEqualTo("bearer");
  }

  @Test
  void everyActionHasItsDerivedOperationTypeBehindTheDiscriminator() {
    Map<String, Object> base = data(schemas.get(OperationJson.BASE_TYPE));
    Map<String, Object> discriminator = data(base.get("discriminator"));
    assertThat(discriminator.get("propertyName")).isEqualTo("@odata.type");
    Map<String, Object> mapping = map(discriminator, "Mapping");
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      String type = descriptor.qualifiedType();
      assertThat(mapping).containsEntry("#" + type, SCHEMAS + type);
      if (!type.equals(OperationJson.BASE_TYPE)) {
        // The derived type is the base type and the action's own properties.
        Map<String, Object> derived = data(schemas.get(type));
        assertThat(refs(derived.get("allOf"))).contains(SCHEMAS + OperationJson.BASE_TYPE);
        List<String> own = new ArrayList<>();
        for (Object part : (List<?>) derived.get("allOf")) {
          own.addAll(map(data(part), "Property").keySet());
        }
        assertThat(own).containsAll(descriptor.properties());
      }
    }
    Map<String, Object> sources = data(schemas.get("microsoft.graph.security.dataSource"));
    assertThat(map(data(sources.get("discriminator")), "Mapping"))
        .containsEntry("#" + SourceJson.USER_TYPE, SCHEMAS + SourceJson.USER_TYPE)
        .containsEntry("#" + SourceJson.SITE_TYPE, SCHEMAS + SourceJson.SITE_TYPE);
  }

  @Test
  void everyOperationAnswersWithSchemasAndItsErrorsWithTheGraphError() {
    Set<String> failures = new TreeSet<>();
    for (CaseopsOpenApi.Endpoint endpoint : CaseopsOpenApi.endpoints()) {
      String name = endpoint.method() + " " + endpoint.path();
      Map<String, Object> operation =
          operation(endpoint.path(), PathItem.HttpMethod.valueOf(endpoint.method()));
      Map<String, Object> responses = responses(operation);
      if (responses.keySet().stream().noneMatch(status -> status.startsWith("2"))) {
        failures.add(name + ": no 2xx response");
      }
      for (Map.Entry<String, Object> response : responses.entrySet()) {
        Object content = data(response.getValue()).get("content");
        if (content == null) {
          continue;
        }
        for (Object media : map(data(content), "MediaType").values()) {
          if (data(media).get("schema") == null) {
            failures.add(name + " " + response.getKey() + ": a body without a schema");
          }
        }
        if (response.getKey().startsWith("2")
            && endpoint.method().equals("GET")
            && !endpoint.path().equals("/health")
            && content.toString().contains("application/json")
            && refs(content).isEmpty()
            && !endpoint.path().endsWith("itemStatistics")
            && !endpoint.path().endsWith("/site")
            && !endpoint.path().endsWith("/execution")
            && !endpoint.path().endsWith("/failedItems")
            && !endpoint.path().endsWith("/me")
            && !endpoint.path().endsWith("/devSignIn")) {
          failures.add(name + " " + response.getKey() + ": no entity schema");
        }
      }
      List<String> errors = new ArrayList<>(List.of("400", "404", "500"));
      if (!endpoint.path().equals("/health")) {
        errors.addAll(List.of("401", "403", "429"));
      }
      if (operation.get("requestBody") != null) {
        errors.add("415");
      }
      for (String status : errors) {
        Object response = responses.get(status);
        if (response == null || !refs(response).equals(List.of(SCHEMAS + CaseopsOpenApi.ERROR))) {
          failures.add(name + ": " + status + " is not the Graph error");
        }
      }
      Object fallback = data(operation.get("responses")).get("defaultValue");
      if (fallback == null || !refs(fallback).contains(SCHEMAS + CaseopsOpenApi.ERROR)) {
        failures.add(name + ": the default response is not the Graph error");
      }
      boolean secured = operation.get("SecurityRequirement") != null;
      if (secured == endpoint.path().equals("/health")) {
        failures.add(name + ": " + (secured ? "secured" : "not secured"));
      }
      String method = endpoint.method().toLowerCase(Locale.ROOT);
      if ((method.equals("patch") || endpoint.template().endsWith("ediscoveryCases"))
          && method.matches("patch|post")
          && refs(operation.get("requestBody")).isEmpty()) {
        failures.add(name + ": a request body without an entity schema");
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void everyActionEndpointTakesItsParametersAndAnswersAcceptedWithALocation() {
    int matched = 0;
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint action : descriptor.endpoints()) {
        List<String> at = new ArrayList<>();
        for (CaseopsOpenApi.Endpoint endpoint : CaseopsOpenApi.endpoints()) {
          if (endpoint.method().equals("POST")
              && CaseopsOpenApi.action(endpoint).filter(action::equals).isPresent()) {
            at.add(endpoint.path());
            Map<String, Object> operation = operation(endpoint.path(), PathItem.HttpMethod.POST);
            assertThat(refs(operation.get("requestBody")))
                .as(endpoint.path())
                .containsExactly(SCHEMAS + descriptor.qualifiedType());
            Map<String, Object> accepted = data(responses(operation).get("202"));
            assertThat(map(accepted, "Header")).as(endpoint.path()).containsKey("Location");
          }
        }
        assertThat(at).as(action.path()).hasSize(1);
        matched++;
      }
    }
    assertThat(matched).isGreaterThanOrEqualTo(10);
  }

  @Test
  void anEntityIsReadAndCreatedWithItsSchema() {
    String holds = "/{version}/security/cases/ediscoveryCases/{caseId}/legalHolds";
    assertThat(
            refs(
                responses(operation(holds + "/{legalHoldId}", PathItem.HttpMethod.GET)).get("200")))
        .containsExactly(SCHEMAS + LegalHoldJson.TYPE);
    Map<String, Object> create = operation(holds, PathItem.HttpMethod.POST);
    assertThat(refs(create.get("requestBody"))).containsExactly(SCHEMAS + LegalHoldJson.TYPE);
    assertThat(refs(responses(create).get("201"))).containsExactly(SCHEMAS + LegalHoldJson.TYPE);
    String custodian =
        "/{version}/security/cases/ediscoveryCases/{caseId}/custodians/{custodianId}";
    assertThat(
            refs(
                responses(operation(custodian + "/lastIndexOperation", PathItem.HttpMethod.GET))
                    .get("200")))
        .containsExactly(SCHEMAS + OperationJson.BASE_TYPE);
  }

  @Test
  void everyReferenceNamesASchemaOfTheDocument() {
    Set<String> missing = new TreeSet<>();
    for (String ref : refs(paths)) {
      if (!schemas.containsKey(ref.substring(SCHEMAS.length()))) {
        missing.add(ref);
      }
    }
    for (String ref : refs(schemas)) {
      if (!ref.startsWith(SCHEMAS) || !schemas.containsKey(ref.substring(SCHEMAS.length()))) {
        missing.add(ref);
      }
    }
    assertThat(missing).isEmpty();
  }
}
