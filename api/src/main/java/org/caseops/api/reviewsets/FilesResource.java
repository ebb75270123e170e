package org.caseops.api.reviewsets;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.caseops.api.errors.ApiException;
import org.caseops.api.lookup.ResourceLookups;
import org.caseops.api.odata.CollectionShape;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.GraphRequest;
import org.caseops.api.odata.JsonResponses;
import org.caseops.api.odata.QueryOptions;
import org.caseops.api.odata.filter.PropertyTable;

/**
 * {@code .../reviewSets/{reviewSetId}/files}, a sub-resource of {@link ReviewSetsResource} made for
 * each request: the review set's files (paged, with {@code $filter} and {@code $orderby}), one
 * file, its stored {@code content}, and its {@code pdf} rendition.
 */
@Produces(MediaType.APPLICATION_JSON)
public class FilesResource {
  /**
   * The properties {@code $filter} and {@code $orderby} may use on files. {@code dateTime} is the
   * sent time, else the time the file was added, as written; {@code extension} and {@code
   * sourceType} are derived when the file is written and have no column to query.
   */
  public static final PropertyTable QUERYABLE =
      PropertyTable.of(FileJson.TYPE)
          .string("id")
          .string("name")
          .string("subjectTitle")
          .int64("size")
          .dateTime("dateTime")
          .build();

  private static final CollectionShape SHAPE =
      new CollectionShape(QUERYABLE, FileJson.PROPERTIES, FileJson.TYPE);

  private final ReviewSetService service;
  private final String rawReviewSetId;

  FilesResource(ReviewSetService service, String rawReviewSetId) {
    this.service = service;
    this.rawReviewSetId = rawReviewSetId;
  }

  @GET
  public Response list(@BeanParam GraphRequest request) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    return request.collection(
        SHAPE,
        GraphPaths.filesKey(caseId, reviewSetId),
        q -> service.files(caseId, reviewSetId, q),
        f -> service.countFiles(reviewSetId, f),
        v -> FileJson.item(v.file(), v.sourceKind(), v.tags(), v.pdf() != null));
  }

  @GET
  @Path("{fileId}")
  public Response get(@BeanParam GraphRequest request, @PathParam("fileId") String rawFileId) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String fileId = ResourceLookups.fileId(rawFileId);
    QueryOptions options = request.options(FileJson.PROPERTIES, FileJson.TYPE);
    ReviewSetService.FileView view = service.file(caseId, reviewSetId, fileId);
    return JsonResponses.ok(
        options.project(
            FileJson.entity(
                request.root(), view.file(), view.sourceKind(), view.tags(), view.pdf() != null)));
  }

  @GET
  @Path("{fileId}/content")
  @Produces(MediaType.WILDCARD)
  public Response content(@BeanParam GraphRequest request, @PathParam("fileId") String rawFileId) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String fileId = ResourceLookups.fileId(rawFileId);
    request.options();
    ReviewSetService.FileContent content;
    try {
      content = service.content(caseId, reviewSetId, fileId);
    } catch (UncheckedIOException e) {
      throw ApiException.serverError(e.getMessage());
    }
    StreamingOutput output =
        out -> {
          try (InputStream in = content.stream()) {
            in.transferTo(out);
          }
        };
    return Response.ok(output, content.mediaType())
        .header("Content-Length", content.size())
        .build();
  }

  @GET
  @Path("{fileId}/pdf")
  @Produces(MediaType.WILDCARD)
  public Response pdf(@BeanParam GraphRequest request, @PathParam("fileId") String rawFileId) {
    String caseId = request.caseId();
    String reviewSetId = ResourceLookups.reviewSetId(rawReviewSetId);
    String fileId = ResourceLookups.fileId(rawFileId);
    request.options();
    ReviewSetService.FileContent content;
    try {
      content = service.pdf(caseId, reviewSetId, fileId);
    } catch (UncheckedIOException e) {
      throw ApiException.serverError(e.getMessage());
    }
    StreamingOutput output =
        out -> {
          try (InputStream in = content.stream()) {
            in.transferTo(out);
          }
        };
    return Response.ok(output, "application/pdf").header("Content-Length", content.size()).build();
  }
}
