package org.caseops.api.testing;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.caseops.api.errors.ApiException;
import org.caseops.api.errors.RequestRefusedExceptionMapper;
import org.caseops.domain.support.RequestRefusedException;

/**
 * Failures as the REST layer answers them: a refusal of the rules ({@link RequestRefusedException})
 * becomes the {@link ApiException} of the Graph error its mapper writes, so that tests of services
 * assert status, code and message.
 */
public final class GraphErrors {
  private GraphErrors() {}

  /**
   * Like {@link Assertions#assertThatThrownBy}, with a refusal seen as the Graph error it is
   * answered with.
   */
  public static AbstractThrowableAssert<?, ? extends Throwable> assertThatRefusedBy(
      ThrowingCallable call) {
    return Assertions.assertThatThrownBy(
        () -> {
          try {
            call.call();
          } catch (RequestRefusedException e) {
            throw RequestRefusedExceptionMapper.toApiException(e);
          }
        });
  }

  /**
   * The failure as the Graph error it is answered with: a refusal mapped, anything else as it is.
   */
  public static Throwable answered(Throwable failure) {
    return failure instanceof RequestRefusedException refused
        ? RequestRefusedExceptionMapper.toApiException(refused)
        : failure;
  }
}
