package org.caseops.batch.contentexport;

import java.util.Locale;

/** The names export files and ZIP entries take: characters safe in a file name on any system. */
public final class ExportNames {
  private ExportNames() {}

  /**
   * A string reduced to characters safe in a file name (letters, digits, {@code -}, {@code _} and
   * {@code .}; others become {@code _}), at most {@code max} long, without leading dots.
   */
  public static String safe(String s, int max) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < max; i++) {
      char c = s.charAt(i);
      b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_');
    }
    String out = b.toString();
    while (out.startsWith(".")) {
      out = out.substring(1);
    }
    return out;
  }

  /**
   * The path of a native in an export: {@code natives/<DocID>.<ext>}; with {@code folderAndPath},
   * under {@code natives/<source>/<folders of the file in its source>/} ({@code condense}: the last
   * folder only); with {@code friendly}, {@code <DocID>_<file name>.<ext>}.
   */
  public static String nativePath(
      String docId,
      String source,
      String location,
      String fileName,
      String extension,
      boolean folderAndPath,
      boolean condense,
      boolean friendly) {
    StringBuilder path = new StringBuilder("natives/");
    if (folderAndPath) {
      path.append(safe(source, 120)).append('/');
      int hash = location.indexOf('#');
      String inSource = hash >= 0 ? location.substring(0, hash) : location;
      String[] segments = inSource.split("/");
      int from = condense ? Math.max(0, segments.length - 2) : 0;
      for (int i = from; i < segments.length - 1; i++) {
        String segment = safe(segments[i], 120);
        if (!segment.isEmpty()) {
          path.append(segment).append('/');
        }
      }
    }
    path.append(docId);
    if (friendly) {
      String name = safe(fileName, 120);
      String suffix = "." + extension;
      if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
      }
      if (!name.isEmpty()) {
        path.append('_').append(name);
      }
    }
    if (!extension.isEmpty()) {
      path.append('.').append(extension);
    }
    return path.toString();
  }
}
