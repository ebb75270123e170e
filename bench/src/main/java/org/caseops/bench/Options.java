package org.caseops.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} or {@code --flag}; unknown names are
 * refused.
 */
final class Options {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> flags = new HashSet<>();

  private Options() {}

  /**
   * Parses the arguments; {@code valued} names take a value, {@code flagNames} do not.
   *
   * @throws IllegalArgumentException on an unknown option or a missing value
   */
  static Options parse(String[] args, Set<String> valued, Set<String> flagNames) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      String name = arg.substring(2);
      int eq = name.indexOf('=');
      if (eq > 0) {
        String key = name.substring(0, eq);
        if (!valued.contains(key)) {
          throw new IllegalArgumentException("unknown option --" + key);
        }
        o.values.put(key, name.substring(eq + 1));
      } else if (flagNames.contains(name)) {
        o.flags.add(name);
      } else if (valued.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        o.values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    return o;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String string(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  int integer(String name, int defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v.replace("_", "").replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + v);
    }
  }

  long longValue(String name, long defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a whole number: " + v);
    }
  }

  double decimal(String name, double defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number: " + v);
    }
  }

  Path path(String name, Path defaultValue) {
    String v = values.get(name);
    return v == null ? defaultValue : Path.of(v);
  }
}
