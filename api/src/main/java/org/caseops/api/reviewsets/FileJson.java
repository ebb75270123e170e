package org.caseops.api.reviewsets;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Locale;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.GraphPaths;
import org.caseops.api.odata.ServiceRoot;
import org.caseops.domain.custodians.SourceKind;
import org.caseops.domain.reviewsets.ReviewSetItem;
import org.caseops.domain.reviewsets.ReviewTag;

/**
 * A review-set file as Graph's {@code ediscoveryFile} writes it: id, name, size, extension,
 * mediaType, subjectTitle, senderOrAuthors, dateTime, sourceType ({@code mailbox} or {@code site})
 * and processingStatus ({@code success}: a file is only added once its content is stored). Where
 * caseops departs from Graph:
 *
 * <ul>
 *   <li>{@code tags} is written inline as {@code [{"id","displayName"}]} (Graph has it as a
 *       navigation only);
 *   <li>{@code dateTime} is the message's sent time, or the time the file was added for documents
 *       without one;
 *   <li>{@code mediaType} is {@code message/rfc822} for email, the detected content type otherwise;
 *   <li>{@code hasPdf} says whether convertToPdf has made the file's PDF rendition, served at
 *       {@code .../files/{id}/pdf};
 *   <li>{@code content} is not inline: read it at {@code .../files/{id}/content}; {@code
 *       extractedTextContent}, {@code otherProperties} and the {@code custodian} navigation are not
 *       served.
 * </ul>
 */
public final class FileJson {
  public static final String TYPE = "microsoft.graph.security.ediscoveryFile";
  public static final String EMAIL_MEDIA_TYPE = "message/rfc822";
  public static final List<String> PROPERTIES =
      List.of(
          "id",
          "name",
          "size",
          "extension",
          "mediaType",
          "subjectTitle",
          "senderOrAuthors",
          "dateTime",
          "sourceType",
          "processingStatus",
          "tags",
          "hasPdf");

  private FileJson() {}

  public static JsonObject entity(
      ServiceRoot root, ReviewSetItem file, SourceKind sourceKind, List<ReviewTag> tags) {
    return entity(root, file, sourceKind, tags, false);
  }

  /** The file as an entity, saying whether it has a PDF rendition. */
  public static JsonObject entity(
      ServiceRoot root,
      ReviewSetItem file,
      SourceKind sourceKind,
      List<ReviewTag> tags,
      boolean hasPdf) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add(
                "@odata.context",
                root.context(
                    GraphPaths.entity(
                        GraphPaths.filesKey(file.getCaseId(), file.getReviewSetId()))));
    return write(json, file, sourceKind, tags, hasPdf).build();
  }

  public static JsonObject item(ReviewSetItem file, SourceKind sourceKind, List<ReviewTag> tags) {
    return item(file, sourceKind, tags, false);
  }

  /** The file as an item of a collection, saying whether it has a PDF rendition. */
  public static JsonObject item(
      ReviewSetItem file, SourceKind sourceKind, List<ReviewTag> tags, boolean hasPdf) {
    return write(Json.createObjectBuilder(), file, sourceKind, tags, hasPdf).build();
  }

  /** The media type the file's content is served with. */
  public static String mediaType(ReviewSetItem file) {
    if (isEmail(file)) {
      return EMAIL_MEDIA_TYPE;
    }
    String type = file.getContentType();
    return type == null || type.isBlank() ? "application/octet-stream" : type;
  }

  static boolean isEmail(ReviewSetItem file) {
    return "email".equals(file.getKind());
  }

  /**
   * The part of the name after its last dot, lower case; {@code eml} for email; null when there is
   * none.
   */
  static String extension(ReviewSetItem file) {
    if (isEmail(file)) {
      return "eml";
    }
    String name = file.getName();
    if (name == null) {
      return null;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 || dot == name.length() - 1
        ? null
        : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static JsonObjectBuilder write(
      JsonObjectBuilder json,
      ReviewSetItem f,
      SourceKind sourceKind,
      List<ReviewTag> tags,
      boolean hasPdf) {
    json.add("id", f.getId());
    GraphJson.addString(json, "name", f.getName());
    json.add("size", f.getSize());
    GraphJson.addString(json, "extension", extension(f));
    json.add("mediaType", mediaType(f));
    GraphJson.addString(json, "subjectTitle", f.getSubject());
    JsonArrayBuilder senders = Json.createArrayBuilder();
    if (f.getFrom() != null && !f.getFrom().isBlank()) {
      senders.add(f.getFrom());
    }
    json.add("senderOrAuthors", senders);
    GraphJson.addTimestamp(
        json, "dateTime", f.getSentDateTime() != null ? f.getSentDateTime() : f.getAddedDateTime());
    SourceKind kind =
        sourceKind != null ? sourceKind : (isEmail(f) ? SourceKind.USER : SourceKind.SITE);
    json.add("sourceType", kind == SourceKind.USER ? "mailbox" : "site");
    json.add("processingStatus", "success");
    JsonArrayBuilder tagArray = Json.createArrayBuilder();
    for (ReviewTag tag : tags) {
      tagArray.add(
          Json.createObjectBuilder()
              .add("id", tag.getId())
              .add("displayName", tag.getDisplayName()));
    }
    json.add("tags", tagArray);
    json.add("hasPdf", hasPdf);
    return json;
  }
}
