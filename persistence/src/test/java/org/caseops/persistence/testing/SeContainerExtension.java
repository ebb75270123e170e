package org.caseops.persistence.testing;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import org.caseops.persistence.jpa.EntityManagerProducer;

/**
 * Outside the server there is no container-managed persistence context: its producer gives way to
 * the SE one.
 */
public class SeContainerExtension implements Extension {
  void vetoContainerProducer(@Observes ProcessAnnotatedType<EntityManagerProducer> type) {
    type.veto();
  }
}
