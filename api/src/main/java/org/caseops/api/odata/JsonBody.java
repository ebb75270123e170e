package org.caseops.api.odata;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.ErrorCode;
import org.caseops.api.errors.GraphError;

/**
 * A JSON request body, read strictly, and the properties taken from it one by one.
 *
 * <p>Reading: the body must be one JSON object, without duplicate names or trailing content, at
 * most {@link #MAX_BYTES}. Any problem is a 400 {@code badRequest} with the parser's description
 * (413 when too large), never a 500.
 *
 * <p>Properties: each property is taken, ignored, or refused as read-only; {@link #rejectUnknown()}
 * then refuses whatever is left. Instance annotations ({@code @odata.*} and {@code
 * property@odata.*}) are not properties and are skipped, except {@code @odata.type}, which must
 * name the expected type when present.
 */
public final class JsonBody {
  public static final int MAX_BYTES = 1 << 20;

  /**
   * How deep objects and arrays may nest in a body (the body itself is depth 1): no Graph body
   * comes near it, and deeper bodies are refused rather than risking the reader's stack.
   */
  public static final int MAX_DEPTH = 64;

  public static final String ODATA_TYPE = "@odata.type";

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private final JsonObject json;
  private final String typeName;
  private final Set<String> handled = new HashSet<>();

  private JsonBody(JsonObject json, String typeName) {
    this.json = json;
    this.typeName = typeName;
  }

  /**
   * The properties of {@code json}, an instance of {@code typeName} (e.g. {@code
   * microsoft.graph.security.ediscoveryCase}).
   */
  public static JsonBody of(JsonObject json, String typeName) {
    return new JsonBody(json, typeName);
  }

