package org.caseops.api.testing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;

/** PDF renditions in a map keyed by file id. */
public class InMemoryPdfRenditions implements PdfRenditionRepository {
  public final Map<String, PdfRendition> byFile = new LinkedHashMap<>();

  @Override
  public Optional<PdfRendition> find(String fileId) {
    return Optional.ofNullable(byFile.get(fileId));
  }

  @Override
  public Map<String, PdfRendition> findAll(Collection<String> fileIds) {
    Map<String, PdfRendition> found = new HashMap<>();
    for (String id : fileIds) {
      if (byFile.containsKey(id)) {
        found.put(id, byFile.get(id));
      }
    }
    return found;
  }

  @Override
  public void saveAll(List<PdfRendition> renditions) {
    for (PdfRendition r : renditions) {
      byFile.put(r.getFileId(), r);
    }
  }
}
