package org.caseops.api.odata;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * A collection response: {@code @odata.context}, {@code @odata.count}, {@code @odata.nextLink} when
 * more items remain, {@code value}.
 */
public final class CollectionJson {
  private CollectionJson() {}

  public static JsonObject of(String context, long count, List<JsonObject> items, String nextLink) {
    JsonArrayBuilder value = Json.createArrayBuilder();
    items.forEach(value::add);
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("@odata.context", context).add("@odata.count", count);
    if (nextLink != null) {
      json.add("@odata.nextLink", nextLink);
    }
    return json.add("value", value).build();
  }
}
