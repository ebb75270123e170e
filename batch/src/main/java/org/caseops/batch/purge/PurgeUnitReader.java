package org.caseops.batch.purge;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.caseops.batch.evidence.MboxCatalog;
import org.caseops.batch.fulltext.IndexFields;
import org.caseops.batch.fulltext.ItemIds;
import org.caseops.batch.fulltext.SearchQueries;
import org.caseops.batch.operations.OperationRun;
import org.caseops.domain.custodians.CustodianRepository;
import org.caseops.domain.items.Item;
import org.caseops.domain.items.ItemRepository;
import org.caseops.domain.operations.CaseOperationRepository;
import org.caseops.domain.purge.PurgeLimit;
import org.caseops.domain.searches.SearchRepository;
import org.caseops.persistence.config.CaseopsConfig;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * Reads the files to purge: on opening, the search runs once over the case index restricted to the
 * sources in scope (on the first start only; see {@link #targets}); the matching items' catalog
 * entries are grouped by file ({@link PurgeUnit}) and handed out in key order. A search that now
 * matches more items than the purge limit fails the job before anything changes. The checkpoint is
 * the key of the last unit handed out, so a restart resumes after it (units done before are not
 * found again: their items left the index).
 */
@Dependent
@Named
public class PurgeUnitReader extends AbstractItemReader {
  private static final int PAGE = 1000;

  @Inject JobContext jobContext;
  @Inject CaseOperationRepository operations;
  @Inject SearchRepository searches;
  @Inject CustodianRepository custodians;
  @Inject ItemRepository catalog;

  private final Deque<PurgeUnit> units = new ArrayDeque<>();
  private String lastKey;
  private long itemsDone;

  @Override
  public void open(Serializable checkpoint) throws Exception {
    OperationRun run = OperationRun.of(jobContext);
    PurgeTarget target =
        PurgeTarget.of(operations.find(run.operationId()).orElseThrow(), searches, custodians);
    if (checkpoint instanceof PurgeUnit.Checkpoint c) {
      lastKey = c.afterKey();
      itemsDone = c.itemsDone();
    }
    Map<String, List<PurgeUnit.Target>> byFile = new TreeMap<>();
    Map<String, Boolean> mbox = new TreeMap<>();
    for (PurgeUnit.Target t : targets(run, target)) {
      String path = MboxCatalog.pathOf(t.location());
      String key = PurgeUnit.key(t.sourceId(), path);
      if (lastKey != null && key.compareTo(lastKey) <= 0) {
        continue;
      }
      byFile.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
      mbox.merge(key, MboxCatalog.offsetOf(t.location()) >= 0, Boolean::logicalOr);
    }
    for (Map.Entry<String, List<PurgeUnit.Target>> e : byFile.entrySet()) {
      PurgeUnit.Target first = e.getValue().get(0);
      e.getValue().sort((a, b) -> a.location().compareTo(b.location()));
      units.add(
          new PurgeUnit(
              first.sourceId(),
              MboxCatalog.pathOf(first.location()),
              mbox.get(e.getKey()),
              List.copyOf(e.getValue())));
    }
    run.totalWork(itemsDone + units.stream().mapToLong(u -> u.targets().size()).sum());
    run.doneWork(itemsDone);
  }

  /**
   * The items to purge: the search runs once, on the first start, and the catalog entries of its
   * hits are kept in the purge's folder ({@code targets}, written whole or not at all), so that a
   * restart works on the same items as they were catalogued, whatever the index and the catalog say
   * by then (a restart may follow a chunk whose files were changed and whose records were not
   * written).
   */
  private List<PurgeUnit.Target> targets(OperationRun run, PurgeTarget target) throws IOException {
    Path file = CaseopsPaths.purgeDir(run.caseId(), run.operationId()).resolve("targets");
    if (Files.isRegularFile(file)) {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .map(PurgeUnit.Target::parse)
          .toList();
    }
    List<String> hits = target.scope().isEmpty() ? List.of() : hitIds(run.caseId(), target);
    new PurgeLimit(CaseopsConfig.current().purgeMaxItems()).check(target.searchId(), hits.size());
    List<PurgeUnit.Target> targets = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i += PAGE) {
      for (Item item : catalog.findAll(hits.subList(i, Math.min(hits.size(), i + PAGE)))) {
        targets.add(PurgeUnit.Target.of(item));
      }
    }
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling("targets.tmp");
    StringBuilder text = new StringBuilder();
    for (PurgeUnit.Target t : targets) {
      text.append(t.line()).append('\n');
    }
    Purger.writeForced(
        temp, new java.io.ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)));
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return targets;
  }

  private static List<String> hitIds(String caseId, PurgeTarget target) throws IOException {
    Optional<DirectoryReader> opened = SearchQueries.open(CaseopsPaths.indexDir(caseId));
    if (opened.isEmpty()) {
      return List.of();
    }
    try (DirectoryReader index = opened.get()) {
      return ItemIds.matching(
              index, SearchQueries.restrict(target.query(), IndexFields.SOURCE_ID, target.scope()))
          .stream()
          .distinct()
          .toList();
    }
  }

  @Override
  public Object readItem() {
    PurgeUnit unit = units.poll();
    if (unit != null) {
      lastKey = unit.key();
      itemsDone += unit.targets().size();
      OperationRun.of(jobContext).doneWork(itemsDone);
    }
    return unit;
  }

  @Override
  public Serializable checkpointInfo() {
    return new PurgeUnit.Checkpoint(lastKey, itemsDone);
  }
}
