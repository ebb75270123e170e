package org.caseops.api.tags;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.CollectionJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.Preferences;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewTag;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/tags}: create (201), list, read, update (204) and delete (204, with
 * descendants) review tags; their {@code childTags} and {@code parent}; and the function {@code asHierarchy()} (also
 * namespace-qualified, and without parentheses, through the path normaliser), which returns the whole tree.
 */
@RequestScoped
@Path("{version: v1\\.0|beta}/security/cases/ediscoveryCases/{caseId}/tags")
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {
  /** The properties {@code $filter} and {@code $orderby} may use. */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(TagJson.TYPE)
          .string("id")
          .string("displayName")
          .enumeration("childSelectability", ChildSelectability.class)
          .dateTime("lastModifiedDateTime")
          .build();

  @Inject TagService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    TagRequests.NewTag request = TagRequests.parseNew(JsonBody.read(body));
    ReviewTag tag = service.create(caseId, request, caller.identitySet());
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.created(root.resolve(GraphPaths.tagPath(caseId, tag.getId())), TagJson.entity(root, tag));
  }

  @GET
  public Response list(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include(headers));
    options.checkSelect(TagJson.PROPERTIES, TagJson.TYPE);
    List<ReviewTag> page = service.list(caseId, options.listQuery());
    long total = service.count(caseId, options.filter());
    return options.collectionResponse(uri, version, GraphPaths.tagsKey(caseId), page, total, TagJson::item);
  }

  @GET
  @Path("asHierarchy")
  public Response asHierarchy(
      @PathParam("version") String version, @PathParam("caseId") String rawCaseId, @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    QueryOptions.parse(uri.getQueryParameters());
    Map<String, List<ReviewTag>> byParent = service.hierarchy(caseId);
    List<JsonObject> tree = TagJson.hierarchy(byParent, null);
    ServiceRoot root = ServiceRoot.of(uri.getBaseUri(), version);
    return JsonResponses.ok(CollectionJson.of(root.context("Collection(" + TagJson.TYPE + ")"), tree.size(), tree, null));
  }

  @GET
  @Path("{tagId}")
  public Response get(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("tagId") String rawTagId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String tagId = ResourceLookups.tagId(rawTagId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(TagJson.PROPERTIES, TagJson.TYPE);
    ReviewTag tag = service.get(caseId, tagId);
    return JsonResponses.ok(options.project(TagJson.entity(ServiceRoot.of(uri.getBaseUri(), version), tag)));
  }

  @PATCH
  @Path("{tagId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @PathParam("caseId") String rawCaseId, @PathParam("tagId") String rawTagId, InputStream body) {
    String caseId = Lookups.caseId(rawCaseId);
    String tagId = ResourceLookups.tagId(rawTagId);
    TagRequests.TagChanges changes = TagRequests.parseChanges(JsonBody.read(body));
    service.update(caseId, tagId, changes);
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{tagId}")
  public Response delete(@PathParam("caseId") String rawCaseId, @PathParam("tagId") String rawTagId) {
    service.delete(Lookups.caseId(rawCaseId), ResourceLookups.tagId(rawTagId));
    return JsonResponses.noContent();
  }

  @GET
  @Path("{tagId}/childTags")
  public Response childTags(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("tagId") String rawTagId,
      @Context UriInfo uri,
      @Context HttpHeaders headers) {
    String caseId = Lookups.caseId(rawCaseId);
    String tagId = ResourceLookups.tagId(rawTagId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters(), QUERYABLE, include(headers));
    options.checkSelect(TagJson.PROPERTIES, TagJson.TYPE);
    List<ReviewTag> page = service.children(caseId, tagId, options.listQuery());
    long total = service.countChildren(caseId, tagId, options.filter());
    return options.collectionResponse(
        uri, version, GraphPaths.tagKey(caseId, tagId) + "/childTags", page, total, TagJson::item);
  }

  @GET
  @Path("{tagId}/parent")
  public Response parent(
      @PathParam("version") String version,
      @PathParam("caseId") String rawCaseId,
      @PathParam("tagId") String rawTagId,
      @Context UriInfo uri) {
    String caseId = Lookups.caseId(rawCaseId);
    String tagId = ResourceLookups.tagId(rawTagId);
    QueryOptions options = QueryOptions.parse(uri.getQueryParameters());
    options.checkSelect(TagJson.PROPERTIES, TagJson.TYPE);
    ReviewTag parent = service.parent(caseId, tagId);
    String context =
        ServiceRoot.of(uri.getBaseUri(), version)
            .context(GraphPaths.entity(GraphPaths.tagKey(caseId, tagId) + "/parent"));
    return JsonResponses.ok(options.project(TagJson.entity(context, parent)));
  }

  private static boolean include(HttpHeaders headers) {
    return Preferences.includeUnknownEnumMembers(headers.getHeaderString(Preferences.PREFER));
  }
}
