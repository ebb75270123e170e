package org.caseops.batch.fulltext;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.caseops.batch.config.CaseopsPaths;

/**
 * The Lucene index writers of the cases, one per index folder ({@code <data dir>/indexes/<caseId>}) for the whole
 * application, since Lucene allows one writer per folder. Writers stay open between jobs and are closed when the
 * application stops.
 */
@ApplicationScoped
public class CaseIndexes {
  private static final Logger LOG = Logger.getLogger(CaseIndexes.class.getName());

  private final Map<Path, IndexWriter> writers = new ConcurrentHashMap<>();

  /** The writer of the case's index, opened (and the folder created) on first use. */
  public IndexWriter writer(String caseId) {
    Path folder = CaseopsPaths.indexDir(caseId);
    return writers.compute(folder, (dir, current) -> current != null && current.isOpen() ? current : open(dir));
  }

  private static IndexWriter open(Path folder) {
    try {
      Files.createDirectories(folder);
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(32);
      return new IndexWriter(FSDirectory.open(folder), config);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the full-text index in " + folder, e);
    }
  }

  /** Closes the case's writer, if open, committing what it holds (before the case's index folder is removed). */
  public void close(String caseId) {
    IndexWriter writer = writers.remove(CaseopsPaths.indexDir(caseId));
    if (writer != null) {
      closeQuietly(writer);
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
