package org.caseops.persistence.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.caseops.persistence.jpa.CaseopsUnit;

/**
 * Outside the server, injects an entity manager that is always the current thread's transactional
 * one.
 */
@ApplicationScoped
public class SeEntityManagerProducer {
  @Produces
  @CaseopsUnit
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              try {
                return method.invoke(SeTransactions.current(), args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
