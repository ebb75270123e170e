package org.caseops.batch.fulltext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mail addresses in a header value ({@code "Lee, Ann" <ann@mail.example.com>, bob@example.org})
 * and the keys an address restriction matches them by: the whole address, its local part, its
 * domain and each parent domain of at least two labels, all lower-case.
 */
public final class MailAddresses {
  private static final String LOCAL_CHARS = "!#$%&*+/=?^_{|}~.-";

  private MailAddresses() {}

  /**
   * The addr-specs ({@code local@domain}) found in the value, lower-case, in order, without
   * repeats.
   */
  public static List<String> in(String header) {
    Set<String> found = new LinkedHashSet<>();
    if (header == null) {
      return List.of();
    }
    int at = header.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > 0 && isLocal(header.charAt(start - 1))) {
        start--;
      }
      int end = at + 1;
      while (end < header.length() && isDomain(header.charAt(end))) {
        end++;
      }
      String local = trim(header.substring(start, at), ".");
      String domain = trim(header.substring(at + 1, end), ".-");
      if (!local.isEmpty() && !domain.isEmpty()) {
        found.add((local + "@" + domain).toLowerCase(Locale.ROOT));
      }
      at = header.indexOf('@', Math.max(end, at + 1));
    }
    return new ArrayList<>(found);
  }

  /**
   * Every key of every address in the value: the address, its local part, its domain and its parent
   * domains.
   */
  public static Set<String> keys(String header) {
    Set<String> keys = new LinkedHashSet<>();
    for (String address : in(header)) {
      int at = address.lastIndexOf('@');
      keys.add(address);
      keys.add(address.substring(0, at));
      String domain = address.substring(at + 1);
      keys.add(domain);
      int dot = domain.indexOf('.');
      while (dot >= 0 && domain.indexOf('.', dot + 1) >= 0) {
        domain = domain.substring(dot + 1);
        keys.add(domain);
        dot = domain.indexOf('.');
      }
    }
    return keys;
  }

  private static boolean isLocal(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || LOCAL_CHARS.indexOf(c) >= 0);
  }

  private static boolean isDomain(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
  }

  private static String trim(String s, String chars) {
    int from = 0;
    int to = s.length();
    while (from < to && chars.indexOf(s.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && chars.indexOf(s.charAt(to - 1)) >= 0) {
      to--;
    }
    return s.substring(from, to);
  }
}
