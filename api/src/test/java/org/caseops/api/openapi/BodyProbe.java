package org.caseops.api.openapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A request body that records the names a parser asks it for: every name is there (with no value,
 * so that a parser takes it as absent) except those {@code absent} names, and {@code given} names
 * have a value. Run through a parser, {@link #asked()} gives the properties the parser binds, from
 * the code itself.
 */
final class BodyProbe extends AbstractMap<String, JsonValue> implements JsonObject {
  private final Map<String, JsonValue> given;
  private final Set<String> absent;
  private final Set<String> asked = new LinkedHashSet<>();

  BodyProbe(Map<String, JsonValue> given, Set<String> absent) {
    this.given = given;
    this.absent = absent;
  }

  /** The names the parser asked for, in order. */
  Set<String> asked() {
    return asked;
  }

  @Override
  public boolean containsKey(Object key) {
    asked.add((String) key);
    return given.containsKey(key) || !absent.contains(key);
  }

  @Override
  public JsonValue get(Object key) {
    asked.add((String) key);
    return given.get(key);
  }

  /** No names to iterate: nothing is left over for a parser to refuse as unknown. */
  @Override
  public Set<Entry<String, JsonValue>> entrySet() {
    return Set.of();
  }

  @Override
  public JsonArray getJsonArray(String name) {
    return (JsonArray) get(name);
  }

  @Override
  public JsonObject getJsonObject(String name) {
    return (JsonObject) get(name);
  }

  @Override
  public JsonNumber getJsonNumber(String name) {
    return (JsonNumber) get(name);
  }

  @Override
  public JsonString getJsonString(String name) {
    return (JsonString) get(name);
  }

  @Override
  public String getString(String name) {
    return getJsonString(name).getString();
  }

  @Override
  public String getString(String name, String defaultValue) {
    return get(name) instanceof JsonString s ? s.getString() : defaultValue;
  }

  @Override
  public int getInt(String name) {
    return getJsonNumber(name).intValue();
  }

  @Override
  public int getInt(String name, int defaultValue) {
    return get(name) instanceof JsonNumber n ? n.intValue() : defaultValue;
  }

  @Override
  public boolean getBoolean(String name) {
    return get(name) == JsonValue.TRUE;
  }

  @Override
  public boolean getBoolean(String name, boolean defaultValue) {
    JsonValue value = get(name);
    return value == null ? defaultValue : value == JsonValue.TRUE;
  }

  @Override
  public boolean isNull(String name) {
    return get(name) == JsonValue.NULL;
  }

  @Override
  public ValueType getValueType() {
    return ValueType.OBJECT;
  }
}
