package org.caseops.api.tags;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.caseops.api.callers.CallerIdentity;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.CollectionJson;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonBody;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.api.odata.filter.PropertyTable;
import org.caseops.domain.reviewsets.ChildSelectability;
import org.caseops.domain.reviewsets.ReviewTag;

/**
 * {@code /security/cases/ediscoveryCases/{caseId}/tags}: create (201), list, read, update (204) and
 * delete (204, with descendants) review tags; their {@code childTags} and {@code parent}; and the
 * function {@code asHierarchy()} (also namespace-qualified, and without parentheses, through the
 * path normaliser), which returns the whole tree.
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

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, TagJson.PROPERTIES, TagJson.TYPE);

  @Inject TagService service;
  @Inject CallerIdentity caller;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@BeanParam GraphRequest request, InputStream body) {
    String caseId = request.caseId();
    TagRequests.NewTag parsed = TagRequests.parseNew(JsonBody.read(body));
    ReviewTag tag = service.create(caseId, parsed, caller.identitySet());
    ServiceRoot root = request.root();
    return JsonResponses.created(
        root.resolve(GraphPaths.tagPath(caseId, tag.getId())), TagJson.entity(root, tag));
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    return request.collection(
        SHAPE,
        GraphPaths.tagsKey(caseId),
        q -> service.list(caseId, q),
        f -> service.count(caseId, f),
        TagJson::item);
  }

  @GET
  @Path("asHierarchy")
  public Response asHierarchy(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    request.options();
    Map<String, List<ReviewTag>> byParent = service.hierarchy(caseId);
    List<JsonObject> tree = TagJson.hierarchy(byParent, null);
    ServiceRoot root = request.root();
    return JsonResponses.ok(
        CollectionJson.of(
            root.context("Collection(" + TagJson.TYPE + ")"), tree.size(), tree, null));
  }

  @GET
  @Path("{tagId}")
  public Response get(@BeanParam GraphRequest request, @PathParam("tagId") String rawTagId) {
    String caseId = request.caseId();
    String tagId = ResourceLookups.tagId(rawTagId);
    QueryOptions options = request.options(TagJson.PROPERTIES, TagJson.TYPE);
    ReviewTag tag = service.get(caseId, tagId);
    return JsonResponses.ok(options.project(TagJson.entity(request.root(), tag)));
  }

  @PATCH
  @Path("{tagId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response update(
      @BeanParam GraphRequest request, @PathParam("tagId") String rawTagId, InputStream body) {
    String caseId = request.caseId();
    String tagId = ResourceLookups.tagId(rawTagId);
    TagRequests.TagChanges changes = TagRequests.parseChanges(JsonBody.read(body));
    service.update(caseId, tagId, changes);
    return JsonResponses.noContent();
  }

  @DELETE
  @Path("{tagId}")
  public Response delete(@BeanParam GraphRequest request, @PathParam("tagId") String rawTagId) {
    service.delete(request.caseId(), ResourceLookups.tagId(rawTagId));
    return JsonResponses.noContent();
  }

  @GET
  @Path("{tagId}/childTags")
  public Response childTags(@BeanParam GraphRequest request, @PathParam("tagId") String rawTagId) {
    String caseId = request.caseId();
    String tagId = ResourceLookups.tagId(rawTagId);
    return request.collection(
        SHAPE,
        GraphPaths.tagKey(caseId, tagId) + "/childTags",
        q -> service.children(caseId, tagId, q),
        f -> service.countChildren(caseId, tagId, f),
        TagJson::item);
  }

  @GET
  @Path("{tagId}/parent")
  public Response parent(@BeanParam GraphRequest request, @PathParam("tagId") String rawTagId) {
    String caseId = request.caseId();
    String tagId = ResourceLookups.tagId(rawTagId);
    QueryOptions options = request.options(TagJson.PROPERTIES, TagJson.TYPE);
    ReviewTag parent = service.parent(caseId, tagId);
    String context =
        request.root().context(GraphPaths.entity(GraphPaths.tagKey(caseId, tagId) + "/parent"));
    return JsonResponses.ok(options.project(TagJson.entity(context, parent)));
  }
}
