package org.caseops.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.OperationStartExceptionMapper;
import org.caseops.api.errors.RequestRefusedExceptionMapper;
import org.caseops.domain.operations.OperationStartException;
import org.caseops.domain.support.RequestRefusedException;

/**
 * What the client sees of a failure a service or parser threw: the status, code and message its
 * mapper writes.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** The failure as the Graph error the JAX-RS layer writes for it. */
  public static ApiException of(Throwable t) {
    if (t instanceof ApiException api) {
      return api;
    }
    if (t instanceof RequestRefusedException refused) {
      return RequestRefusedExceptionMapper.toApiException(refused);
    }
    if (t instanceof OperationStartException start) {
      return OperationStartExceptionMapper.toApiException(start);
    }
    throw new AssertionError("not a failure the client sees as a Graph error: " + t, t);
  }

  /** Asserts the failure's status and that its message holds every part. */
  public static void assertStatus(Throwable t, int status, String... inMessage) {
    ApiException e = of(t);
    assertThat(e.status()).as(e.getMessage()).isEqualTo(status);
    for (String part : inMessage) {
      assertThat(e.getMessage()).contains(part);
    }
  }
}
