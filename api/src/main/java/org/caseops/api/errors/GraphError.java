package org.caseops.api.errors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A Graph error: {@code
 * {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. The {@code
 * date} is UTC to the second without an offset, as Graph writes it ({@code 2023-12-12T14:07:16}).
 */
public record GraphError(ErrorCode code, String message) {
  private static final DateTimeFormatter INNER_ERROR_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  public GraphError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  public JsonObject toJson(String requestId, String clientRequestId, Instant date) {
    return Json.createObjectBuilder()
        .add(
            "error",
            Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message)
                .add(
                    "innerError",
                    Json.createObjectBuilder()
                        .add("date", INNER_ERROR_DATE.format(date.truncatedTo(ChronoUnit.SECONDS)))
                        .add("request-id", requestId)
                        .add("client-request-id", clientRequestId)))
        .build();
  }

  /**
   * The error for a status that the JAX-RS runtime or the servlet container decided on its own (no
   * resource at the path, a method the resource does not have, a media type it cannot read or
   * write, a malformed or oversized request).
   */
  public static GraphError forHttpStatus(int status, String method, String path) {
    return switch (status) {
      case 400 -> new GraphError(ErrorCode.badRequest, "The request is malformed.");
      case 404 ->
          new GraphError(
              ErrorCode.itemNotFound, "No resource of this service is at '" + clip(path) + "'.");
      case 405 ->
          new GraphError(
              ErrorCode.notSupported,
              "The method " + method + " is not supported on '" + clip(path) + "'.");
      case 406 ->
          new GraphError(
              ErrorCode.notSupported, "This resource answers with application/json only.");
      case 415 ->
          new GraphError(
              ErrorCode.notSupported,
              "The request body must be sent with Content-Type: application/json.");
      case 413 ->
          new GraphError(ErrorCode.invalidRequest, "The request is larger than this server takes.");
      case 414 ->
          new GraphError(ErrorCode.invalidRequest, "The URL is longer than this server takes.");
      case 431 ->
          new GraphError(
              ErrorCode.invalidRequest, "The request's headers are larger than this server takes.");
      default ->
          status >= 500
              ? new GraphError(
                  ErrorCode.generalException, "The server could not complete the request.")
              : new GraphError(
                  ErrorCode.invalidRequest, "The request was refused (HTTP " + status + ").");
    };
  }

  /** Shortens text quoted from the request, so that an error never echoes a huge input. */
  public static String clip(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
