package org.caseops.domain.reviewsets;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The PDF renditions of review-set files, one per file at most. */
public interface PdfRenditionRepository {
  /** The rendition of a file, if it has one. */
  Optional<PdfRendition> find(String fileId);

  /** The renditions of the given files that have one, by file id. */
  Map<String, PdfRendition> findAll(Collection<String> fileIds);

  /** Stores the renditions, replacing those the files had, in one batch. */
  void saveAll(List<PdfRendition> renditions);
}
