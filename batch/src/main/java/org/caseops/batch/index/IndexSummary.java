package org.caseops.batch.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.caseops.batch.extraction.UnindexedReasons;
import org.caseops.domain.operations.CaseOperationStatus;
import org.caseops.domain.operations.ResultInfo;

/**
 * The result of an index operation: {@code succeeded} (code 200) when every item read could be
 * indexed, otherwise {@code partiallySucceeded} (code 207); the message counts items indexed,
 * unchanged and unindexed (with the most frequent reasons), and notes files that could not be read,
 * sources without a folder and links not followed, e.g. "Indexed 2,998 items; 0 unchanged; 2
 * unindexed (1 corrupt, 1 encrypted)."
 */
public record IndexSummary(
    long indexed,
    long unchanged,
    Map<String, Long> unindexedReasons,
    long unreadable,
    List<String> unreadableSamples,
    List<String> folderNotes,
    long skippedLinks) {
  private static final int MAX_CATEGORIES = 4;

  public long unindexed() {
    return unindexedReasons.values().stream().mapToLong(Long::longValue).sum();
  }

  public CaseOperationStatus status() {
    return unindexed() > 0 || unreadable > 0
        ? CaseOperationStatus.partiallySucceeded
        : CaseOperationStatus.succeeded;
  }

  public ResultInfo resultInfo() {
    return new ResultInfo(status() == CaseOperationStatus.succeeded ? 200 : 207, 0, message());
  }

  public String message() {
    StringBuilder m = new StringBuilder();
    m.append("Indexed ").append(count(indexed, "item", "items"));
    m.append("; ").append(number(unchanged)).append(" unchanged");
    m.append("; ").append(number(unindexed())).append(" unindexed");
    Map<String, Long> categories = categories();
    if (!categories.isEmpty()) {
      List<String> parts = new ArrayList<>();
      int shown = 0;
      long others = 0;
      for (Map.Entry<String, Long> e : categories.entrySet()) {
        if (shown < MAX_CATEGORIES) {
          parts.add(number(e.getValue()) + " " + e.getKey());
          shown++;
        } else {
          others += e.getValue();
        }
      }
      if (others > 0) {
        parts.add(number(others) + " other");
      }
      m.append(" (").append(String.join(", ", parts)).append(")");
    }
    m.append('.');
    if (unreadable > 0) {
      m.append(' ')
          .append(count(unreadable, "file", "files"))
          .append(" could not be read and ")
          .append(unreadable == 1 ? "was" : "were")
          .append(" skipped: ")
          .append(String.join("; ", unreadableSamples))
          .append(unreadable > unreadableSamples.size() ? "; ..." : "")
          .append('.');
    }
    if (!folderNotes.isEmpty()) {
      m.append(' ')
          .append(count(folderNotes.size(), "source has", "sources have"))
          .append(" nothing to read: ")
          .append(String.join("; ", folderNotes.subList(0, Math.min(5, folderNotes.size()))))
          .append(folderNotes.size() > 5 ? "; ..." : "")
          .append('.');
    }
    if (skippedLinks > 0) {
      m.append(' ')
          .append(count(skippedLinks, "symbolic link was", "symbolic links were"))
          .append(" not followed (folders, dangling, or outside the evidence root).");
    }
    return m.toString();
  }

  /** Unindexed counts per reason category, most frequent first. */
  private Map<String, Long> categories() {
    Map<String, Long> byCategory = new LinkedHashMap<>();
    unindexedReasons.forEach(
        (reason, n) -> byCategory.merge(UnindexedReasons.categoryOf(reason), n, Long::sum));
    List<Map.Entry<String, Long>> sorted = new ArrayList<>(byCategory.entrySet());
    sorted.sort(
        Comparator.comparing(Map.Entry<String, Long>::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    Map<String, Long> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private static String count(long n, String one, String many) {
    return number(n) + " " + (n == 1 ? one : many);
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
