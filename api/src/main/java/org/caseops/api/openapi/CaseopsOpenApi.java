package org.caseops.api.openapi;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.CaseopsApplication;
import org.caseops.api.audit.AuditEntryJson;
import org.caseops.api.audit.AuditLogResource;
import org.caseops.api.cases.CaseJson;
import org.caseops.api.cases.CasesResource;
import org.caseops.api.custodians.CustodianJson;
import org.caseops.api.custodians.CustodiansResource;
import org.caseops.api.custodians.NoncustodialJson;
import org.caseops.api.custodians.NoncustodialSourcesResource;
import org.caseops.api.custodians.SourceJson;
import org.caseops.api.holds.LegalHoldJson;
import org.caseops.api.holds.LegalHoldsResource;
import org.caseops.api.odata.Refs;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.api.operations.OperationJson;
import org.caseops.api.operations.OperationOptions;
import org.caseops.api.operations.OperationRequest;
import org.caseops.api.operations.OperationsResource;
import org.caseops.api.operations.PurgeRestoreService;
import org.caseops.api.operations.actions.ActionDescriptor;
import org.caseops.api.operations.actions.ActionDescriptors;
import org.caseops.api.operations.actions.ActionEndpoint;
import org.caseops.api.reviewsets.FileJson;
import org.caseops.api.reviewsets.FilesResource;
import org.caseops.api.reviewsets.QueriesResource;
import org.caseops.api.reviewsets.ReviewSetJson;
import org.caseops.api.reviewsets.ReviewSetsResource;
import org.caseops.api.searches.SearchJson;
import org.caseops.api.searches.SearchesResource;
import org.caseops.api.tags.TagJson;
import org.caseops.api.tags.TagsResource;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.operations.CaseAction;
import org.caseops.domain.operations.OperationTarget;
import org.caseops.domain.operations.TargetRole;
import org.caseops.domain.support.EvolvableEnum;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Builds caseops' OpenAPI document from the code (registered as {@code mp.openapi.model.reader},
 * with the runtime's own scan switched off, so that every runtime serves the same document):
 *
 * <ul>
 *   <li>a path item per JAX-RS resource method of {@link CaseopsApplication}, sub-resources
 *       included, under its URL template ({@code {version}} is {@code v1.0} or {@code beta});
 *   <li>a schema per entity type, from the property list its JSON class writes and the types its
 *       {@code $filter} table knows; the caseOperation base type and one derived type per action
 *       ({@link ActionDescriptors}); the Graph error body; the collection envelope;
 *   <li>the bearer security scheme, required by every operation but {@code /health}.
 * </ul>
 */
public class CaseopsOpenApi implements OASModelReader {
  static final String BEARER = "bearer";
  static final String ERROR = "microsoft.graph.ODataErrors.ODataError";
  static final String DATA_SOURCE = "microsoft.graph.security.dataSource";
  static final String RESTORE_RESULT = "caseops.restoreResult";
  static final String CLEAN_UP_RESULT = "caseops.cleanUpResult";
  static final String ODATA_TYPE = "@odata.type";
  static final String OPERATION_REQUEST = "caseops.operationRequest";

  /**
   * The properties the server writes and a client does not (the base caseOperation's are those
   * {@link OperationRequest} ignores; the derived types' results are added from their descriptors).
   */
  private static final Set<String> READ_ONLY = readOnly();

  /** The error statuses every operation may answer, with what each means. */
  private static final Map<String, String> ERRORS = errors();

  private static final Pattern TEMPLATE = Pattern.compile("\\{(\\w+)(?:\\s*:\\s*([^}]*))?}");

  /** The entity type of a collection, by the last literal segment of its path. */
  private static final Map<String, String> COLLECTIONS = new LinkedHashMap<>();

  static {
    COLLECTIONS.put("ediscoveryCases", CaseJson.TYPE);
    COLLECTIONS.put("custodians", CustodianJson.TYPE);
    COLLECTIONS.put("userSources", SourceJson.USER_TYPE);
    COLLECTIONS.put("siteSources", SourceJson.SITE_TYPE);
    COLLECTIONS.put("operations", OperationJson.BASE_TYPE);
    COLLECTIONS.put("searches", SearchJson.TYPE);
    COLLECTIONS.put("reviewSets", ReviewSetJson.TYPE);
    COLLECTIONS.put("queries", ReviewSetJson.QUERY_TYPE);
    COLLECTIONS.put("files", FileJson.TYPE);
    COLLECTIONS.put("tags", TagJson.TYPE);
    COLLECTIONS.put("childTags", TagJson.TYPE);
    COLLECTIONS.put("auditLog", AuditEntryJson.TYPE);
    COLLECTIONS.put("legalHolds", LegalHoldJson.TYPE);
    COLLECTIONS.put("noncustodialDataSources", NoncustodialJson.TYPE);
    COLLECTIONS.put("noncustodialSources", NoncustodialJson.TYPE);
  }

