package org.caseops.web.it;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small HTTP client for the integration tests: JSON in, JSON out, every header visible. It sends
 * a read-write delegated bearer token unless made with another token ({@link #withToken}) or none.
 */
final class GraphClient {
  /** The user of the default token. */
  static final String DEFAULT_USER_ID = "5f0c1d2e-0000-4000-8000-00000000a11c";

  static final String DEFAULT_USER_NAME = "Integration Tests";
  private static final String DEFAULT_TOKEN =
      TestTokens.user(DEFAULT_USER_ID, DEFAULT_USER_NAME, TestTokens.READ_WRITE);

  private final HttpClient http;
  private final URI base;
  private final String token;

  /** Talks to the deployment over loopback, whatever host name the server reports for itself. */
  GraphClient(URL deploymentUrl) {
    String path =
        deploymentUrl.getPath().endsWith("/")
            ? deploymentUrl.getPath()
            : deploymentUrl.getPath() + "/";
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.base = URI.create("http://127.0.0.1:" + deploymentUrl.getPort() + path);
    this.token = DEFAULT_TOKEN;
  }

  private GraphClient(GraphClient other, String token) {
    this.http = other.http;
    this.base = other.base;
    this.token = token;
  }

  /**
   * The same client sending {@code token} as its bearer token, or no Authorization header when it
   * is null.
   */
  GraphClient withToken(String token) {
    return new GraphClient(this, token);
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
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder builder(String path, Map<String, String> headers) {
    URI uri =
        path.startsWith("http")
            ? URI.create(path)
            : base.resolve(path.startsWith("/") ? path.substring(1) : path);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json");
    boolean ownAuthorization =
        headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
    if (token != null && !ownAuthorization) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::setHeader);
    return b;
  }

  /** Opens a server-sent event stream; the caller closes it. */
  EventStream events(String path, Map<String, String> headers) {
    try {
      HttpRequest request =
          builder(path, Map.of())
              .timeout(Duration.ofSeconds(30))
              .setHeader("Accept", "text/event-stream")
              .GET()
              .build();
      HttpRequest.Builder withHeaders = HttpRequest.newBuilder(request, (n, v) -> true);
      headers.forEach(withHeaders::header);
      return new EventStream(http.send(withHeaders.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET whose answer is kept as bytes (a PDF, a download). */
  HttpResponse<byte[]> getBytes(String path) {
    try {
      return http.send(
          builder(path, Map.of()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls an operation's URL until the operation ends, and returns it as it ended. Fails when a
   * poll does not answer 200, when percentProgress goes back, or after three minutes.
   */
  JsonObject awaitTerminal(String location) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    int lastProgress = 0;
    while (true) {
      Reply reply = get(location);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonObject op = reply.json();
      int progress = op.getInt("percentProgress");
      assertThat(progress)
          .as("percentProgress never goes back")
          .isGreaterThanOrEqualTo(lastProgress);
      lastProgress = progress;
      String status = op.getString("status");
      if (List.of("succeeded", "partiallySucceeded", "failed", "submissionFailed")
          .contains(status)) {
        return op;
      }
      assertThat(Instant.now())
          .as("operation still " + status + " at " + location)
          .isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
