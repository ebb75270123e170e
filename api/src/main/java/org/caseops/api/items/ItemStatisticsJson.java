package org.caseops.api.items;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import org.caseops.api.lookup.Lookups;
import org.caseops.api.odata.CollectionJson;
import org.caseops.api.odata.GraphJson;
import org.caseops.api.odata.ServiceRoot;

/**
 * The caseops extension type {@code caseops.sourceItemStatistics} (Graph has no such shape): {@code
 * sourceId}, {@code custodianId}, {@code sourceType} ({@code userSource} or {@code siteSource}),
 * {@code displayName}, {@code indexedItemCount}, {@code indexedItemsSize}, {@code
 * unindexedItemCount}, {@code unindexedItemsSize} (sizes in bytes).
 */
public final class ItemStatisticsJson {
  public static final String TYPE = "caseops.sourceItemStatistics";

  private ItemStatisticsJson() {}

  public static JsonObject entity(ServiceRoot root, SourceStatistics statistics) {
    return write(Json.createObjectBuilder().add("@odata.context", root.context(TYPE)), statistics)
        .build();
  }

  public static JsonObject collection(ServiceRoot root, List<SourceStatistics> statistics) {
    List<JsonObject> items =
        statistics.stream().map(s -> write(Json.createObjectBuilder(), s).build()).toList();
    return CollectionJson.of(root.context("Collection(" + TYPE + ")"), items.size(), items, null);
  }

  private static JsonObjectBuilder write(JsonObjectBuilder json, SourceStatistics statistics) {
    json.add("sourceId", statistics.source().getId());
    GraphJson.addString(json, "custodianId", statistics.source().getCustodianId());
    GraphJson.addString(json, "noncustodialDataSourceId", statistics.source().getNoncustodialId());
    json.add("sourceType", Lookups.typeName(statistics.source().getKind()));
    GraphJson.addString(json, "displayName", statistics.source().getDisplayName());
    return json.add("indexedItemCount", statistics.stats().indexedItemCount())
        .add("indexedItemsSize", statistics.stats().indexedItemsSize())
        .add("unindexedItemCount", statistics.stats().unindexedItemCount())
        .add("unindexedItemsSize", statistics.stats().unindexedItemsSize())
        .add("preservedItemCount", statistics.preservedItemCount())
        .add("preservedOnlyItemCount", statistics.preservedOnlyItemCount());
  }
}
