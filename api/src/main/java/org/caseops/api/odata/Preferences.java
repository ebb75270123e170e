package org.caseops.api.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The RFC 7240 {@code Prefer} header, as far as Graph uses it. */
public final class Preferences {
  public static final String PREFER = "Prefer";
  public static final String PREFERENCE_APPLIED = "Preference-Applied";
  public static final String INCLUDE_UNKNOWN_ENUM_MEMBERS = "include-unknown-enum-members";

  private Preferences() {}

  /**
   * Whether the {@code Prefer} header value (several headers joined with commas, or null when
   * absent) asks for evolvable enum members after {@code unknownFutureValue}. Preference names are
   * matched without regard to case; parameters and values are skipped.
   */
  public static boolean includeUnknownEnumMembers(String preferHeader) {
    if (preferHeader == null) {
      return false;
    }
    for (String preference : splitOutsideQuotes(preferHeader, ',')) {
      String token = splitOutsideQuotes(preference, ';').get(0);
      int equals = token.indexOf('=');
      String name = (equals < 0 ? token : token.substring(0, equals)).trim();
      if (name.toLowerCase(Locale.ROOT).equals(INCLUDE_UNKNOWN_ENUM_MEMBERS)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted && i + 1 < text.length()) {
        current.append(c);
        c = text.charAt(++i);
      } else if (c == separator && !quoted) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }
}
