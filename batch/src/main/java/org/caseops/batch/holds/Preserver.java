package org.caseops.batch.holds;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.caseops.batch.addtoreviewset.CopyPool;
import org.caseops.batch.evidence.ItemContent;
import org.caseops.batch.evidence.SourceFolder;
import org.caseops.domain.custodians.CustodianSource;
import org.caseops.domain.holds.HoldRef;
import org.caseops.domain.holds.HoldRepository;
import org.caseops.domain.holds.PreservedItem;
import org.caseops.domain.items.ContentStore;
import org.caseops.domain.items.Item;
import org.caseops.persistence.config.CaseopsConfig;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Preserves catalogued items under holds (custodians', non-custodial data sources', legal holds'):
 * stores each item's native bytes in the case's content store under their SHA-256 (once per
 * content, checked against the catalogued hash; a content the case holds already, for a review set
 * or another hold, is not stored again), then records, for every item whose content is stored,
 * which hold covers which version. An item that is a whole file is stored as a hard link to that
 * file where the store's file system allows and {@code caseops.hold.links} is on (off by default:
 * bytes written into the file in place would reach the link; {@link ContentStore#link}), which
 * reads its bytes once to check them and writes none; a message inside an mbox file, or a file that
 * cannot be linked, is copied. An item whose bytes can no longer be read, or no longer have the
 * catalogued hash, is left unrecorded.
 */
@Dependent
public class Preserver {
  private static final Logger LOG = Logger.getLogger(Preserver.class.getName());

  private final ContentStore store;
  private final HoldRepository holds;
  private final CopyPool pool;
  private final ItemContent contents = new ItemContent();
  private final Map<String, SourceFolder> folders = new ConcurrentHashMap<>();

  /** Sources whose files cannot be linked into the store (another file system): copied. */
  private final Set<String> unlinkable = ConcurrentHashMap.newKeySet();

  @Inject
  public Preserver(ContentStore store, HoldRepository holds, CopyPool pool) {
    this.store = store;
    this.holds = holds;
    this.pool = pool;
  }

  /**
   * Preserves the items (all of the case) of the given sources under their sources' container holds
   * (custodian or non-custodial data source), copying up to {@code threads} contents at once;
   * returns how many records are now made.
   *
   * @param sources the held sources by id; items of other sources are left alone
   */
  public int preserve(
      String caseId,
      List<Item> items,
      Map<String, CustodianSource> sources,
      String operationId,
      int threads,
      long maxBytes)
      throws Exception {
    return preserve(
        caseId,
        items,
        sources,
        item -> List.of(sources.get(item.getSourceId()).containerHold()),
        operationId,
        threads,
        maxBytes);
  }

  /**
   * Preserves the items (all of the case) of the given sources under the holds {@code holdsOf}
   * names for each, copying up to {@code threads} contents at once; returns how many records are
   * now made.
   *
   * @param sources the held sources by id; items of other sources are left alone
   */
  public int preserve(
      String caseId,
      List<Item> items,
      Map<String, CustodianSource> sources,
      Function<Item, List<HoldRef>> holdsOf,
      String operationId,
      int threads,
      long maxBytes)
      throws Exception {
    Map<String, List<Item>> bySha = new LinkedHashMap<>();
    for (Item item : items) {
      // An earlier version kept as an item of its own is preserved already, as the item it was.
      if (sources.containsKey(item.getSourceId()) && !item.isEarlierVersion()) {
        bySha.computeIfAbsent(item.getSha256(), k -> new ArrayList<>()).add(item);
      }
    }
    Set<String> stored = ConcurrentHashMap.newKeySet();
    boolean link = CaseopsConfig.current().holdLinks();
    pool.forEach(
        new ArrayList<>(bySha.values()),
        threads,
        sameContent -> {
          if (store(caseId, sameContent, sources, maxBytes, link)) {
            stored.add(sameContent.get(0).getSha256());
          }
        });
    Instant now = Instant.now();
    List<PreservedItem> records = new ArrayList<>();
    for (Map.Entry<String, List<Item>> entry : bySha.entrySet()) {
      if (!stored.contains(entry.getKey())) {
        continue;
      }
      for (Item item : entry.getValue()) {
        CustodianSource source = sources.get(item.getSourceId());
        for (HoldRef hold : holdsOf.apply(item)) {
          records.add(
              PreservedItem.of(
                  caseId,
                  hold,
                  source.getCustodianId(),
                  item.getSourceId(),
                  item.getId(),
                  item.getSha256(),
                  item.getSize(),
                  operationId,
                  now));
        }
      }
    }
    holds.preserve(records);
    return records.size();
  }

  /** Makes sure the content of these items (all of one SHA-256) is stored; false when it is not. */
  private boolean store(
      String caseId,
      List<Item> sameContent,
      Map<String, CustodianSource> sources,
      long maxBytes,
      boolean link)
      throws IOException {
    String sha = sameContent.get(0).getSha256();
    if (store.contains(caseId, sha)) {
      return true;
    }
    Path root = CaseopsPaths.evidenceRoot();
    for (Item item : sameContent) {
      SourceFolder folder =
          folders.computeIfAbsent(
              item.getSourceId(), id -> SourceFolder.locate(root, sources.get(id)));
      if (link && !unlinkable.contains(item.getSourceId())) {
        try {
          Path file = contents.wholeFile(folder, item.getLocation());
          if (file != null) {
            if (store.link(caseId, sha, file)) {
              return true;
            }
            unlinkable.add(item.getSourceId());
          }
        } catch (IOException e) {
          LOG.log(
              Level.FINE, () -> "item " + item.getId() + " cannot be preserved: " + e.getMessage());
          continue;
        }
      }
      try (InputStream content =
          contents.open(folder, item.getLocation(), item.getSize(), maxBytes)) {
        store.put(caseId, sha, content);
        return true;
      } catch (IOException e) {
        LOG.log(
            Level.FINE, () -> "item " + item.getId() + " cannot be preserved: " + e.getMessage());
      }
    }
    return false;
  }
}