  /** The entity type of a single-valued navigation, by the last segment of its path. */
  private static final Map<String, String> NAVIGATIONS =
      Map.of(
          "lastIndexOperation", OperationJson.BASE_TYPE,
          "lastEstimateStatisticsOperation", OperationJson.BASE_TYPE,
          "lastSyncOperation", OperationJson.BASE_TYPE,
          "parent", TagJson.TYPE,
          "dataSource", DATA_SOURCE);

  /**
   * What a POST that is neither a creation nor an action answers, by the Java method's name when it
   * is not 202 Accepted with the Location of an operation.
   */
  private static final Map<String, String> NO_CONTENT_POSTS =
      Map.of("close", "Closed", "reopen", "Reopened", "retryPolicy", "Retried");

  @Override
  public OpenAPI buildModel() {
    Components components =
        OASFactory.createComponents()
            .addSecurityScheme(
                BEARER,
                OASFactory.createSecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description(
                        "An OAuth 2.0 access token of the configured issuer (Entra ID, Keycloak,"
                            + " ...), or in development mode one the server made."));
    schemas().forEach(components::addSchema);
    OpenAPI openApi =
        OASFactory.createOpenAPI()
            .openapi("3.0.3")
            .info(
                OASFactory.createInfo()
                    .title("caseops")
                    .version("v1.0")
                    .description(
                        "Self-hosted eDiscovery case operations with the Microsoft Graph"
                            + " eDiscovery API shape."))
            .components(components)
            .paths(OASFactory.createPaths());
    for (Endpoint endpoint : endpoints()) {
      PathItem item = openApi.getPaths().getPathItem(endpoint.path());
      if (item == null) {
        item = OASFactory.createPathItem();
        openApi.getPaths().addPathItem(endpoint.path(), item);
      }
      item.setOperation(PathItem.HttpMethod.valueOf(endpoint.method()), operation(endpoint));
    }
    return openApi;
  }

  /** One resource method at its full URL template, as JAX-RS matches it. */
  public record Endpoint(String method, String template, Method javaMethod) {
    /** The template as OpenAPI writes it: {@code {name}} for every parameter. */
    public String path() {
      return "/" + TEMPLATE.matcher(template).replaceAll("{$1}");
    }
  }

  /** Every resource method of the application, sub-resources included, by path then method. */
  public static List<Endpoint> endpoints() {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : new CaseopsApplication().getClasses()) {
      Path path = type.getAnnotation(Path.class);
      if (path != null) {
        collect(type, trim(path.value()), endpoints);
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return endpoints;
  }

  private static void collect(Class<?> type, String prefix, List<Endpoint> endpoints) {
    for (Method method : type.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String template = path == null ? prefix : prefix + "/" + trim(path.value());
      Optional<String> httpMethod = httpMethod(method);
      if (httpMethod.isPresent()) {
        endpoints.add(new Endpoint(httpMethod.get(), template, method));
      } else if (path != null) {
        collect(method.getReturnType(), template, endpoints);
      }
    }
  }

  private static Optional<String> httpMethod(Method method) {
    for (Annotation a : method.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return Optional.of(http.value());
      }
    }
    return Optional.empty();
  }

