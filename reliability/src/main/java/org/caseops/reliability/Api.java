package org.caseops.reliability;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's public HTTP API as a client sees it: bearer token, JSON bodies, {@code Prefer:
 * include-unknown-enum-members} on every request (so actions after {@code unknownFutureValue} read
 * by their names), a 429 waited out as its {@code Retry-After} says.
 */
final class Api {
  static final String CASES = "/v1.0/security/cases/ediscoveryCases";

  /** One answer. */
  record Answer(int status, String body, HttpResponse<String> response) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    String location() {
      return response.headers().firstValue("Location").orElse(null);
    }
  }

  private final HttpClient http;
  private final String base;
  private volatile String token;

  Api(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  String base() {
    return base;
  }

  void token(String token) {
    this.token = token;
  }

  String token() {
    return token;
  }

  HttpClient http() {
    return http;
  }

  /** An absolute URL for a path, or the URL itself. */
  String url(String pathOrUrl) {
    return pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl;
  }

  HttpRequest.Builder request(String pathOrUrl) {
    return request(pathOrUrl, Duration.ofSeconds(60));
  }

  HttpRequest.Builder request(String pathOrUrl, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(pathOrUrl)))
            .timeout(timeout)
            .header("Prefer", "include-unknown-enum-members");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** Sends once; IOException when the server does not answer. */
  Answer sendOnce(String method, String path, String body) throws IOException {
    return sendOnce(method, path, body, Duration.ofSeconds(60));
  }

  /** Sends once, waiting up to {@code timeout} for the answer. */
  Answer sendOnce(String method, String path, String body, Duration timeout) throws IOException {
    HttpRequest.Builder b = request(path, timeout);
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else if (method.equals("POST")) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body(), r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Sends, waiting out 429s; fails on any other status outside 2xx. */
  Answer send(String method, String path, String body) {
    for (int attempt = 0; ; attempt++) {
      Answer a;
      try {
        a = sendOnce(method, path, body);
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + ": " + e, e);
      }
      if (a.status() == 429 && attempt < 100) {
        long wait =
            a.response().headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
        sleep(Duration.ofSeconds(Math.max(1, wait)));
        continue;
      }
      if (a.status() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " answered " + a.status() + ": " + a.body());
      }
      return a;
    }
  }

  JsonObject get(String path) {
    return send("GET", path, null).json();
  }

  JsonObject post(String path, String body) {
    return send("POST", path, body).json();
  }

  /** POSTs an action and returns the Location of the operation it started. */
  String start(String path, String body) {
    Answer a = send("POST", path, body);
    String location = a.location();
    if (location == null) {
      throw new IllegalStateException("POST " + path + " gave no Location: " + a.body());
    }
    return location;
  }

  /** Every member of a collection, following {@code @odata.nextLink}. */
  List<JsonObject> all(String path) {
    List<JsonObject> out = new ArrayList<>();
    String next = path;
    while (next != null) {
      JsonObject page = get(next);
      for (JsonValue v : page.getJsonArray("value")) {
        out.add(v.asJsonObject());
      }
      next = page.containsKey("@odata.nextLink") ? page.getString("@odata.nextLink") : null;
    }
    return out;
  }

  /** The bytes of a GET with the token; fails unless 200. */
  byte[] bytes(String path) throws IOException {
    try {
      HttpResponse<byte[]> r =
          http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IOException("GET " + path + " answered " + r.statusCode());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  InputStream download(String url) throws IOException {
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url(url))).timeout(Duration.ofMinutes(5)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        throw new IOException("GET " + url + " answered " + r.statusCode());
      }
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  static String str(JsonObject o, String key) {
    JsonValue v = o.get(key);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : v.toString();
  }

  static long num(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null || v.getValueType() != JsonValue.ValueType.NUMBER
        ? -1
        : o.getJsonNumber(key).longValue();
  }

  static JsonArray arr(JsonObject o, String key) {
    JsonValue v = o.get(key);
    return v == null || v.getValueType() != JsonValue.ValueType.ARRAY
        ? Json.createArrayBuilder().build()
        : o.getJsonArray(key);
  }

  /** A JSON string literal. */
  static String q(String s) {
    return Json.createValue(s).toString();
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
