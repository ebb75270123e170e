package org.caseops.web.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the integration tests: JSON in, JSON out, every header visible. */
final class GraphClient {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  /** Talks to the deployment over loopback, whatever host name the server reports for itself. */
  GraphClient(URL deploymentUrl) {
    String path = deploymentUrl.getPath().endsWith("/") ? deploymentUrl.getPath() : deploymentUrl.getPath() + "/";
    this.base = URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + path);
  }

  URI base() {
    return base;
  }

  /** A response with its body parsed as JSON when there is one. */
  record Reply(int status, HttpResponse<String> raw) {
    JsonObject json() {
      try (JsonReader reader = Json.createReader(new StringReader(raw.body()))) {
        return reader.readObject();
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    String body() {
      return raw.body();
    }

    /** The Graph error code of an error reply. */
    String errorCode() {
      return json().getJsonObject("error").getString("code");
    }

    String errorMessage() {
      return json().getJsonObject("error").getString("message");
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  Reply get(String path, Map<String, String> headers) {
    return send(builder(path, headers).GET());
  }

  Reply get(String path) {
    return get(path, Map.of());
  }

  Reply post(String path, String json, Map<String, String> headers) {
    return send(
        builder(path, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply post(String path, String json) {
    return post(path, json, Map.of());
  }

  Reply patch(String path, String json) {
    return send(
        builder(path, Map.of())
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path) {
    return send(builder(path, Map.of()).DELETE());
  }

  Reply send(String method, String path, String contentType, String body) {
    HttpRequest.Builder b = builder(path, Map.of());
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(
        b.method(
            method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder builder(String path, Map<String, String> headers) {
    URI uri = path.startsWith("http") ? URI.create(path) : base.resolve(path.startsWith("/") ? path.substring(1) : path);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
    headers.forEach(b::header);
    return b;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
