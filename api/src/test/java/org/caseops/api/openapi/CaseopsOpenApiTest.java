package org.caseops.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseops.api.openapi.MapModels.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.caseops.api.custodians.NoncustodialJson;
import org.caseops.api.custodians.SourceJson;
import org.caseops.api.errors.ApiException;
import org.caseops.api.holds.LegalHoldJson;
import org.caseops.api.operations.OperationJson;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.domain.operations.TargetRole;
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

  /** The schema of an operation's JSON request body. */
  private static Map<String, Object> bodySchema(Map<String, Object> operation) {
    Object body = operation.get("requestBody");
    assertThat(body).isNotNull();
    Object media = map(data(data(body).get("content")), "MediaType").get("application/json");
    return data(data(media).get("schema"));
  }

  private static Set<String> properties(Map<String, Object> schema) {
    return map(schema, "Property").keySet();
  }

  @SuppressWarnings("unchecked")
  private static List<String> required(Map<String, Object> schema) {
    Object required = schema.get("Required");
    return required == null ? List.of() : (List<String>) required;
  }

  /**
   * The properties a parser binds: those it asks a body for, when every name is there without a
   * value but the {@code given} ones.
   */
  private static Set<String> bound(Function<JsonObject, ?> parser, Map<String, JsonValue> given) {
    BodyProbe probe = new BodyProbe(given, Set.of());
    parser.apply(probe);
    return probe.asked();
  }

  /** Those of the bound properties whose absence the parser refuses, naming them. */
  private static Set<String> requiredBy(
      Function<JsonObject, ?> parser, Map<String, JsonValue> given, Set<String> bound) {
    Set<String> required = new TreeSet<>();
    for (String name : bound) {
      Map<String, JsonValue> without = new java.util.HashMap<>(given);
      without.remove(name);
      try {
        parser.apply(new BodyProbe(without, Set.of(name)));
      } catch (ApiException e) {
        if (e.getMessage().contains("'" + name + "'")) {
          required.add(name);
        }
      }
    }
    return required;
  }

  /**
   * The parts of a target a body must name that the server checks after parsing (OperationTargets,
   * from the action's rules) and that have one name only: the ids of a bulk hold change.
   */
  private static Set<String> requiredByRules(ActionDescriptor descriptor, Set<TargetRole> fromUrl) {
    return descriptor.rules().requires(TargetRole.CUSTODIANS)
            && !fromUrl.contains(TargetRole.CUSTODIANS)
        ? Set.of(TargetRole.CUSTODIANS.property())
        : Set.of();
  }

  /**
   * Every member an enumerated parameter lists is one the parser knows, and a name that is not one
   * is refused as such.
   */
  private static void checkMembers(
      String where,
      Map<String, Object> schema,
      Function<JsonObject, ?> parser,
      Map<String, JsonValue> given) {
    for (Map.Entry<String, Object> property : map(schema, "Property").entrySet()) {
      Object members = data(property.getValue()).get("Enumeration");
      if (members == null || property.getKey().equals("action")) {
        continue;
      }
      String name = property.getKey();
      for (Object member : (List<?>) members) {
        String refusal = refusal(parser, given, name, member.toString());
        assertThat(refusal)
            .as(where + " " + name + "=" + member)
            .doesNotContain("is not a valid value of '" + name + "'")
            .doesNotContain("must be '");
      }
      assertThat(refusal(parser, given, name, "noSuchMember"))
          .as(where + " " + name)
          .containsAnyOf("is not a valid value of '" + name + "'", "must be '");
    }
  }

  /** The message of the parser's refusal of a body with {@code name} set, or "" when none. */
  private static String refusal(
      Function<JsonObject, ?> parser, Map<String, JsonValue> given, String name, String value) {
    Map<String, JsonValue> with = new java.util.HashMap<>(given);
    with.put(name, Json.createValue(value));
    try {
      parser.apply(new BodyProbe(with, Set.of()));
      return "";
    } catch (ApiException e) {
      return e.getMessage();
    }
  }

  @Test
  void everyActionEndpointTakesTheParametersItsParserBindsAndAnswersAccepted() {
    int matched = 0;
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint action : descriptor.endpoints()) {
        List<String> at = new ArrayList<>();
        for (CaseopsOpenApi.Endpoint endpoint : CaseopsOpenApi.endpoints()) {
          if (!endpoint.method().equals("POST")
              || CaseopsOpenApi.action(endpoint).filter(action::equals).isEmpty()) {
            continue;
          }
          String path = endpoint.path();
          at.add(path);
          Map<String, Object> operation = operation(path, PathItem.HttpMethod.POST);
          Map<String, Object> schema = bodySchema(operation);
          Function<JsonObject, ?> parser =
              json -> OperationRequest.parseParameters(action, json, true);
          Set<String> bound = bound(parser, Map.of());
          assertThat(properties(schema)).as(path).containsExactlyInAnyOrderElementsOf(bound);
          Set<String> required = requiredBy(parser, Map.of(), bound);
          required.addAll(requiredByRules(descriptor, action.fromUrl()));
          assertThat(required(schema)).as(path).containsExactlyInAnyOrderElementsOf(required);
          checkMembers(path, schema, parser, Map.of());
          Map<String, Object> responses = responses(operation);
          if (endpoint.javaMethod().getName().equals("retryPolicy")) {
            // A legal hold's retry answers 204, as its resource method does.
            assertThat(responses).as(path).containsKey("204").doesNotContainKey("202");
          } else {
            Map<String, Object> accepted = data(responses.get("202"));
            assertThat(map(accepted, "Header")).as(path).containsKey("Location");
          }
        }
        assertThat(at).as(action.path()).hasSize(1);
        matched++;
      }
    }
    assertThat(matched).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyActionIsSubmittedWithTheTargetAndParametersItsParserBinds() {
    Map<String, Object> submit =
        operation(
            "/{version}/security/cases/ediscoveryCases/{caseId}/operations",
            PathItem.HttpMethod.POST);
    assertThat(refs(submit.get("requestBody")))
        .containsExactly(SCHEMAS + CaseopsOpenApi.OPERATION_REQUEST);
    Map<String, Object> request = data(schemas.get(CaseopsOpenApi.OPERATION_REQUEST));
    assertThat(data(request.get("discriminator")).get("propertyName")).isEqualTo("action");
    Map<String, Object> mapping = map(data(request.get("discriminator")), "Mapping");
    assertThat(mapping).hasSize(ActionDescriptors.all().size());
    Set<String> parameters = new TreeSet<>();
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      String wireName = descriptor.action().wireName();
      String type = CaseopsOpenApi.submissionType(descriptor.action());
      assertThat(mapping).containsEntry(wireName, SCHEMAS + type);
      Map<String, Object> schema = data(schemas.get(type));
      Map<String, JsonValue> given = Map.of("action", Json.createValue(wireName));
      Function<JsonObject, ?> parser = json -> OperationRequest.parse(json, true);
      Set<String> bound = bound(parser, given);
      assertThat(properties(schema)).as(type).containsExactlyInAnyOrderElementsOf(bound);
      Set<String> required = requiredBy(parser, given, bound);
      required.addAll(requiredByRules(descriptor, Set.of()));
      assertThat(required(schema)).as(type).containsExactlyInAnyOrderElementsOf(required);
      checkMembers(type, schema, parser, given);
      parameters.addAll(bound);
    }
    // The probe sees what the parsers read: the targets, and parameters of every kind.
    assertThat(parameters)
        .contains(
            "action",
            "search",
            "search@odata.bind",
            "reviewSetQuery",
            "tagsToAdd",
            "ids",
            "legalHold",
            "statisticsOptions",
            "outputName",
            "batesStart",
            "exportFormat",
            "holdChange",
            "purgeAreas");
  }

  @Test
  void theOtherPostsTakeWhatTheirResourceMethodsRead() {
    String operations = "/{version}/security/cases/ediscoveryCases/{caseId}/operations";
    Map<String, Object> cleanUp =
        bodySchema(operation("/{version}/caseops/operations/cleanUp", PathItem.HttpMethod.POST));
    assertThat(required(cleanUp)).containsExactly("endedBefore");
    Map<String, Object> restore =
        bodySchema(operation(operations + "/{operationId}/restore", PathItem.HttpMethod.POST));
    assertThat(properties(restore)).containsExactly("itemIds");
    // cancel and retry read no body at all.
    for (String action : List.of("cancel", "retry")) {
      assertThat(
              operation(operations + "/{operationId}/" + action, PathItem.HttpMethod.POST)
                  .get("requestBody"))
          .as(action)
          .isNull();
    }
  }

  @Test
  void theServerOwnedPropertiesAreReadOnly() {
    int entities = 0;
    for (Map.Entry<String, Object> schema : schemas.entrySet()) {
      Map<String, Object> properties = map(data(schema.getValue()), "Property");
      if (properties.containsKey("id")) {
        assertThat(data(properties.get("id")).get("readOnly")).as(schema.getKey()).isEqualTo(true);
        entities++;
      }
    }
    assertThat(entities).isGreaterThanOrEqualTo(12);
    Map<String, Object> base = map(data(schemas.get(OperationJson.BASE_TYPE)), "Property");
    for (String name : OperationRequest.SERVER_OWNED_PROPERTIES) {
      assertThat(data(base.get(name)).get("readOnly")).as(name).isEqualTo(true);
    }
    assertThat(data(base.get("action")).get("readOnly")).isNull();
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      if (descriptor.qualifiedType().equals(OperationJson.BASE_TYPE)) {
        continue;
      }
      Map<String, Object> own = new java.util.HashMap<>();
      for (Object part : (List<?>) data(schemas.get(descriptor.qualifiedType())).get("allOf")) {
        own.putAll(map(data(part), "Property"));
      }
      for (String name : descriptor.properties()) {
        boolean result = descriptor.resultProperties().contains(name);
        assertThat(data(own.get(name)).get("readOnly"))
            .as(descriptor.qualifiedType() + "." + name)
            .isEqualTo(result ? Boolean.TRUE : null);
      }
    }
    Map<String, Object> custodian =
        map(data(schemas.get("microsoft.graph.security.ediscoveryCustodian")), "Property");
    assertThat(data(custodian.get("status")).get("readOnly")).isEqualTo(true);
    assertThat(data(custodian.get("email")).get("readOnly")).isNull();
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
