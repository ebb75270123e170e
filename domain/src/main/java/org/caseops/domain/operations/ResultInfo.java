package org.caseops.domain.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Graph's {@code resultInfo}: how an operation ended. {@code code} follows HTTP classes (2xx
 * success, 4xx a problem with the input, 5xx a problem of the server), {@code message} is for
 * people and never holds a stack trace.
 */
@Embeddable
public class ResultInfo {
  public static final int MAX_MESSAGE = 4000;

  @Column(name = "result_code")
  private Integer code;

  @Column(name = "result_subcode")
  private Integer subcode;

  @Column(name = "result_message", length = MAX_MESSAGE)
  private String message;

  protected ResultInfo() {}

  public ResultInfo(int code, int subcode, String message) {
    this.code = code;
    this.subcode = subcode;
    this.message =
        message == null || message.length() <= MAX_MESSAGE
            ? message
            : message.substring(0, MAX_MESSAGE);
  }

  public Integer getCode() {
    return code;
  }

  public Integer getSubcode() {
    return subcode;
  }

  public String getMessage() {
    return message;
  }

  public boolean isEmpty() {
    return code == null && subcode == null && message == null;
  }
}
