package org.caseops.persistence.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Makes the container-managed entity manager of the {@code caseops} unit injectable, as
 * {@code @Inject @CaseopsUnit EntityManager}.
 */
@ApplicationScoped
public class EntityManagerProducer {
  @Produces
  @CaseopsUnit
  @PersistenceContext(unitName = "caseops")
  private EntityManager entityManager;
}
