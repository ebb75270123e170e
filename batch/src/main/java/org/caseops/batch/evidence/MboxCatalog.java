package org.caseops.batch.evidence;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.items.ItemState;

/**
 * Keeps the catalog entries of an mbox's messages where their bytes stand. A message of an mbox is
 * catalogued at {@code <path>#<offset>}; when the mbox is rewritten (by a purge or a restore, or by
 * anyone at the source), the messages after a change move, and their entries follow them by
 * SHA-256, keeping their ids (so their hold records, review-set copies and index documents keep
 * naming them). Nothing is parsed again: the location an index document stores is not searched.
 */
@Dependent
public class MboxCatalog {
  private static final Pattern MBOX_MESSAGE = Pattern.compile("(.+)#(\\d+)");

  @Inject ItemRepository catalog;

  /** Where a message went in a rewritten mbox, and its SHA-256. */
  public record Move(long offset, String sha256) {}

  /**
   * The file of a location: the location itself, or the mbox of a message's {@code path#offset}.
   */
  public static String pathOf(String location) {
    Matcher m = MBOX_MESSAGE.matcher(location);
    return m.matches() ? m.group(1) : location;
  }

  /** The offset of a message's location {@code path#offset}; -1 for a file's location. */
  public static long offsetOf(String location) {
    Matcher m = MBOX_MESSAGE.matcher(location);
    return m.matches() ? Long.parseLong(m.group(2)) : -1;
  }

  /** The messages of an mbox with their offsets and hashes (no content kept). */
  public static List<MboxSplitter.Message> split(Path file) throws IOException {
    List<MboxSplitter.Message> messages = new ArrayList<>();
    try (MboxSplitter splitter = new MboxSplitter(Files.newInputStream(file), 0, 0)) {
      for (MboxSplitter.Message m = splitter.next(); m != null; m = splitter.next()) {
        messages.add(m);
      }
    }
    return messages;
  }

  /**
   * Moves the catalog entries of the messages that moved in a rewritten mbox (old offset to where
   * it went) to their new locations, keeping their ids; the catalog writes each move once, in an
   * order where no entry lands where another has yet to leave ({@link ItemRepository#moveAll}). An
   * entry that stays at a location a moved message takes (a message gone from the mbox, kept from
   * its preserved copy only or still catalogued as last indexed) becomes the earlier version kept
   * at that location: it keeps its id, documents and hold records, and the moved message is the
   * current item there. A move whose place cannot be freed so (the same bytes are kept there as an
   * earlier version already) is not made, nor any move into the place that entry would have left.
   *
   * @param removedIds entries that leave the catalog (purged): neither moved nor kept
   */
  public void relocate(
      String sourceId, String path, Map<Long, Move> moves, Collection<String> removedIds) {
    Set<String> removed = new HashSet<>(removedIds);
    TreeMap<Long, Item> byOffset = new TreeMap<>();
    List<Item> inFile = catalog.listInFile(sourceId, path);
    for (Item item : inFile) {
      long offset = offsetOf(item.getLocation());
      Move move = moves.get(offset);
      // Only an entry still at its old place, with the bytes that moved (a restart may find the
      // catalog moved already).
      if (move != null
          && item.getState() == ItemState.current
          && !item.isEarlierVersion()
          && move.sha256().equals(item.getSha256())
          && !removed.contains(item.getId())) {
        byOffset.put(offset, item);
      }
    }
    if (byOffset.isEmpty()) {
      return;
    }
    Map<String, String> locations = new LinkedHashMap<>();
    Map<String, String> from = new HashMap<>();
    for (Map.Entry<Long, Item> e : byOffset.entrySet()) {
      String to = path + "#" + moves.get(e.getKey()).offset();
      locations.put(e.getValue().getId(), to);
      from.put(e.getValue().getId(), e.getValue().getLocation());
    }
    Set<String> targets = new HashSet<>(locations.values());
    Set<String> blocked = new HashSet<>();
    for (Item item : inFile) {
      if (!item.isEarlierVersion()
          && targets.contains(item.getLocation())
          && !locations.containsKey(item.getId())
          && !removed.contains(item.getId())
          && !catalog.keepAsVersion(item.getId())) {
        blocked.add(item.getLocation());
      }
    }
    while (!blocked.isEmpty()) {
      Set<String> left = new HashSet<>();
      locations
          .entrySet()
          .removeIf(
              move -> {
                if (blocked.contains(move.getValue())) {
                  left.add(from.get(move.getKey()));
                  return true;
                }
                return false;
              });
      blocked.clear();
      blocked.addAll(left);
    }
    catalog.moveAll(locations);
  }

  /**
   * Makes the catalog entries of an mbox's messages name where their bytes now stand, from the mbox
   * itself: an entry whose offset no longer holds a message with its SHA-256 (the mbox was edited
   * at its source, or a rewrite stopped after its rename and before the catalog followed) moves to
   * a message with its SHA-256 that no other entry names, pairing entries and messages of the same
   * bytes in the order of their offsets ({@link #relocate}). Entries kept from a preserved copy
   * only, earlier versions and entries that find no such message are not moved.
   *
   * @param messages the messages of the mbox as it now stands
   * @return the offsets of the messages no current catalog entry names
   */
  public Set<Long> follow(String sourceId, String path, List<MboxSplitter.Message> messages) {
    Map<Long, String> shaAt = new TreeMap<>();
    for (MboxSplitter.Message m : messages) {
      shaAt.put(m.offset(), m.sha256());
    }
    NavigableSet<Long> free = new TreeSet<>(shaAt.keySet());
    TreeMap<Long, Item> stale = new TreeMap<>();
    for (Item item : catalog.listInFile(sourceId, path)) {
      long offset = offsetOf(item.getLocation());
      if (offset < 0 || item.getState() != ItemState.current || item.isEarlierVersion()) {
        continue;
      }
      if (item.getSha256().equals(shaAt.get(offset)) && free.remove(offset)) {
        continue;
      }
      stale.put(offset, item);
    }
    Map<Long, Move> moves = new TreeMap<>();
    for (Map.Entry<Long, Item> e : stale.entrySet()) {
      String sha = e.getValue().getSha256();
      for (Long at : free) {
        if (sha.equals(shaAt.get(at))) {
          free.remove(at);
          moves.put(e.getKey(), new Move(at, sha));
          break;
        }
      }
    }
    if (!moves.isEmpty()) {
      relocate(sourceId, path, moves, List.of());
    }
    return free;
  }
}
