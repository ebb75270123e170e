package org.caseops.api.operations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent operation events of this server, numbered, for the live stream: each event carries an
 * id {@code <boot>-<n>} so that a client reconnecting with {@code Last-Event-ID} gets what it
 * missed; a client whose id is from another boot of the server, or older than what is kept, gets
 * every kept event. Progress of one operation is kept at most every {@code minInterval} ms; a
 * change of status is always kept. Progress left out is owed: {@link #due} names the operations
 * whose latest progress was left out once their interval has passed, so that it is sent then.
 */
public final class OperationEventLog {
  /** One event: its id, the operation, its status and the operation's JSON. */
  public record Entry(String id, String operationId, String status, String data) {}

  private final String boot;
  private final int capacity;
  private final long minIntervalMillis;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> lastKeptAt = new HashMap<>();
  private final Map<String, String> lastStatus = new HashMap<>();
  private final Map<String, Long> owed = new HashMap<>();
  private long next = 1;

  public OperationEventLog(String boot, int capacity, long minIntervalMillis) {
    this.boot = boot;
    this.capacity = capacity;
    this.minIntervalMillis = minIntervalMillis;
  }

  /**
   * Keeps an event unless it only moves the progress of an operation that had an event less than
   * the interval ago.
   *
   * @return the event kept, or {@code null} when it was left out
   */
  public synchronized Entry offer(String operationId, String status, String data, long nowMillis) {
    Long last = lastKeptAt.get(operationId);
    boolean sameStatus = status.equals(lastStatus.get(operationId));
    if (last != null && sameStatus && nowMillis - last < minIntervalMillis) {
      owed.put(operationId, last + minIntervalMillis);
      return null;
    }
    owed.remove(operationId);
    lastKeptAt.put(operationId, nowMillis);
    lastStatus.put(operationId, status);
    Entry entry = new Entry(boot + "-" + next++, operationId, status, data);
    entries.addLast(entry);
    while (entries.size() > capacity) {
      Entry dropped = entries.removeFirst();
      if (entries.stream().noneMatch(e -> e.operationId().equals(dropped.operationId()))) {
        lastKeptAt.remove(dropped.operationId());
        lastStatus.remove(dropped.operationId());
      }
    }
    return entry;
  }

  /**
   * The operations whose latest progress was left out and whose interval has passed by {@code
   * nowMillis}: read them again and offer them, and their progress is sent. Each is named once.
   */
  public synchronized List<String> due(long nowMillis) {
    List<String> due = new ArrayList<>();
    owed.entrySet()
        .removeIf(
            e -> {
              if (e.getValue() <= nowMillis) {
                due.add(e.getKey());
                return true;
              }
              return false;
            });
    return due;
  }

  /** The kept events after the one with this id; every kept event when it is unknown. */
  public synchronized List<Entry> after(String lastEventId) {
    List<Entry> all = new ArrayList<>(entries);
    if (lastEventId == null || !lastEventId.startsWith(boot + "-")) {
      return lastEventId == null ? List.of() : all;
    }
    long n;
    try {
      n = Long.parseLong(lastEventId.substring(boot.length() + 1));
    } catch (NumberFormatException e) {
      return all;
    }
    long oldest = all.isEmpty() ? next : number(all.get(0));
    if (n < oldest - 1) {
      return all;
    }
    return all.stream().filter(e -> number(e) > n).toList();
  }

  private long number(Entry e) {
    return Long.parseLong(e.id().substring(boot.length() + 1));
  }
}