  private static String trim(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  private Operation operation(Endpoint endpoint) {
    Method java = endpoint.javaMethod();
    Operation operation =
        OASFactory.createOperation()
            .operationId(
                java.getDeclaringClass().getSimpleName()
                    + "_"
                    + java.getName()
                    + "_"
                    + endpoint.method().toLowerCase(Locale.ROOT)
                    + "_"
                    + Integer.toHexString(endpoint.template().hashCode()))
            .addTag(java.getDeclaringClass().getSimpleName().replace("Resource", ""));
    Matcher m = TEMPLATE.matcher(endpoint.template());
    while (m.find()) {
      Schema schema = typed(Schema.SchemaType.STRING);
      if (m.group(2) != null) {
        for (String choice : m.group(2).split("\\|")) {
          schema.addEnumeration(choice.replace("\\.", "."));
        }
      }
      operation.addParameter(
          OASFactory.createParameter()
              .name(m.group(1))
              .in(Parameter.In.PATH)
              .required(true)
              .schema(schema));
    }
    boolean open = endpoint.template().equals("health");
    if (!open) {
      operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
    }
    String[] segments = endpoint.template().split("/");
    String last = segments[segments.length - 1];
    String previous = segments.length > 1 ? segments[segments.length - 2] : "";
    String collectionType = collectionType(last);
    String entityType = last.startsWith("{") ? collectionType(previous) : null;
    APIResponses responses = OASFactory.createAPIResponses();
    String method = endpoint.method();
    String navigation = NAVIGATIONS.get(last);
    Optional<ActionEndpoint> action =
        method.equals(HttpMethod.POST) ? action(endpoint) : Optional.empty();
    if (method.equals(HttpMethod.GET)) {
      if (collectionType != null) {
        operation.summary("List the " + last + "; /$count answers their number as text/plain");
        for (String option : List.of("$filter", "$orderby", "$top", "$skip", "$count", "$select")) {
          operation.addParameter(
              OASFactory.createParameter()
                  .name(option)
                  .in(Parameter.In.QUERY)
                  .schema(typed(Schema.SchemaType.STRING)));
        }
        responses.addAPIResponse("200", ok(collection(collectionType)));
      } else if (entityType != null) {
        responses.addAPIResponse("200", ok(ref(entityType)));
      } else if (navigation != null) {
        responses.addAPIResponse("200", ok(ref(navigation)));
      } else if (last.equals("asHierarchy")) {
        // The case's root tags, each with its childTags.
        responses.addAPIResponse("200", ok(collection(TagJson.TYPE)));
      } else {
        responses.addAPIResponse(
            "200",
            OASFactory.createAPIResponse()
                .description("OK")
                .content(content(java, typed(Schema.SchemaType.OBJECT))));
      }
    } else if (method.equals(HttpMethod.POST) && collectionType != null) {
      String created = collectionType;
      String submitted = created.equals(OperationJson.BASE_TYPE) ? OPERATION_REQUEST : created;
      operation.requestBody(
          OASFactory.createRequestBody().required(true).content(json(ref(submitted))));
      responses.addAPIResponse(
          "201",
          OASFactory.createAPIResponse()
              .description("Created: the Location header is its URL")
              .content(json(ref(created)))
              .addHeader("Location", location()));
    } else if (method.equals(HttpMethod.PATCH)) {
      if (entityType != null) {
        operation.requestBody(
            OASFactory.createRequestBody().required(true).content(json(ref(entityType))));
      }
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Updated"));
    } else if (method.equals(HttpMethod.DELETE)) {
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted"));
    } else if (action.isPresent()) {
      ActionDescriptor descriptor = descriptor(action.get().action());
      String type = descriptor.qualifiedType();
      operation.summary(
          "Starts the action " + action.get().action().wireName() + ": a " + type + " to poll");
      operation.requestBody(
          OASFactory.createRequestBody()
              .required(false)
              .description(
                  "The action's parameters, without the parts of the target that the URL names;"
                      + " an empty body or {} when none is required")
              .content(json(actionParameters(descriptor, action.get().fromUrl(), false))));
      if (NO_CONTENT_POSTS.containsKey(java.getName())) {
        responses.addAPIResponse(
            "204",
            OASFactory.createAPIResponse()
                .description(NO_CONTENT_POSTS.get(java.getName()) + ": the " + type + " runs"));
      } else {
        responses.addAPIResponse(
            "202",
            OASFactory.createAPIResponse()
                .description(
                    "Accepted: the Location header names the " + type + " that carries it out")
                .addHeader("Location", location()));
      }
    } else if (NO_CONTENT_POSTS.containsKey(java.getName())) {
      if (takesBody(java)) {
        operation.requestBody(emptyBody());
      }
      responses.addAPIResponse(
          "204", OASFactory.createAPIResponse().description(NO_CONTENT_POSTS.get(java.getName())));
    } else if (java.getName().equals("restore")) {
      operation.requestBody(
          OASFactory.createRequestBody()
              .required(false)
              .content(
                  json(
                      typed(Schema.SchemaType.OBJECT)
                          .addProperty(
                              "itemIds",
                              typed(Schema.SchemaType.ARRAY)
                                  .items(string())
                                  .maxItems(PurgeRestoreService.MAX_ITEMS)
                                  .description(
                                      "The purged items to bring back; all of them when"
                                          + " absent")))));
      responses.addAPIResponse("200", ok(ref(RESTORE_RESULT)));
    } else if (java.getName().equals("cleanUp")) {
      operation.requestBody(
          OASFactory.createRequestBody()
              .required(true)
              .content(
                  json(
                      typed(Schema.SchemaType.OBJECT)
                          .addProperty(
                              "endedBefore",
                              string()
                                  .format("date-time")
                                  .description(
                                      "The operations that ended before this UTC instant are"
                                          + " deleted"))
                          .addRequired("endedBefore"))));
      responses.addAPIResponse("200", ok(ref(CLEAN_UP_RESULT)));
    } else if (java.getName().equals("signIn")) {
      responses.addAPIResponse(
          "200",
          OASFactory.createAPIResponse()
              .description("OK")
              .content(content(java, typed(Schema.SchemaType.OBJECT))));
    } else {
      if (takesBody(java)) {
        operation.requestBody(emptyBody());
      }
      responses.addAPIResponse(
          "202",
          OASFactory.createAPIResponse()
              .description(
                  "Accepted: the Location header, where there is one, names the caseOperation"
                      + " that carries it out")
              .addHeader("Location", location()));
    }
    for (Map.Entry<String, String> error : ERRORS.entrySet()) {
      boolean authorization = error.getKey().equals("401") || error.getKey().equals("403");
      boolean withBody = error.getKey().equals("415");
      if ((authorization && open)
          || (withBody && operation.getRequestBody() == null)
          || (error.getKey().equals("409") && method.equals(HttpMethod.GET))) {
        continue;
      }
      responses.addAPIResponse(error.getKey(), error(error.getValue()));
    }
    responses.setDefaultValue(error("Any other Graph error"));
    return operation.responses(responses);
  }

  private static String collectionType(String segment) {
    if (segment.startsWith("{sources")) {
      return segment.contains("userSources") ? SourceJson.USER_TYPE : DATA_SOURCE;
    }
    return COLLECTIONS.get(segment);
  }

  private static APIResponse ok(Schema schema) {
    return OASFactory.createAPIResponse().description("OK").content(json(schema));
  }

  private static APIResponse error(String description) {
    return OASFactory.createAPIResponse().description(description).content(json(ref(ERROR)));
  }

  private static Set<String> readOnly() {
    Set<String> names = new TreeSet<>(OperationRequest.SERVER_OWNED_PROPERTIES);
    names.addAll(
        List.of(
            "id",
            "status",
            "holdStatus",
            "errors",
            "createdDateTime",
            "lastModifiedDateTime",
            "closedDateTime",
            "releasedDateTime",
            "acknowledgedDateTime",
            "completedDateTime",
            "createdBy",
            "lastModifiedBy",
            "closedBy",
            "progress"));
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      names.addAll(descriptor.resultProperties());
    }
    return names;
  }

