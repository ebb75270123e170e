package org.caseops.persistence.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Outside the server, stands in for the container: one entity manager and resource-local
 * transaction per thread and per transaction, as JTA gives each transaction its own persistence
 * context.
 */
public final class SeTransactions {
  private static volatile EntityManagerFactory factory;
  private static final ThreadLocal<Deque<EntityManager>> STACK =
      ThreadLocal.withInitial(ArrayDeque::new);

  private SeTransactions() {}

  public static void use(EntityManagerFactory emf) {
    factory = emf;
  }

  static boolean active() {
    return !STACK.get().isEmpty();
  }

  static EntityManager current() {
    EntityManager em = STACK.get().peek();
    if (em == null) {
      throw new IllegalStateException("no transaction is active on this thread");
    }
    return em;
  }

  static void begin() {
    if (factory == null) {
      throw new IllegalStateException("SeTransactions.use(emf) was not called");
    }
    EntityManager em = factory.createEntityManager();
    em.getTransaction().begin();
    STACK.get().push(em);
  }

  static void end(boolean commit) {
    EntityManager em = STACK.get().pop();
    try {
      if (commit && !em.getTransaction().getRollbackOnly()) {
        em.getTransaction().commit();
      } else if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
    } finally {
      em.close();
    }
  }
}
