package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.caseops.domain.exports.BatesRange;
import org.caseops.domain.exports.ExportFile;
import org.caseops.domain.exports.ExportFileRepository;

/** The registry of export files in JPA. */
@ApplicationScoped
@Transactional
public class JpaExportFileRepository implements ExportFileRepository {
  @Inject @CaseopsUnit EntityManager em;

  @Override
  public void put(ExportFile file) {
    ExportFile existing = em.find(ExportFile.class, file.getId());
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    em.persist(file);
  }

  @Override
  public List<ExportFile> listOfOperation(String operationId) {
    return em.createQuery(
            "SELECT f FROM ExportFile f WHERE f.operationId = :o ORDER BY f.fileName",
            ExportFile.class)
        .setParameter("o", operationId)
        .getResultList();
  }

  @Override
  public Optional<ExportFile> find(String caseId, String fileId) {
    ExportFile file = em.find(ExportFile.class, fileId);
    return file != null && file.getCaseId().equals(caseId) ? Optional.of(file) : Optional.empty();
  }

  @Override
  public void recordBates(BatesRange range) {
    BatesRange existing = em.find(BatesRange.class, range.getOperationId());
    if (existing != null) {
      em.remove(existing);
      em.flush();
    }
    em.persist(range);
  }

  @Override
  public long lastBatesNumber(String caseId) {
    Long last =
        em.createQuery("SELECT MAX(b.last) FROM BatesRange b WHERE b.caseId = :c", Long.class)
            .setParameter("c", caseId)
            .getSingleResult();
    return last == null ? 0 : last;
  }
}
