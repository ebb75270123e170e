package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.domain.reviewsets.PdfRendition;
import org.caseops.domain.reviewsets.PdfRenditionRepository;

/** The PDF renditions of review-set files in JPA. */
@ApplicationScoped
@Transactional
public class JpaPdfRenditionRepository implements PdfRenditionRepository {
  @Inject @CaseopsUnit EntityManager em;

  @Override
  public Optional<PdfRendition> find(String fileId) {
    return Optional.ofNullable(em.find(PdfRendition.class, fileId));
  }

  @Override
  public Map<String, PdfRendition> findAll(Collection<String> fileIds) {
    Map<String, PdfRendition> found = new HashMap<>();
    for (List<String> part : JpaReviewSetRepository.parts(fileIds)) {
      for (PdfRendition r :
          em.createQuery("SELECT r FROM PdfRendition r WHERE r.fileId IN :ids", PdfRendition.class)
              .setParameter("ids", part)
              .getResultList()) {
        found.put(r.getFileId(), r);
      }
    }
    return found;
  }

  @Override
  public void saveAll(List<PdfRendition> renditions) {
    for (PdfRendition r : renditions) {
      em.merge(r);
    }
    em.flush();
  }
}
