package org.caseops.batch.fulltext;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.caseops.domain.cases.CaseDeleted;
import org.caseops.persistence.storage.CaseopsPaths;

/**
 * The Lucene index writers of the cases, one per index folder ({@code <data dir>/indexes/<caseId>})
 * for the whole application, since Lucene allows one writer per folder. Writers stay open between
 * jobs and are closed when the application stops.
 */
@ApplicationScoped
public class CaseIndexes {
  private static final Logger LOG = Logger.getLogger(CaseIndexes.class.getName());

  private final Map<Path, IndexWriter> writers = new ConcurrentHashMap<>();

  /** The writer of the case's index, opened (and the folder created) on first use. */
  public IndexWriter writer(String caseId) {
    Path folder = CaseopsPaths.indexDir(caseId);
    return writers.compute(
        folder, (dir, current) -> current != null && current.isOpen() ? current : open(dir));
  }

  private static IndexWriter open(Path folder) {
    try {
      Files.createDirectories(folder);
      IndexWriterConfig config = new IndexWriterConfig(IndexFields.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(32);
      return new IndexWriter(FSDirectory.open(folder), config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the full-text index in " + folder, e);
    }
  }

  /**
   * Whether the case's index holds documents in the current {@link IndexFields#FORMAT}: its last
   * commit says so, or it holds no documents at all.
   */
  public boolean holdsCurrentFormat(String caseId) {
    IndexWriter writer = writer(caseId);
    if (writer.getDocStats().numDocs == 0) {
      return true;
    }
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (IndexFields.FORMAT_KEY.equals(entry.getKey())) {
          return IndexFields.FORMAT.equals(entry.getValue());
        }
      }
    }
    return false;
  }

  /** Records, with a commit, that every document of the case's index is in the current format. */
  public void markCurrentFormat(String caseId) {
    IndexWriter writer = writer(caseId);
    writer.setLiveCommitData(Map.of(IndexFields.FORMAT_KEY, IndexFields.FORMAT).entrySet());
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the full-text index of case " + caseId, e);
    }
  }

  /**
   * Closes the case's writer, if open, committing what it holds (before the case's index folder is
   * removed).
   */
  public void close(String caseId) {
    IndexWriter writer = writers.remove(CaseopsPaths.indexDir(caseId));
    if (writer != null) {
      closeQuietly(writer);
    }
  }

  /** Removes the index of a deleted case: its writer is closed and its folder deleted. */
  void onCaseDeleted(@Observes CaseDeleted deleted) {
    close(deleted.caseId());
    Path folder = CaseopsPaths.indexDir(deleted.caseId());
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "could not remove the full-text index in " + folder, e);
    }
  }

  @PreDestroy
  void closeAll() {
    writers.values().forEach(CaseIndexes::closeQuietly);
    writers.clear();
  }

  private static void closeQuietly(IndexWriter writer) {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "could not close a full-text index writer", e);
    }
  }
}