  private static Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(
        "400", "badRequest, invalidRequest or notSupported: the request is malformed or wrong");
    errors.put("401", "InvalidAuthenticationToken: no valid bearer token");
    errors.put("403", "accessDenied: the token lacks the permission");
    errors.put("404", "itemNotFound: no such resource");
    errors.put("409", "conflict: a duplicate or a concurrent change");
    errors.put("415", "notSupported: the body is not application/json");
    errors.put("429", "activityLimitReached: throttled; Retry-After gives the seconds to wait");
    errors.put("500", "generalException: a failure of the server");
    return errors;
  }

  private static org.eclipse.microprofile.openapi.models.headers.Header location() {
    return OASFactory.createHeader()
        .description("The URL of the resource")
        .schema(string().format("uri"));
  }

  private static org.eclipse.microprofile.openapi.models.parameters.RequestBody emptyBody() {
    return OASFactory.createRequestBody()
        .required(false)
        .description("No parameters: an empty body or {}")
        .content(json(typed(Schema.SchemaType.OBJECT)));
  }

  /** The action endpoint a POST is, matched by the end of its template. */
  static Optional<ActionEndpoint> action(Endpoint endpoint) {
    String path = anyParameter(endpoint.template());
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      for (ActionEndpoint action : descriptor.endpoints()) {
        if (path.endsWith("/" + anyParameter(action.path()))) {
          return Optional.of(action);
        }
      }
    }
    return Optional.empty();
  }

  private static String anyParameter(String template) {
    return TEMPLATE.matcher(template).replaceAll("{}");
  }

  private static ActionDescriptor descriptor(CaseAction action) {
    return ActionDescriptors.find(action)
        .orElseThrow(
            () -> new IllegalStateException("the action " + action + " has no descriptor"));
  }

  /** Whether the resource method reads a request body (an InputStream without annotations). */
  private static boolean takesBody(Method java) {
    for (java.lang.reflect.Parameter parameter : java.getParameters()) {
      if (parameter.getType() == InputStream.class && parameter.getAnnotations().length == 0) {
        return true;
      }
    }
    return false;
  }

  /** The name of the schema of a body of {@code POST .../operations} that starts the action. */
  static String submissionType(CaseAction action) {
    return "caseops." + action.wireName() + "Request";
  }

  /**
   * The body that starts an action: the parts of its target that {@code fromUrl} does not name, as
   * {@link OperationRequest} reads them, then the action's own parameters; with {@code action} and
   * {@code @odata.type} first when it is a body of {@code POST .../operations} ({@code
   * submission}).
   */
  static Schema actionParameters(
      ActionDescriptor descriptor, Set<TargetRole> fromUrl, boolean submission) {
    CaseAction action = descriptor.action();
    Schema schema =
        typed(Schema.SchemaType.OBJECT)
            .title(
                submission
                    ? submissionType(action)
                    : CaseAction.NAMESPACE + action.wireName() + " parameters");
    if (submission) {
      Schema name = string().description("The action to start");
      name.addEnumeration(action.wireName());
      schema.addProperty("action", name).addRequired("action");
      Schema type =
          string()
              .description(
                  "#"
                      + OperationJson.BASE_TYPE
                      + " or #"
                      + descriptor.qualifiedType()
                      + " (the # may be left out); optional");
      schema.addProperty(ODATA_TYPE, type);
    }
    List<String> needed = new ArrayList<>();
    for (TargetRole role : TargetRole.values()) {
      if (!descriptor.rules().accepts(role) || fromUrl.contains(role)) {
        continue;
      }
      boolean required = descriptor.rules().requires(role);
      switch (role) {
        case REVIEW_SET -> reference(schema, "reviewSet", "reviewSets", required, needed);
        case SEARCH -> reference(schema, "search", "searches", required, needed);
        case QUERY -> {
          reference(schema, "query", "queries", false, needed);
          reference(schema, "reviewSetQuery", "queries", false, needed);
          if (required) {
            needed.add("query (or reviewSetQuery)");
          }
        }
        case TAGS -> {
          for (String name : List.of("tagsToAdd", "tagsToRemove")) {
            schema.addProperty(
                name, typed(Schema.SchemaType.ARRAY).items(idObject()).description("Tags: {id}"));
          }
          if (required) {
            needed.add("tagsToAdd or tagsToRemove, at least one tag");
          }
        }
        case CUSTODIANS -> {
          schema.addProperty(
              role.property(),
              typed(Schema.SchemaType.ARRAY)
                  .items(string())
                  .maxItems(OperationRequest.MAX_CUSTODIANS)
                  .description("The ids of the custodians or non-custodial data sources"));
          if (required) {
            schema.addRequired(role.property());
          }
        }
        case LEGAL_HOLD ->
            reference(schema, OperationRequest.LEGAL_HOLD, "legalHolds", required, needed);
      }
    }
    for (String name : descriptor.parameters()) {
      schema.addProperty(name, parameter(name));
    }
    descriptor.requiredParameters().forEach(schema::addRequired);
    if (!needed.isEmpty()) {
      schema.description("Needs " + String.join("; ", needed));
    }
    return schema;
  }

  /** A reference to one entity: {@code name: {id}} or {@code name@odata.bind: url}. */
  private static void reference(
      Schema schema, String name, String collection, boolean required, List<String> needed) {
    schema.addProperty(name, idObject());
    schema.addProperty(
        name + Refs.BIND,
        string()
            .description("The URL of the entity, in " + collection + " (instead of " + name + ")"));
    if (required) {
      needed.add(name + " (or " + name + Refs.BIND + ")");
    }
  }

  private static Schema idObject() {
    return typed(Schema.SchemaType.OBJECT).addProperty("id", string()).addRequired("id");
  }

  /** The schema of an action's own parameter, by name. */
  private static Schema parameter(String name) {
    return switch (name) {
      case "statisticsOptions" -> flags(OperationOptions.StatisticsOptions.class);
      case "additionalDataOptions" -> flags(OperationOptions.AdditionalDataOptions.class);
      case "itemsToInclude" -> flags(OperationOptions.ItemsToInclude.class);
      case "cloudAttachmentVersion", "documentVersion" ->
          members(OperationOptions.Version.class)
              .description("Checked, not kept: caseops keeps one version of each item");
      case "outputName", "displayName" ->
          string().maxLength(256).description("The name of the export, which its files take");
      case "description" -> string().maxLength(4000);
      case "exportOptions" -> flags(OperationOptions.ExportOptions.class);
      case "exportStructure" ->
          members(OperationOptions.ExportFileStructure.class)
              .description("none or directory; pst and msg are refused");
      case "batesPrefix" ->
          string()
              .pattern("^[A-Za-z0-9_.-]{1,32}$")
              .description("The prefix of the production numbers stamped on PDF pages");
      case "batesStart" ->
          typed(Schema.SchemaType.INTEGER)
              .format("int64")
              .minimum(BigDecimal.ONE)
              .maximum(BigDecimal.valueOf(99_999_999L))
              .description("The first production number");
      case "exportCriteria" -> flags(OperationOptions.ExportCriteria.class);
      case "exportLocation" -> flags(OperationOptions.ExportLocation.class);
      case "additionalOptions" -> flags(OperationOptions.AdditionalOptions.class);
      case "exportFormat" ->
          members(OperationOptions.ExportFormat.class)
              .description("eml, the default; pst and msg are refused");
      case "exportSingleItems" ->
          typed(Schema.SchemaType.BOOLEAN).description("true only: each item is a file");
      case "holdChange" -> {
        Schema change = string().description("applyHold, the default, or removeHold");
        change.addEnumeration(OperationTarget.APPLY_HOLD);
        change.addEnumeration(OperationTarget.REMOVE_HOLD);
        yield change;
      }
      case "purgeType" -> members(OperationOptions.PurgeType.class);
      case "purgeAreas" -> flags(OperationOptions.PurgeAreas.class);
      default -> throw new IllegalStateException("the action parameter " + name + " has no schema");
    };
  }

  /**
   * A string that is one member of an evolvable enum: those a client may send, which are all but
   * the unknownFutureValue sentinel.
   */
  private static <E extends Enum<E> & EvolvableEnum> Schema members(Class<E> type) {
    Schema schema = string();
    for (E member : type.getEnumConstants()) {
      if (!member.isSentinel()) {
        schema.addEnumeration(member.wireName());
      }
    }
    return schema;
  }

  /** A flags enum: members joined by commas, marked as Graph's document marks them. */
  private static <E extends Enum<E> & EvolvableEnum> Schema flags(Class<E> type) {
    return members(type)
        .addExtension("x-ms-enum-flags", Map.of("isFlags", true))
        .description(
            "Flags: one or more of the members joined by commas (members after"
                + " unknownFutureValue need Prefer: include-unknown-enum-members)");
  }

  private static Content json(Schema schema) {
    return OASFactory.createContent()
        .addMediaType(
            jakarta.ws.rs.core.MediaType.APPLICATION_JSON,
            OASFactory.createMediaType().schema(schema));
  }

  private static Content content(Method java, Schema schema) {
    Produces produces = java.getAnnotation(Produces.class);
    if (produces == null) {
      produces = java.getDeclaringClass().getAnnotation(Produces.class);
    }
    String[] types =
        produces == null
            ? new String[] {jakarta.ws.rs.core.MediaType.APPLICATION_OCTET_STREAM}
            : produces.value();
    Content content = OASFactory.createContent();
    for (String type : types) {
      MediaType media = OASFactory.createMediaType().schema(schema);
      content.addMediaType(type, media);
    }
    return content;
  }

  private static Schema ref(String type) {
    return OASFactory.createSchema().ref(refPath(type));
  }

  private static String refPath(String type) {
    return "#/components/schemas/" + type;
  }

  private static Schema collection(String type) {
    return typed(Schema.SchemaType.OBJECT)
        .addProperty("@odata.context", string())
        .addProperty("@odata.count", typed(Schema.SchemaType.INTEGER))
        .addProperty("@odata.nextLink", string())
        .addProperty("value", typed(Schema.SchemaType.ARRAY).items(ref(type)));
  }

  private static Schema string() {
    return typed(Schema.SchemaType.STRING);
  }

  /** The component schemas, by type name. */
  static Map<String, Schema> schemas() {
    Map<String, Schema> schemas = new LinkedHashMap<>();
    schemas.put(CaseJson.TYPE, entity(CaseJson.PROPERTIES, CasesResource.QUERYABLE));
    schemas.put(CustodianJson.TYPE, entity(CustodianJson.PROPERTIES, CustodiansResource.QUERYABLE));
    schemas.put(
        DATA_SOURCE,
        OASFactory.createSchema()
            .oneOf(List.of(ref(SourceJson.USER_TYPE), ref(SourceJson.SITE_TYPE)))
            .discriminator(
                OASFactory.createDiscriminator()
                    .propertyName(ODATA_TYPE)
                    .addMapping("#" + SourceJson.USER_TYPE, refPath(SourceJson.USER_TYPE))
                    .addMapping("#" + SourceJson.SITE_TYPE, refPath(SourceJson.SITE_TYPE)))
            .description(
                "A user source (mailbox, OneDrive) or a site source, told apart by @odata.type"));
    schemas.put(
        SourceJson.USER_TYPE,
        entity(SourceJson.USER_PROPERTIES, CustodiansResource.sourcesQueryable(SourceKind.USER)));
    schemas.put(
        SourceJson.SITE_TYPE,
        entity(SourceJson.SITE_PROPERTIES, CustodiansResource.sourcesQueryable(SourceKind.SITE)));
    schemas.put(SearchJson.TYPE, entity(SearchJson.PROPERTIES, SearchesResource.QUERYABLE));
    schemas.put(ReviewSetJson.TYPE, entity(ReviewSetJson.PROPERTIES, ReviewSetsResource.QUERYABLE));
    schemas.put(
        ReviewSetJson.QUERY_TYPE,
        entity(ReviewSetJson.QUERY_PROPERTIES, QueriesResource.QUERYABLE));
    schemas.put(FileJson.TYPE, entity(FileJson.PROPERTIES, FilesResource.QUERYABLE));
    schemas.put(TagJson.TYPE, entity(TagJson.PROPERTIES, TagsResource.QUERYABLE));
    schemas.put(AuditEntryJson.TYPE, entity(AuditEntryJson.PROPERTIES, AuditLogResource.QUERYABLE));
    schemas.put(LegalHoldJson.TYPE, entity(LegalHoldJson.PROPERTIES, LegalHoldsResource.QUERYABLE));
    schemas.put(
        NoncustodialJson.TYPE,
        entity(NoncustodialJson.PROPERTIES, NoncustodialSourcesResource.QUERYABLE));
    for (String source : List.of(SourceJson.USER_TYPE, SourceJson.SITE_TYPE)) {
      schemas.get(source).addProperty(ODATA_TYPE, string());
    }
    Schema operation = entity(OperationJson.BASE_PROPERTIES, OperationsResource.QUERYABLE);
    operation.addProperty(ODATA_TYPE, string());
    operation.description(
        "The base type of every operation; the body names its derived type in @odata.type.");
    org.eclipse.microprofile.openapi.models.media.Discriminator derived =
        OASFactory.createDiscriminator().propertyName(ODATA_TYPE);
    derived.addMapping("#" + OperationJson.BASE_TYPE, refPath(OperationJson.BASE_TYPE));
    schemas.put(OperationJson.BASE_TYPE, operation);
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      if (schemas.containsKey(descriptor.qualifiedType())) {
        continue; // an action without a derived type of its own (convertToPdf)
      }
      Schema own = entity(descriptor.properties(), OperationsResource.QUERYABLE);
      schemas.put(
          descriptor.qualifiedType(),
          OASFactory.createSchema()
              .allOf(List.of(ref(OperationJson.BASE_TYPE), own))
              .description("The caseOperation of the action " + descriptor.action().wireName()));
      derived.addMapping("#" + descriptor.qualifiedType(), refPath(descriptor.qualifiedType()));
    }
    operation.discriminator(derived);
    List<Schema> submissions = new ArrayList<>();
    org.eclipse.microprofile.openapi.models.media.Discriminator byAction =
        OASFactory.createDiscriminator().propertyName("action");
    for (ActionDescriptor descriptor : ActionDescriptors.all()) {
      String name = submissionType(descriptor.action());
      schemas.put(
          name,
          actionParameters(descriptor, Set.of(), true)
              .description(
                  "The body of POST .../operations that starts "
                      + descriptor.action().wireName()
                      + "; the server-owned properties of "
                      + descriptor.qualifiedType()
                      + " are ignored"));
      submissions.add(ref(name));
      byAction.addMapping(descriptor.action().wireName(), refPath(name));
    }
    schemas.put(
        OPERATION_REQUEST,
        OASFactory.createSchema()
            .oneOf(submissions)
            .discriminator(byAction)
            .description(
                "The body of POST .../operations: the action, its target, its parameters"));
    schemas.put(
        RESTORE_RESULT,
        typed(Schema.SchemaType.OBJECT)
            .description("What a restore of a purge brought back (a caseops addition)")
            .addProperty("@odata.context", string())
            .addProperty("restoredCount", typed(Schema.SchemaType.INTEGER))
            .addProperty("alreadyRestoredCount", typed(Schema.SchemaType.INTEGER))
            .addProperty("restoredItemIds", typed(Schema.SchemaType.ARRAY).items(string()))
            .addProperty("alreadyRestoredItemIds", typed(Schema.SchemaType.ARRAY).items(string())));
    schemas.put(
        CLEAN_UP_RESULT,
        typed(Schema.SchemaType.OBJECT)
            .description("How many ended operations a clean-up deleted (a caseops addition)")
            .addProperty("deletedCount", typed(Schema.SchemaType.INTEGER)));
    schemas.put(
        ERROR,
        typed(Schema.SchemaType.OBJECT)
            .addRequired("error")
            .addProperty(
                "error",
                typed(Schema.SchemaType.OBJECT)
                    .addProperty("code", string())
                    .addProperty("message", string())
                    .addProperty(
                        "innerError",
                        typed(Schema.SchemaType.OBJECT)
                            .addProperty("date", string().format("date-time"))
                            .addProperty("request-id", string())
                            .addProperty("client-request-id", string()))));
    return schemas;
  }

  /** An object schema with the given properties, typed where the filter table knows them. */
  private static Schema entity(List<String> properties, PropertyTable table) {
    Schema schema = typed(Schema.SchemaType.OBJECT);
    for (String name : properties) {
      Schema property = property(name, table);
      if (READ_ONLY.contains(name)) {
        property.readOnly(true);
      }
      schema.addProperty(name, property);
    }
    return schema;
  }

  private static Schema property(String name, PropertyTable table) {
    Optional<PropertyTable.Property> known = table.property(name);
    if (known.isPresent()) {
      PropertyTable.Property p = known.get();
      return switch (p.type()) {
        case STRING -> string();
        case INTEGER -> typed(Schema.SchemaType.INTEGER).format("int32");
        case INT64 -> typed(Schema.SchemaType.INTEGER).format("int64");
        case DATE_TIME -> string().format("date-time");
        case ENUMERATION -> {
          Schema e = string();
          p.members().forEach(member -> e.addEnumeration(member.name()));
          yield e;
        }
      };
    }
    if (name.endsWith("DateTime")) {
      return string().format("date-time");
    }
    if (name.endsWith("By")) {
      return typed(Schema.SchemaType.OBJECT).description("microsoft.graph.identitySet");
    }
    if (name.equals("id") || name.equals("displayName") || name.equals("description")) {
      return string();
    }
    return OASFactory.createSchema().description(name);
  }

  private static final java.lang.reflect.Method SET_TYPE = typeSetter();

  /**
   * A schema of one type. MicroProfile OpenAPI 3.1 (Jakarta EE 10 runtimes) names the setter {@code
   * type(SchemaType)}; 4.x (WildFly 39, Payara 7) made the type a list, set with {@code
   * addType(SchemaType)}: the one present is used, so the WAR runs on both.
   */
  static Schema typed(Schema.SchemaType type) {
    try {
      return (Schema) SET_TYPE.invoke(OASFactory.createSchema(), type);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot set the type of an OpenAPI schema", e);
    }
  }

  private static java.lang.reflect.Method typeSetter() {
    for (String name : new String[] {"type", "addType"}) {
      try {
        return Schema.class.getMethod(name, Schema.SchemaType.class);
      } catch (NoSuchMethodException e) {
        // the other version of the API
      }
    }
    throw new IllegalStateException("MicroProfile OpenAPI's Schema has neither type nor addType");
  }
}
