package org.caseops.api.odata.filter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.GraphError;
import org.caseops.domain.support.ListQuery;

/**
 * Reads {@code $orderby}: comma-separated properties of the resource's {@link PropertyTable}, each
 * optionally followed by {@code asc} or {@code desc}. Enumerations order by their numeric value.
 */
public final class OrderByParser {
  private static final int MAX_KEYS = 8;
  private static final Pattern KEY =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_/]*)(?:\\s+(asc|desc))?\\s*");

  private OrderByParser() {}

  public static List<ListQuery.OrderKey> parse(String text, PropertyTable table) {
    List<ListQuery.OrderKey> keys = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int start = 0;
    for (String part : text.split(",", -1)) {
      Matcher key = KEY.matcher(part);
      if (!key.matches()) {
        throw ApiException.badRequest(
            "Syntax error in the query option '$orderby' at position "
                + start
                + ": a property name, optionally followed by 'asc' or 'desc', expected instead of '"
                + GraphError.clip(part.trim())
                + "'.");
      }
      String name = key.group(1);
      if (table.property(name).isEmpty()) {
        throw ApiException.notSupported(
            "The property '"
                + GraphError.clip(name)
                + "' cannot be used in '$orderby' on type '"
                + table.typeName()
                + "'. Supported: "
                + String.join(", ", table.names().stream().sorted().toList())
                + ".");
      }
      if (!seen.add(name)) {
        throw ApiException.badRequest(
            "The query option '$orderby' names '" + name + "' more than once.");
      }
      keys.add(new ListQuery.OrderKey(name, "desc".equals(key.group(2))));
      start += part.length() + 1;
    }
    if (keys.size() > MAX_KEYS) {
      throw ApiException.notSupported(
          "The query option '$orderby' has more than " + MAX_KEYS + " keys.");
    }
    return keys;
  }
}