  /** Reads a request body into a JSON object. */
  public static JsonObject read(InputStream body) {
    if (body == null) {
      return parse(new byte[0]);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = body) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        bytes.write(buffer, 0, n);
        if (bytes.size() > MAX_BYTES) {
          throw new ApiException(
              413,
              ErrorCode.invalidRequest,
              "The request body is larger than " + MAX_BYTES + " bytes.");
        }
      }
    } catch (IOException e) {
      throw ApiException.badRequest("The request body could not be read.");
    }
    return parse(bytes.toByteArray());
  }

  /**
   * Reads a request body that may be absent or blank (then an empty object), e.g. the optional body
   * of an action.
   */
  public static JsonObject readOptional(InputStream body) {
    if (body == null) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    byte[] bytes;
    try (InputStream in = body) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw ApiException.badRequest("The request body could not be read.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ApiException(
          413,
          ErrorCode.invalidRequest,
          "The request body is larger than " + MAX_BYTES + " bytes.");
    }
    return isBlank(bytes) ? JsonValue.EMPTY_JSON_OBJECT : parse(bytes);
  }

  /** Parses one JSON object, refusing duplicate names and anything after the object. */
  public static JsonObject parse(byte[] body) {
    if (isBlank(body)) {
      throw ApiException.badRequest("The request body is empty; a JSON object is required.");
    }
    try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
      JsonParser.Event first = parser.next();
      if (first != JsonParser.Event.START_OBJECT) {
        throw ApiException.badRequest("The request body must be a JSON object.");
      }
      JsonObject object = readObject(parser, 1);
      if (parser.hasNext()) {
        throw ApiException.badRequest("The request body has content after the JSON object.");
      }
      return object;
    } catch (JsonParsingException e) {
      throw ApiException.badRequest(
          "The request body is not valid JSON: " + GraphError.clip(e.getMessage()));
    } catch (JsonException e) {
      throw ApiException.badRequest(
          "The request body is not valid JSON: " + GraphError.clip(e.getMessage()));
    }
  }

  private static JsonObject readObject(JsonParser parser, int depth) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    Set<String> names = new HashSet<>();
    while (true) {
      JsonParser.Event event = parser.next();
      if (event == JsonParser.Event.END_OBJECT) {
        return object.build();
      }
      String name = parser.getString();
      if (!names.add(name)) {
        throw ApiException.badRequest(
            "The request body is not valid JSON: the name '"
                + GraphError.clip(name)
                + "' appears twice in an object.");
      }
      object.add(name, readValue(parser, parser.next(), depth));
    }
  }

  /** A value inside a container at {@code depth}. */
  private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth) {
    if ((event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY)
        && depth >= MAX_DEPTH) {
      throw ApiException.badRequest(
          "The request body nests objects and arrays more than " + MAX_DEPTH + " deep.");
    }
    switch (event) {
      case START_OBJECT:
        return readObject(parser, depth + 1);
      case START_ARRAY:
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (JsonParser.Event e = parser.next();
            e != JsonParser.Event.END_ARRAY;
            e = parser.next()) {
          array.add(readValue(parser, e, depth + 1));
        }
        return array.build();
      case VALUE_STRING:
        return Json.createValue(parser.getString());
      case VALUE_NUMBER:
        try {
          return parser.getValue();
        } catch (NumberFormatException | ArithmeticException e) {
          // An exponent beyond what a BigDecimal holds (such as 1e2147483648).
          throw ApiException.badRequest(
              "The request body holds a number out of range: " + GraphError.clip(e.getMessage()));
        }
      case VALUE_TRUE:
        return JsonValue.TRUE;
      case VALUE_FALSE:
        return JsonValue.FALSE;
      case VALUE_NULL:
        return JsonValue.NULL;
      default:
        throw ApiException.badRequest("The request body is not valid JSON.");
    }
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  public JsonObject json() {
    return json;
  }

  /**
   * Checks {@code @odata.type} when present: it must name one of the given types, with or without
   * the leading {@code #}.
   */
  public void expectType(String... qualifiedTypeNames) {
    JsonValue value = json.get(ODATA_TYPE);
    if (value == null) {
      return;
    }
    if (!(value instanceof JsonString type)) {
      throw ApiException.invalidRequest(
          "The property '" + ODATA_TYPE + "' must be a string, not " + describe(value) + ".");
    }
    String given =
        type.getString().startsWith("#") ? type.getString().substring(1) : type.getString();
    Set<String> expected = new LinkedHashSet<>();
    for (String name : qualifiedTypeNames) {
      if (name.equals(given)) {
        return;
      }
      expected.add("#" + name);
    }
    throw ApiException.invalidRequest(
        "The @odata.type '"
            + GraphError.clip(type.getString())
            + "' does not match the expected type "
            + String.join(" or ", expected)
            + ".");
  }

  public boolean has(String name) {
    return json.containsKey(name);
  }

  /** The raw value of a property, or {@code null} when absent; the property counts as handled. */
  public JsonValue value(String name) {
    handled.add(name);
    return json.get(name);
  }

  /** A string property that must be present, not null and not blank. */
  public String requiredString(String name, int maxLength) {
    if (!json.containsKey(name)) {
      throw ApiException.invalidRequest("The property '" + name + "' is required.");
    }
    String value = nonNullString(name, maxLength);
    return value;
  }

  /**
   * A string property that may be absent (then {@code null}) but, when present, must be a non-blank
   * string.
   */
  public String nonNullString(String name, int maxLength) {
    JsonValue value = value(name);
    if (value == null) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      throw ApiException.invalidRequest("The property '" + name + "' must not be null.");
    }
    String text = string(name, value, maxLength);
    if (text.isBlank()) {
      throw ApiException.invalidRequest("The property '" + name + "' must not be empty.");
    }
    return text;
  }

  /** A string property that may be absent or null (both give {@code null}). */
  public String optionalString(String name, int maxLength) {
    JsonValue value = value(name);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return string(name, value, maxLength);
  }

  /**
   * A flags property (its members' names in one string, joined by commas) that may be absent or
   * null (both give {@code null}). An array, the form a client may take it for, is refused with the
   * string that would be right.
   */
  public String optionalFlags(String name, int maxLength) {
    JsonValue value = value(name);
    if (value instanceof jakarta.json.JsonArray array) {
      StringBuilder joined = new StringBuilder();
      for (JsonValue member : array) {
        if (member instanceof JsonString s && joined.length() < 200) {
          joined.append(joined.length() == 0 ? "" : ",").append(s.getString().trim());
        }
      }
      throw ApiException.invalidRequest(
          "The property '"
              + name
              + "' takes its members' names in one string, joined by commas"
              + (joined.length() > 0 ? " (here \"" + joined + "\")" : " (such as \"first,second\")")
              + ", not an array.");
    }
    return optionalString(name, maxLength);
  }

  private static String string(String name, JsonValue value, int maxLength) {
    if (!(value instanceof JsonString string)) {
      throw ApiException.invalidRequest(
          "The property '" + name + "' must be a string, not " + describe(value) + ".");
    }
    String text = string.getString();
    if (text.length() > maxLength) {
      throw ApiException.invalidRequest(
          "The property '" + name + "' must be at most " + maxLength + " characters long.");
    }
    return text;
  }

  /**
   * Server-owned properties that a client may send (e.g. copied from a response) and that are left
   * unread.
   */
  public void ignore(String... names) {
    for (String name : names) {
      handled.add(name);
    }
  }

  /** Server-owned properties that a client must not send. */
  public void readOnly(String... names) {
    for (String name : names) {
      if (json.containsKey(name)) {
        throw ApiException.invalidRequest("The property '" + name + "' is read-only.");
      }
    }
  }

  /** Refuses the first property that was neither taken nor ignored. */
  public void rejectUnknown() {
    for (String name : json.keySet()) {
      if (!handled.contains(name) && name.indexOf('@') < 0) {
        throw ApiException.invalidRequest(
            "The property '"
                + GraphError.clip(name)
                + "' does not exist on type '"
                + typeName
                + "'.");
      }
    }
  }

  /** How a JSON value is named in messages: "a number", "an object", ... */
  public static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
    };
  }
}
