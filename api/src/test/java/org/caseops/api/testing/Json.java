package org.caseops.api.testing;

import jakarta.json.JsonObject;
import java.io.StringReader;

/** Small JSON helpers for tests. */
public final class Json {
  private Json() {}

  /** Parses a JSON object written with single quotes for readability. */
  public static JsonObject object(String singleQuoted) {
    try (var reader =
        jakarta.json.Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readObject();
    }
  }
}
