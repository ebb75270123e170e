package org.caseops.persistence.testing;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Transactional;

/**
 * {@code @Transactional} outside the server, on resource-local JPA. As in JTA implementations, each
 * transaction type has its own interceptor, because the type is a binding member of the annotation.
 */
public abstract class SeTransactionalInterceptor {
  abstract boolean requiresNew();

  @AroundInvoke
  Object around(InvocationContext ctx) throws Exception {
    if (SeTransactions.active() && !requiresNew()) {
      return ctx.proceed();
    }
    SeTransactions.begin();
    boolean ok = false;
    try {
      Object result = ctx.proceed();
      ok = true;
      return result;
    } finally {
      SeTransactions.end(ok);
    }
  }

  @Transactional(Transactional.TxType.REQUIRED)
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
  public static class Required extends SeTransactionalInterceptor {
    @Override
    boolean requiresNew() {
      return false;
    }
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  @Interceptor
  @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
  public static class RequiresNew extends SeTransactionalInterceptor {
    @Override
    boolean requiresNew() {
      return true;
    }
  }
}
