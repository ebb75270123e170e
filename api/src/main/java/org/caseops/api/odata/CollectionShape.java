package org.caseops.api.odata;

import java.util.Collection;
import org.caseops.api.odata.filter.PropertyTable;

/**
 * What the query options of a collection may name: the properties {@code $filter} and {@code
 * $orderby} may use, and the properties of its item type that {@code $select} may name.
 *
 * @param queryable the properties {@code $filter} and {@code $orderby} may use
 * @param selectable the properties {@code $select} may name; {@code null} when {@code $select} is
 *     not checked
 * @param typeName the item type, as a refusal of {@code $select} names it
 */
public record CollectionShape(
    PropertyTable queryable, Collection<String> selectable, String typeName) {

  /** A collection whose {@code $select} is taken as given, without a check of the names. */
  public static CollectionShape unchecked(PropertyTable queryable) {
    return new CollectionShape(queryable, null, null);
  }

  /** The options of a request to the collection, {@code $select} checked. */
  QueryOptions parse(GraphRequest request) {
    QueryOptions options =
        QueryOptions.parse(
            request.uri().getQueryParameters(), queryable, request.includeUnknownEnumMembers());
    if (selectable != null) {
      options.checkSelect(selectable, typeName);
    }
    return options;
  }
}
